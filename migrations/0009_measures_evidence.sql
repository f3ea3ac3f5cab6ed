CREATE TABLE `measure_values` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`measure_id` text NOT NULL,
	`period` text NOT NULL,
	`value` real NOT NULL,
	`note` text,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measure_values_measure_period` ON `measure_values` (`measure_id`,`period`);--> statement-breakpoint
CREATE INDEX `measure_values_measure` ON `measure_values` (`measure_id`);--> statement-breakpoint
CREATE TABLE `measures` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`plan_id` text NOT NULL,
	`ref` text NOT NULL,
	`title` text NOT NULL,
	`definition` text NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`source` text,
	`frequency` text,
	`area_ids` text NOT NULL,
	`action_ids` text NOT NULL,
	`project_id` text,
	`baseline` text,
	`milestones` text NOT NULL,
	`target` text,
	`tolerance` real DEFAULT 0 NOT NULL,
	`comparators` text NOT NULL,
	`definition_history` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measures_plan_ref` ON `measures` (`plan_id`,`ref`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`plan_id` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`as_of` text NOT NULL,
	`description` text,
	`upload_id` text,
	`url` text,
	`area_ids` text NOT NULL,
	`action_ids` text NOT NULL,
	`measure_ids` text NOT NULL,
	`request_items` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`upload_id`) REFERENCES `uploads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_plan_as_of` ON `evidence` (`plan_id`,`as_of`);--> statement-breakpoint
ALTER TABLE `area_updates` ADD `evidence_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `uploads` ADD `media_type` text DEFAULT 'application/pdf' NOT NULL;--> statement-breakpoint
CREATE INDEX `uploads_sha256` ON `uploads` (`sha256`);