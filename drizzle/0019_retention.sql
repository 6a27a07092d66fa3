CREATE INDEX `cases_retention_idx` ON `cases` (`status`,`closed_at`) WHERE anonymised_at IS NULL;--> statement-breakpoint
-- Retention (anonymisation after closure) must empty free text in rows that are otherwise append-only. The three
-- guards stay as they were for every case that is not anonymised; once `cases.anonymised_at` is set (it never
-- goes back), the retention run may rewrite its rows. Audit rows stay untouched: the chain keeps its tombstone.
DROP TRIGGER `plan_versions_agreed_no_update`;
--> statement-breakpoint
CREATE TRIGGER `plan_versions_agreed_no_update` BEFORE UPDATE ON `plan_versions` WHEN OLD.`agreed_at` IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM `cases` WHERE `participant_id` = OLD.`participant_id` AND `anonymised_at` IS NOT NULL)
BEGIN
	SELECT RAISE(ABORT, 'agreed plan versions are immutable');
END;
--> statement-breakpoint
DROP TRIGGER `plan_history_no_update`;
--> statement-breakpoint
CREATE TRIGGER `plan_history_no_update` BEFORE UPDATE ON `plan_history`
	WHEN NOT EXISTS (SELECT 1 FROM `cases` WHERE `participant_id` = OLD.`participant_id` AND `anonymised_at` IS NOT NULL)
BEGIN
	SELECT RAISE(ABORT, 'plan_history is append-only');
END;
--> statement-breakpoint
DROP TRIGGER `case_events_no_update`;
--> statement-breakpoint
CREATE TRIGGER `case_events_no_update` BEFORE UPDATE ON `case_events`
	WHEN NOT EXISTS (SELECT 1 FROM `cases` WHERE `id` = OLD.`case_id` AND `anonymised_at` IS NOT NULL)
BEGIN
	SELECT RAISE(ABORT, 'case_events is append-only');
END;
