CREATE TABLE `uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_user_id` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`storage_name` text NOT NULL,
	`thread_id` text,
	`message_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `uploads_storage_name_unique` ON `uploads` (`storage_name`);--> statement-breakpoint
CREATE INDEX `uploads_owner_idx` ON `uploads` (`owner_user_id`);--> statement-breakpoint
CREATE INDEX `uploads_thread_idx` ON `uploads` (`thread_id`);--> statement-breakpoint
CREATE INDEX `uploads_message_idx` ON `uploads` (`message_id`);