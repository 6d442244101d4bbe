CREATE INDEX `veterans_stats_idx` ON `veterans` (`status`,`district_code`,`category`);--> statement-breakpoint
CREATE INDEX `booking_ratings_created_idx` ON `booking_ratings` (`created_at`);--> statement-breakpoint
CREATE INDEX `bookings_stats_center_idx` ON `bookings` (`center_id`,`starts_at`,`service_id`,`status`);--> statement-breakpoint
CREATE INDEX `bookings_stats_start_idx` ON `bookings` (`starts_at`,`service_id`,`status`);--> statement-breakpoint
CREATE INDEX `threads_stats_center_idx` ON `threads` (`center_id`,`created_at`,`first_response_at`,`sla_breaches`);--> statement-breakpoint
CREATE INDEX `threads_stats_created_idx` ON `threads` (`created_at`,`first_response_at`,`sla_breaches`);