CREATE TABLE `booking_ratings` (
	`booking_id` text PRIMARY KEY NOT NULL,
	`score` integer NOT NULL,
	`comment` text,
	`rated_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "booking_ratings_score_range" CHECK("booking_ratings"."score" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`slot_id` text NOT NULL,
	`center_id` text NOT NULL,
	`service_id` text NOT NULL,
	`veteran_id` text NOT NULL,
	`booked_by_user_id` text NOT NULL,
	`status` text NOT NULL,
	`active` integer NOT NULL,
	`note` text,
	`check_in_code` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`cancel_reason` text,
	`cancelled_by` text,
	`cancelled_at` text,
	`checked_in_at` text,
	`completed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`slot_id`) REFERENCES `slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`veteran_id`) REFERENCES `veterans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booked_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_one_active_per_service` ON `bookings` (`veteran_id`,`service_id`) WHERE "bookings"."active" = 1;--> statement-breakpoint
CREATE INDEX `bookings_slot_idx` ON `bookings` (`slot_id`,`status`);--> statement-breakpoint
CREATE INDEX `bookings_veteran_idx` ON `bookings` (`veteran_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `bookings_booker_idx` ON `bookings` (`booked_by_user_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `bookings_center_start_idx` ON `bookings` (`center_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `slots` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`service_id` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`capacity` integer NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_reason` text,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "slots_booked_within_capacity" CHECK("slots"."booked" >= 0 AND "slots"."booked" <= "slots"."capacity")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slots_center_service_start_unique` ON `slots` (`center_id`,`service_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `slots_center_start_idx` ON `slots` (`center_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `slots_service_start_idx` ON `slots` (`service_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `waitlist_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`slot_id` text NOT NULL,
	`service_id` text NOT NULL,
	`veteran_id` text NOT NULL,
	`user_id` text NOT NULL,
	`seq` integer NOT NULL,
	`status` text NOT NULL,
	`booking_id` text,
	`reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`slot_id`) REFERENCES `slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`veteran_id`) REFERENCES `veterans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_slot_seq_unique` ON `waitlist_entries` (`slot_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_one_waiting_per_veteran` ON `waitlist_entries` (`slot_id`,`veteran_id`) WHERE "waitlist_entries"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX `waitlist_user_idx` ON `waitlist_entries` (`user_id`,`status`);--> statement-breakpoint
CREATE INDEX `waitlist_veteran_idx` ON `waitlist_entries` (`veteran_id`,`status`);