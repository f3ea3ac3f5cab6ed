CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`plan_id` text NOT NULL,
	`ref` text NOT NULL,
	`title` text NOT NULL,
	`area_id` text,
	`project_id` text,
	`workstream_id` text,
	`responsible_organisation` text,
	`owner` text,
	`start_date` text,
	`due_date` text NOT NULL,
	`revised_due_date` text,
	`percent_complete` integer DEFAULT 0 NOT NULL,
	`milestone` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`delay_reason` text,
	`mitigation` text,
	`rag_override` text,
	`rag_override_reason` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`workstream_id`) REFERENCES `workstreams`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `actions_plan_ref` ON `actions` (`plan_id`,`ref`);--> statement-breakpoint
CREATE INDEX `actions_project` ON `actions` (`project_id`);--> statement-breakpoint
CREATE INDEX `actions_area` ON `actions` (`area_id`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `area_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`area_id` text NOT NULL,
	`as_of` text NOT NULL,
	`done` text NOT NULL,
	`next` text NOT NULL,
	`evidence_of_impact` text,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `area_updates_area` ON `area_updates` (`area_id`,`as_of`);--> statement-breakpoint
CREATE TABLE `areas` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`plan_id` text NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `areas_plan_number` ON `areas` (`plan_id`,`number`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_name` text NOT NULL,
	`actor_role` text NOT NULL,
	`actor_token_id` text,
	`request_id` text,
	`operation` text NOT NULL,
	`resource_type` text NOT NULL,
	`resource_id` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_resource` ON `audit_events` (`resource_type`,`resource_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `benefits` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`project_id` text NOT NULL,
	`ref` text NOT NULL,
	`owner` text,
	`description` text NOT NULL,
	`kind` text NOT NULL,
	`value_gbp_thousands` real,
	`target_date` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `benefits_project_ref` ON `benefits` (`project_id`,`ref`);--> statement-breakpoint
CREATE TABLE `dependencies` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`project_id` text NOT NULL,
	`ref` text NOT NULL,
	`owner` text,
	`description` text NOT NULL,
	`impact_score` integer NOT NULL,
	`status` text NOT NULL,
	`mitigation` text,
	`target_resolution_date` text,
	`updates` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dependencies_project_ref` ON `dependencies` (`project_id`,`ref`);--> statement-breakpoint
CREATE TABLE `highlight_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`project_id` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`report_date` text,
	`overall_status` text NOT NULL,
	`summary` text,
	`help_required` text,
	`achievements` text NOT NULL,
	`next_steps` text NOT NULL,
	`status_summary` text,
	`costs` text,
	`state` text DEFAULT 'draft' NOT NULL,
	`published_at` text,
	`published_by` text,
	`snapshot` text,
	`pdf_sha256` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `highlight_reports_project` ON `highlight_reports` (`project_id`,`period_end`);--> statement-breakpoint
CREATE TABLE `issues` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`project_id` text NOT NULL,
	`ref` text NOT NULL,
	`owner` text,
	`description` text NOT NULL,
	`impact_description` text,
	`impact_score` integer NOT NULL,
	`status` text NOT NULL,
	`mitigation` text,
	`resolution_date` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issues_project_ref` ON `issues` (`project_id`,`ref`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`committee` text NOT NULL,
	`starts_at` text NOT NULL,
	`venue` text,
	`is_public` integer DEFAULT true NOT NULL,
	`meeting_type` text,
	`members` text NOT NULL,
	`contact` text,
	`items` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`local_area` text NOT NULL,
	`principal_authority` text,
	`inspection_report_published_on` text
);
--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`plan_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`author` text,
	`gateway_stage` text,
	`planned_end_date` text,
	`budget` real,
	`approver` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_plan_code` ON `projects` (`plan_id`,`code`);--> statement-breakpoint
CREATE TABLE `published_files` (
	`report_id` text PRIMARY KEY NOT NULL,
	`pdf` blob NOT NULL,
	`html` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `highlight_reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `risks` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`project_id` text NOT NULL,
	`ref` text NOT NULL,
	`owner` text,
	`description` text NOT NULL,
	`impact_description` text,
	`likelihood` integer NOT NULL,
	`impact` integer NOT NULL,
	`status` text NOT NULL,
	`mitigation` text,
	`target_resolution_date` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `risks_project_ref` ON `risks` (`project_id`,`ref`);--> statement-breakpoint
CREATE TABLE `uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`filename` text,
	`size` integer NOT NULL,
	`pages` integer NOT NULL,
	`sha256` text NOT NULL,
	`bytes` blob NOT NULL
);
--> statement-breakpoint
CREATE TABLE `workstreams` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`project_id` text NOT NULL,
	`letter` text NOT NULL,
	`title` text NOT NULL,
	`aim` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workstreams_project_letter` ON `workstreams` (`project_id`,`letter`);