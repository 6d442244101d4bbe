ALTER TABLE `import_jobs` ADD `owner` text;--> statement-breakpoint
ALTER TABLE `import_jobs` ADD `lease_until` text;