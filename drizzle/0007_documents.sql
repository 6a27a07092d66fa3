CREATE TABLE `document_files` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`position` integer NOT NULL,
	`original_name` text NOT NULL,
	`media_type` text NOT NULL,
	`byte_size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`storage_key` text NOT NULL,
	`thumbnail_key` text,
	`uploaded_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_files_document_idx` ON `document_files` (`document_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `document_files_storage_unique` ON `document_files` (`storage_key`);--> statement-breakpoint
CREATE TABLE `document_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`question` text DEFAULT '' NOT NULL,
	`question_locale` text,
	`asked_by` text NOT NULL,
	`asked_at` integer NOT NULL,
	`answer` text,
	`answer_locale` text,
	`answered_by` text,
	`answered_at` integer,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_questions_document_idx` ON `document_questions` (`document_id`,`asked_at`);--> statement-breakpoint
CREATE INDEX `document_questions_open_idx` ON `document_questions` (`participant_id`,`answered_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `document_questions_open_unique` ON `document_questions` (`document_id`) WHERE answered_at IS NULL;--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`category` text NOT NULL,
	`title` text NOT NULL,
	`expires_on` text,
	`uploaded_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_participant_idx` ON `documents` (`participant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `documents_expiry_idx` ON `documents` (`expires_on`);