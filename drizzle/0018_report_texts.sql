CREATE TABLE `report_texts` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_id` text NOT NULL,
	`year` integer NOT NULL,
	`focus` text DEFAULT '' NOT NULL,
	`cooperation` text DEFAULT '' NOT NULL,
	`challenges` text DEFAULT '' NOT NULL,
	`outlook` text DEFAULT '' NOT NULL,
	`language` text DEFAULT 'de' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_texts_owner_year_unique` ON `report_texts` (`owner_kind`,`owner_id`,`year`);--> statement-breakpoint
CREATE TRIGGER `report_texts_updated_at_on_insert` AFTER INSERT ON `report_texts` WHEN NEW.`updated_at` = 0
BEGIN
	UPDATE `report_texts` SET `updated_at` = NEW.`created_at` WHERE `id` = NEW.`id`;
END;
