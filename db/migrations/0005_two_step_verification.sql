ALTER TABLE `users` ADD `totp_key` blob;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_pending_key` blob;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_last_step` integer;