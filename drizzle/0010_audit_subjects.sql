CREATE TABLE `audit_subjects` (
	`participant_id` text NOT NULL,
	`audit_id` integer NOT NULL,
	PRIMARY KEY(`participant_id`, `audit_id`),
	FOREIGN KEY (`audit_id`) REFERENCES `audit_log`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Append-only, like the log it indexes.
CREATE TRIGGER `audit_subjects_no_update` BEFORE UPDATE ON `audit_subjects`
BEGIN
	SELECT RAISE(ABORT, 'audit_subjects is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_subjects_no_delete` BEFORE DELETE ON `audit_subjects`
BEGIN
	SELECT RAISE(ABORT, 'audit_subjects is append-only');
END;
--> statement-breakpoint
-- The existing log: each entry's participant, and everyone a caseload list showed ("shown" holds their ids).
INSERT OR IGNORE INTO `audit_subjects` (`participant_id`, `audit_id`)
SELECT `participant_id`, `id` FROM `audit_log` WHERE `participant_id` IS NOT NULL;
--> statement-breakpoint
INSERT OR IGNORE INTO `audit_subjects` (`participant_id`, `audit_id`)
SELECT `shown`.`value`, `audit_log`.`id` FROM `audit_log`, json_each(`audit_log`.`detail`, '$.shown') AS `shown`
WHERE `audit_log`.`action` = 'caseload.viewed' AND `shown`.`type` = 'text';
