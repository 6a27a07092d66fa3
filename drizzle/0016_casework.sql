CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`german_level` text,
	`schooling` text,
	`recognition` text,
	`work` text,
	`housing` text,
	`benefits` text,
	`children_care` text,
	`residence_status` text,
	`residence_expires_on` text,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessments_case_kind_unique` ON `assessments` (`case_id`,`kind`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`reason` text DEFAULT '' NOT NULL,
	`detail` text,
	`actor_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `case_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`closure_reason` text,
	`months` integer,
	`requested_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`outcome` text,
	`decided_by` text,
	`decided_at` integer,
	`decision_note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_requests_open_unique` ON `case_requests` (`case_id`,`kind`) WHERE outcome IS NULL;--> statement-breakpoint
CREATE INDEX `case_requests_open_idx` ON `case_requests` (`outcome`,`created_at`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`status` text NOT NULL,
	`eligibility` text,
	`allocated_on` text,
	`period_starts_on` text,
	`period_months` integer DEFAULT 36 NOT NULL,
	`closure_reason` text,
	`closed_at` integer,
	`transfer_target` text,
	`transfer_service_id` text,
	`transfer_appointment_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_participant_unique` ON `cases` (`participant_id`);--> statement-breakpoint
CREATE INDEX `cases_status_idx` ON `cases` (`status`);--> statement-breakpoint
CREATE TABLE `covers` (
	`id` text PRIMARY KEY NOT NULL,
	`absent_id` text NOT NULL,
	`cover_id` text NOT NULL,
	`participant_id` text,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`absent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cover_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `covers_cover_idx` ON `covers` (`cover_id`,`ends_on`);--> statement-breakpoint
CREATE INDEX `covers_absent_idx` ON `covers` (`absent_id`,`ends_on`);--> statement-breakpoint
CREATE TABLE `handovers` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`service` text NOT NULL,
	`person` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`allocated_on` text NOT NULL,
	`open_matters` text DEFAULT '{}' NOT NULL,
	`language` text DEFAULT 'de' NOT NULL,
	`consent_id` text,
	`paper_consent_on` text,
	`recorded_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handovers_case_idx` ON `handovers` (`case_id`);--> statement-breakpoint
CREATE TABLE `contact_persons` (
	`contact_id` text NOT NULL,
	`participant_id` text NOT NULL,
	PRIMARY KEY(`contact_id`, `participant_id`),
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_persons_participant_idx` ON `contact_persons` (`participant_id`);--> statement-breakpoint
CREATE TABLE `contact_topics` (
	`contact_id` text NOT NULL,
	`topic` text NOT NULL,
	PRIMARY KEY(`contact_id`, `topic`),
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`case_id` text NOT NULL,
	`caseworker_id` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`form` text NOT NULL,
	`kind` text NOT NULL,
	`interpreter` text DEFAULT 'none' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`note_language` text DEFAULT 'de' NOT NULL,
	`appointment_id` text,
	`question_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`caseworker_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `document_questions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_participant_idx` ON `contacts` (`participant_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `contacts_caseworker_idx` ON `contacts` (`caseworker_id`,`occurred_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_appointment_unique` ON `contacts` (`appointment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_question_unique` ON `contacts` (`question_id`);--> statement-breakpoint
CREATE TABLE `networking_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`caseworker_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`group` text NOT NULL,
	`form` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`caseworker_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `networking_caseworker_idx` ON `networking_contacts` (`caseworker_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `networking_organisation_idx` ON `networking_contacts` (`organisation_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `case_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`case_id` text NOT NULL,
	`subject` text NOT NULL,
	`goal_id` text,
	`contact_id` text,
	`body` text NOT NULL,
	`language` text DEFAULT 'de' NOT NULL,
	`shared_with_participant` integer DEFAULT false NOT NULL,
	`sensitive` integer DEFAULT false NOT NULL,
	`author_id` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_notes_participant_idx` ON `case_notes` (`participant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `case_notes_goal_idx` ON `case_notes` (`goal_id`);--> statement-breakpoint
CREATE INDEX `case_notes_contact_idx` ON `case_notes` (`contact_id`);--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`case_id` text NOT NULL,
	`service_id` text NOT NULL,
	`target` text NOT NULL,
	`status` text DEFAULT 'made' NOT NULL,
	`shares_data` integer DEFAULT false NOT NULL,
	`consent_id` text,
	`note` text DEFAULT '' NOT NULL,
	`made_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`status_changed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`made_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referrals_participant_idx` ON `referrals` (`participant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `referrals_service_idx` ON `referrals` (`service_id`,`status`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`county_id` text NOT NULL,
	`target` text NOT NULL,
	`name` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`county_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `services_county_idx` ON `services` (`county_id`,`target`,`name`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `contact_gap_weeks` integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `full_time_equivalent` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
CREATE TRIGGER `cases_updated_at_on_insert` AFTER INSERT ON `cases` WHEN NEW.`updated_at` = 0
BEGIN
	UPDATE `cases` SET `updated_at` = NEW.`created_at` WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_updated_at_on_insert` AFTER INSERT ON `contacts` WHEN NEW.`updated_at` = 0
BEGIN
	UPDATE `contacts` SET `updated_at` = NEW.`created_at` WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `networking_contacts_updated_at_on_insert` AFTER INSERT ON `networking_contacts` WHEN NEW.`updated_at` = 0
BEGIN
	UPDATE `networking_contacts` SET `updated_at` = NEW.`created_at` WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `case_notes_updated_at_on_insert` AFTER INSERT ON `case_notes` WHEN NEW.`updated_at` = 0
BEGIN
	UPDATE `case_notes` SET `updated_at` = NEW.`created_at` WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `services_updated_at_on_insert` AFTER INSERT ON `services` WHEN NEW.`updated_at` = 0
BEGIN
	UPDATE `services` SET `updated_at` = NEW.`created_at` WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `referrals_updated_at_on_insert` AFTER INSERT ON `referrals` WHEN NEW.`updated_at` = 0
BEGIN
	UPDATE `referrals` SET `updated_at` = NEW.`created_at` WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `assessments_updated_at_on_insert` AFTER INSERT ON `assessments` WHEN NEW.`updated_at` = 0
BEGIN
	UPDATE `assessments` SET `updated_at` = NEW.`created_at` WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `case_events_no_update` BEFORE UPDATE ON `case_events`
BEGIN
	SELECT RAISE(ABORT, 'case_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `case_events_no_delete` BEFORE DELETE ON `case_events`
BEGIN
	SELECT RAISE(ABORT, 'case_events is append-only');
END;
--> statement-breakpoint
-- Every participant gets their case. People already in counselling before case work was recorded count as
-- active from the day their record was made (the best date there is); the event says where it came from.
INSERT INTO `cases` (`id`, `participant_id`, `status`, `period_starts_on`, `created_at`)
SELECT lower(hex(randomblob(16))), `id`, 'active', date(`created_at` / 1000, 'unixepoch'), `created_at` FROM `participants`;
--> statement-breakpoint
INSERT INTO `case_events` (`case_id`, `kind`, `to_status`, `reason`, `created_at`)
SELECT `id`, 'opened', 'active', 'migrated', `created_at` FROM `cases`;
