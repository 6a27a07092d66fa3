-- drizzle prefers the column's SQL default (0) over the app's default function, so every row inserted since
-- 0008 says it last changed on 01.01.1970. From now on a trigger gives a new row its creation time…
CREATE TRIGGER `participants_updated_at_on_insert` AFTER INSERT ON `participants` WHEN NEW.`updated_at` = 0
BEGIN
	UPDATE `participants` SET `updated_at` = NEW.`created_at` WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `goals_updated_at_on_insert` AFTER INSERT ON `goals` WHEN NEW.`updated_at` = 0
BEGIN
	UPDATE `goals` SET `updated_at` = NEW.`created_at` WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `steps_updated_at_on_insert` AFTER INSERT ON `steps` WHEN NEW.`updated_at` = 0
BEGIN
	UPDATE `steps` SET `updated_at` = NEW.`created_at` WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `appointments_updated_at_on_insert` AFTER INSERT ON `appointments` WHEN NEW.`updated_at` = 0
BEGIN
	UPDATE `appointments` SET `updated_at` = NEW.`created_at` WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
-- …and the rows written meanwhile get the newest evidence of a change: the audited edits of a participant's
-- record, the plan history of a goal or step, the events of an appointment; at least their creation time.
UPDATE `participants` SET `updated_at` = max(`created_at`, coalesce((
	SELECT max(`created_at`) FROM `audit_log`
	WHERE `audit_log`.`participant_id` = `participants`.`id`
		AND `audit_log`.`action` IN ('participant.updated', 'participant.contact_corrected')
), 0)) WHERE `updated_at` = 0;
--> statement-breakpoint
UPDATE `goals` SET `updated_at` = max(`created_at`, coalesce((
	SELECT max(`created_at`) FROM `plan_history` WHERE `plan_history`.`goal_id` = `goals`.`id` AND `plan_history`.`step_id` IS NULL
), 0)) WHERE `updated_at` = 0;
--> statement-breakpoint
UPDATE `steps` SET `updated_at` = max(`created_at`, coalesce((
	SELECT max(`created_at`) FROM `plan_history` WHERE `plan_history`.`step_id` = `steps`.`id`
), 0)) WHERE `updated_at` = 0;
--> statement-breakpoint
UPDATE `appointments` SET `updated_at` = max(`created_at`, coalesce((
	SELECT max(`created_at`) FROM `appointment_events` WHERE `appointment_events`.`appointment_id` = `appointments`.`id`
), 0)) WHERE `updated_at` = 0;
