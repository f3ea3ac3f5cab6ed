CREATE TABLE `public_documents` (
	`content_key` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`kind` text NOT NULL,
	`item_number` integer,
	`media_type` text NOT NULL,
	`body` blob NOT NULL,
	`etag` text NOT NULL,
	`meta` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `public_documents_slot` ON `public_documents` (`meeting_id`,`kind`,`item_number`);