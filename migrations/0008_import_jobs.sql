CREATE TABLE `import_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`status` text NOT NULL,
	`dry_run` integer NOT NULL,
	`rows` integer NOT NULL,
	`actor_name` text NOT NULL,
	`actor_role` text NOT NULL,
	`actor_token_id` text,
	`runner_pid` integer NOT NULL,
	`submitted_at` text NOT NULL,
	`started_at` text,
	`finished_at` text,
	`result` text,
	`error` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_jobs_submitted` ON `import_jobs` (`submitted_at`);