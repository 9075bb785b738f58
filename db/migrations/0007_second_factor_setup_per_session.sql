ALTER TABLE `sessions` ADD `totp_pending_key` blob;--> statement-breakpoint
ALTER TABLE `sessions` ADD `totp_pending_until` integer;--> statement-breakpoint
ALTER TABLE `users` DROP COLUMN `totp_pending_key`;