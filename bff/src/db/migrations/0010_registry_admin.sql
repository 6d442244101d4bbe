CREATE TABLE `import_job_errors` (
	`job_id` text NOT NULL,
	`row` integer NOT NULL,
	`message` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `import_job_errors_job_idx` ON `import_job_errors` (`job_id`,`row`);--> statement-breakpoint
CREATE TABLE `import_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`scope_district_code` text,
	`dry_run` integer NOT NULL,
	`status` text NOT NULL,
	`file_name` text NOT NULL,
	`file_format` text NOT NULL,
	`file_path` text,
	`mapping` text,
	`total` integer DEFAULT 0 NOT NULL,
	`processed` integer DEFAULT 0 NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`failure` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE INDEX `import_jobs_staff_idx` ON `import_jobs` (`staff_id`,`id`);--> statement-breakpoint
ALTER TABLE `veterans` ADD `status` text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE `veterans` ADD `served_unit` text;--> statement-breakpoint
ALTER TABLE `veterans` ADD `notes` text;--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;