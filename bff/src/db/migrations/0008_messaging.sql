CREATE TABLE `canned_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `thread_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`thread_id` text NOT NULL,
	`seq` integer,
	`position` integer NOT NULL,
	`internal` integer DEFAULT false NOT NULL,
	`author_user_id` text NOT NULL,
	`author_role` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "thread_messages_notes_have_no_seq" CHECK(("thread_messages"."internal" = 1) = ("thread_messages"."seq" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `thread_messages_seq_unique` ON `thread_messages` (`thread_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `thread_messages_position_unique` ON `thread_messages` (`thread_id`,`position`);--> statement-breakpoint
CREATE TABLE `threads` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_user_id` text NOT NULL,
	`veteran_id` text,
	`center_id` text NOT NULL,
	`category` text NOT NULL,
	`subject` text NOT NULL,
	`status` text NOT NULL,
	`policy_id` text,
	`policy_title` text,
	`assignee_id` text,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`last_position` integer DEFAULT 0 NOT NULL,
	`resident_read_seq` integer DEFAULT 0 NOT NULL,
	`last_message_at` text NOT NULL,
	`waiting_since` text,
	`sla_due_at` text,
	`first_response_at` text,
	`sla_breaches` integer DEFAULT 0 NOT NULL,
	`rating_score` integer,
	`rated_at` text,
	`resolved_at` text,
	`erased_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`resident_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`veteran_id`) REFERENCES `veterans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "threads_rating_range" CHECK("threads"."rating_score" IS NULL OR "threads"."rating_score" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE INDEX `threads_resident_activity_idx` ON `threads` (`resident_user_id`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `threads_center_waiting_idx` ON `threads` (`center_id`,`status`,`waiting_since`);--> statement-breakpoint
CREATE INDEX `threads_assignee_idx` ON `threads` (`assignee_id`,`status`);