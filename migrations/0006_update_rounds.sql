CREATE TABLE `item_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`item_type` text NOT NULL,
	`item_id` text NOT NULL,
	`at` text NOT NULL,
	`author` text NOT NULL,
	`text` text NOT NULL,
	`request_id` text
);
--> statement-breakpoint
CREATE INDEX `item_comments_item` ON `item_comments` (`item_type`,`item_id`,`at`);--> statement-breakpoint
CREATE TABLE `update_links` (
	`secret_hash` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `update_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `update_links_request` ON `update_links` (`request_id`);--> statement-breakpoint
CREATE TABLE `update_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`round_id` text NOT NULL,
	`owner` text NOT NULL,
	`email` text NOT NULL,
	`items` text NOT NULL,
	`state` text NOT NULL,
	`sent_at` text,
	`remind_claimed_at` text,
	`reminded_at` text,
	`submitted_at` text,
	`submission` text,
	`return_note` text,
	`returned_at` text,
	`accepted_at` text,
	`accepted_by` text,
	FOREIGN KEY (`round_id`) REFERENCES `update_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `update_requests_round` ON `update_requests` (`round_id`,`id`);--> statement-breakpoint
CREATE TABLE `update_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`plan_id` text NOT NULL,
	`title` text NOT NULL,
	`opens_on` text NOT NULL,
	`due_on` text NOT NULL,
	`remind_after_working_days` integer DEFAULT 3 NOT NULL,
	`escalate_to` text,
	`include_registers` integer DEFAULT false NOT NULL,
	`message` text,
	`state` text NOT NULL,
	`open_claimed_at` text,
	`opened_at` text,
	`closed_at` text,
	`escalation_claimed_at` text,
	`escalated_at` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `update_rounds_plan` ON `update_rounds` (`plan_id`,`id`);--> statement-breakpoint
CREATE INDEX `update_rounds_due` ON `update_rounds` (`state`,`opens_on`);--> statement-breakpoint
ALTER TABLE `actions` ADD `owner_email` text;--> statement-breakpoint
ALTER TABLE `benefits` ADD `owner_email` text;--> statement-breakpoint
ALTER TABLE `dependencies` ADD `owner_email` text;--> statement-breakpoint
ALTER TABLE `highlight_reports` ADD `submitted_at` text;--> statement-breakpoint
ALTER TABLE `highlight_reports` ADD `submitted_by` text;--> statement-breakpoint
ALTER TABLE `highlight_reports` ADD `submitted_by_token_id` text;--> statement-breakpoint
ALTER TABLE `highlight_reports` ADD `approved_at` text;--> statement-breakpoint
ALTER TABLE `highlight_reports` ADD `approved_by` text;--> statement-breakpoint
ALTER TABLE `highlight_reports` ADD `return_note` text;--> statement-breakpoint
ALTER TABLE `issues` ADD `owner_email` text;--> statement-breakpoint
ALTER TABLE `risks` ADD `owner_email` text;