CREATE INDEX `users_role_name_idx` ON `users` (`role`,`display_name`,`id`);--> statement-breakpoint
CREATE INDEX `participants_org_account_idx` ON `participants` (`organisation_id`,`user_id`);