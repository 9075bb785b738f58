CREATE TABLE `search_entities` (
	`entity` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`document` text NOT NULL,
	`date` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_entity_facets` (
	`entity` text NOT NULL,
	`facet` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`entity`, `facet`, `value`),
	FOREIGN KEY (`entity`) REFERENCES `search_entities`(`entity`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `search_entity_facets_value_idx` ON `search_entity_facets` (`facet`,`value`);--> statement-breakpoint
CREATE TABLE `search_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`available_at` integer NOT NULL,
	`processed_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `search_outbox_pending_idx` ON `search_outbox` (`processed_at`,`available_at`);