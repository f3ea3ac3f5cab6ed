CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`plan_id` text NOT NULL,
	`title` text NOT NULL,
	`held_on` text NOT NULL,
	`venue` text,
	`attendees` text NOT NULL,
	`apologies` text NOT NULL,
	`general_update` text,
	`support_received` text NOT NULL,
	`agreed_actions` text NOT NULL,
	`conclusion` text,
	`next_review_on` text,
	`author` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reviews_plan_held` ON `reviews` (`plan_id`,`held_on`);--> statement-breakpoint
ALTER TABLE `plans` ADD `review_cadence_months` integer;