CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`row_count` integer NOT NULL,
	`created_count` integer NOT NULL,
	`duplicate_count` integer NOT NULL,
	`refused_count` integer NOT NULL,
	`imported_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `imports_organisation_idx` ON `imports` (`organisation_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `county_id` text REFERENCES organisations(id);--> statement-breakpoint
ALTER TABLE `organisations` ADD `retention_years` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `gender` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `nationality` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `import_id` text REFERENCES imports(id);--> statement-breakpoint
CREATE INDEX `participants_import_idx` ON `participants` (`import_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `anonymised_at` integer;--> statement-breakpoint
-- An installation with one county: its towns and welfare organisations belong to it. With several, the admin
-- says which county each belongs to (organisation page).
UPDATE `organisations` SET `county_id` = (SELECT `id` FROM `organisations` WHERE `kind` = 'county')
WHERE `kind` <> 'county' AND (SELECT count(*) FROM `organisations` WHERE `kind` = 'county') = 1;
