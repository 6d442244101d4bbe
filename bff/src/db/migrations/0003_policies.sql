CREATE TABLE `policies` (
	`id` text PRIMARY KEY NOT NULL,
	`search_rowid` integer NOT NULL,
	`title` text NOT NULL,
	`doc_number` text NOT NULL,
	`issuer` text NOT NULL,
	`level` text NOT NULL,
	`category` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`effective_from` text NOT NULL,
	`effective_to` text,
	`eligibility` text,
	`related_service_ids` text DEFAULT '[]' NOT NULL,
	`workflow` text NOT NULL,
	`supersedes_id` text,
	`superseded_by_id` text,
	`superseded_from` text,
	`repealed_at` text,
	`repealed_by` text,
	`repeal_reason` text,
	`author_id` text NOT NULL,
	`submitted_at` text,
	`approver_id` text,
	`published_at` text,
	`review_note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`repealed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policies_search_rowid_idx` ON `policies` (`search_rowid`);--> statement-breakpoint
CREATE INDEX `policies_workflow_idx` ON `policies` (`workflow`,`updated_at`);--> statement-breakpoint
CREATE INDEX `policies_supersedes_idx` ON `policies` (`supersedes_id`);--> statement-breakpoint
CREATE TABLE `policy_search_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
