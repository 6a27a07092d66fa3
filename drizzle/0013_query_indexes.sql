DROP INDEX `participants_org_idx`;--> statement-breakpoint
CREATE INDEX `participants_org_name_idx` ON `participants` (`organisation_id`,`family_name`,`given_name`);--> statement-breakpoint
CREATE INDEX `appointments_participant_awaiting_idx` ON `appointments` (`participant_id`,`awaiting`,`status`);--> statement-breakpoint
CREATE INDEX `appointments_status_start_idx` ON `appointments` (`status`,`starts_at`);--> statement-breakpoint
CREATE INDEX `document_files_thumbnail_idx` ON `document_files` (`thumbnail_key`);