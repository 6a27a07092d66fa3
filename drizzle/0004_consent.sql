CREATE TABLE `consent_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consent_id` text NOT NULL,
	`state` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`actor_id` text,
	`reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_events_consent_idx` ON `consent_events` (`consent_id`,`id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`grantee_kind` text NOT NULL,
	`grantee_user_id` text,
	`grantee_name` text NOT NULL,
	`purpose` text NOT NULL,
	`scopes` text NOT NULL,
	`valid_from` integer NOT NULL,
	`valid_until` integer NOT NULL,
	`given_via` text NOT NULL,
	`recorded_by` text NOT NULL,
	`paper_note` text DEFAULT '' NOT NULL,
	`notice_version` text NOT NULL,
	`notice_locale` text NOT NULL,
	`renews` text,
	`invite_code_hash` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grantee_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_participant_idx` ON `consents` (`participant_id`);--> statement-breakpoint
CREATE INDEX `consents_grantee_idx` ON `consents` (`grantee_user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `consents_invite_unique` ON `consents` (`invite_code_hash`);--> statement-breakpoint
CREATE TABLE `correction_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`request` text NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`outcome` text,
	`outcome_note` text DEFAULT '' NOT NULL,
	`outcome_by` text,
	`outcome_at` integer,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outcome_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `prev_hash` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text DEFAULT '' NOT NULL;