-- An agreed plan version is what both sides signed: it never changes and is never deleted.
CREATE TRIGGER `plan_versions_agreed_no_update` BEFORE UPDATE ON `plan_versions` WHEN OLD.`agreed_at` IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'agreed plan versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `plan_versions_agreed_no_delete` BEFORE DELETE ON `plan_versions` WHEN OLD.`agreed_at` IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'agreed plan versions are immutable');
END;
--> statement-breakpoint
-- The plan's history is what the participant reads about who changed what: append-only, like the audit log.
CREATE TRIGGER `plan_history_no_update` BEFORE UPDATE ON `plan_history`
BEGIN
	SELECT RAISE(ABORT, 'plan_history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `plan_history_no_delete` BEFORE DELETE ON `plan_history`
BEGIN
	SELECT RAISE(ABORT, 'plan_history is append-only');
END;
