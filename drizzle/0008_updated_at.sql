ALTER TABLE `appointments` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `goals` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `steps` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Until now "updated_at" was written into created_at; the best record of the last change is that value.
UPDATE `appointments` SET `updated_at` = `created_at`;--> statement-breakpoint
UPDATE `goals` SET `updated_at` = `created_at`;--> statement-breakpoint
UPDATE `participants` SET `updated_at` = `created_at`;--> statement-breakpoint
UPDATE `steps` SET `updated_at` = `created_at`;
