CREATE TABLE `due_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`due_at` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`lease_until` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `due_jobs_key_unique` ON `due_jobs` (`key`);--> statement-breakpoint
CREATE INDEX `due_jobs_due_idx` ON `due_jobs` (`due_at`) WHERE "due_jobs"."status" = 'pending';--> statement-breakpoint
CREATE TABLE `message_preferences` (
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`inbox` integer NOT NULL,
	`wechat` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `notice_recipients` (
	`user_id` text NOT NULL,
	`notice_id` text NOT NULL,
	`delivered_at` text NOT NULL,
	`read_at` text,
	PRIMARY KEY(`user_id`, `notice_id`)
);
--> statement-breakpoint
CREATE INDEX `notice_recipients_notice_idx` ON `notice_recipients` (`notice_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `notice_recipients_unread_idx` ON `notice_recipients` (`user_id`) WHERE "notice_recipients"."read_at" IS NULL;--> statement-breakpoint
CREATE TABLE `notices` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`policy_id` text,
	`audience` text NOT NULL,
	`city_wide` integer NOT NULL,
	`scope_district_code` text,
	`status` text NOT NULL,
	`author_id` text NOT NULL,
	`approver_id` text,
	`sender_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`sent_at` text,
	`recipient_count` integer DEFAULT 0 NOT NULL,
	`fanout_cursor` text,
	`fanout_done_at` text,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notices_status_idx` ON `notices` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `push_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`template_id` text NOT NULL,
	`source_type` text NOT NULL,
	`source_id` text NOT NULL,
	`fields` text NOT NULL,
	`page` text NOT NULL,
	`urgent` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE INDEX `push_deliveries_due_idx` ON `push_deliveries` (`next_attempt_at`) WHERE "push_deliveries"."status" IN ('pending', 'failed_temporary');--> statement-breakpoint
CREATE INDEX `push_deliveries_source_idx` ON `push_deliveries` (`source_type`,`source_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `push_deliveries_once` ON `push_deliveries` (`source_type`,`source_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `wechat_subscriptions` (
	`user_id` text NOT NULL,
	`template_id` text NOT NULL,
	`remaining` integer DEFAULT 0 NOT NULL,
	`last_answer` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `template_id`)
);
