CREATE INDEX `appointments_updated_idx` ON `appointments` (`updated_at`);--> statement-breakpoint
CREATE INDEX `documents_updated_idx` ON `documents` (`updated_at`);