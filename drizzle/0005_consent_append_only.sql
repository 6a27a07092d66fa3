-- What someone consented to never changes afterwards: a renewal is a new record, a withdrawal an event.
-- Only the one-time invitation code may be cleared (when the volunteer accepts), and the grantee filled in then.
CREATE TRIGGER `consents_terms_immutable` BEFORE UPDATE ON `consents`
WHEN NEW.`participant_id` IS NOT OLD.`participant_id` OR NEW.`grantee_kind` IS NOT OLD.`grantee_kind`
	OR NEW.`purpose` IS NOT OLD.`purpose` OR NEW.`scopes` IS NOT OLD.`scopes` OR NEW.`valid_from` IS NOT OLD.`valid_from`
	OR NEW.`valid_until` IS NOT OLD.`valid_until` OR NEW.`given_via` IS NOT OLD.`given_via` OR NEW.`recorded_by` IS NOT OLD.`recorded_by`
	OR NEW.`notice_version` IS NOT OLD.`notice_version` OR NEW.`notice_locale` IS NOT OLD.`notice_locale` OR NEW.`renews` IS NOT OLD.`renews`
	OR (OLD.`grantee_user_id` IS NOT NULL AND NEW.`grantee_user_id` IS NOT OLD.`grantee_user_id`)
BEGIN
	SELECT RAISE(ABORT, 'consent records are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `consents_no_delete` BEFORE DELETE ON `consents`
BEGIN
	SELECT RAISE(ABORT, 'consent records are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `consent_events_no_update` BEFORE UPDATE ON `consent_events`
BEGIN
	SELECT RAISE(ABORT, 'consent events are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `consent_events_no_delete` BEFORE DELETE ON `consent_events`
BEGIN
	SELECT RAISE(ABORT, 'consent events are append-only');
END;
