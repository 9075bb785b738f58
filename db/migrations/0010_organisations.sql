CREATE TABLE `organisation_terms` (
	`organisation_id` integer NOT NULL,
	`term_id` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `term_id`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`term_id`) REFERENCES `taxonomy_terms`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `organisation_terms_term_idx` ON `organisation_terms` (`term_id`);--> statement-breakpoint
CREATE TABLE `organisation_translations` (
	`organisation_id` integer NOT NULL,
	`lang` text NOT NULL,
	`name` text NOT NULL,
	`body_md` text NOT NULL,
	`body_html` text NOT NULL,
	PRIMARY KEY(`organisation_id`, `lang`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`city_id` integer,
	`original_language` text NOT NULL,
	`kind` text NOT NULL,
	`website` text,
	`coalition_role` text,
	`coalition_since` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`origin` text DEFAULT 'app' NOT NULL,
	`content_hash` text,
	`published_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_slug_uq` ON `organisations` (`slug`);--> statement-breakpoint
CREATE INDEX `organisations_city_idx` ON `organisations` (`city_id`);--> statement-breakpoint
CREATE INDEX `organisations_status_idx` ON `organisations` (`status`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`city_id` integer,
	`practice_id` integer,
	`question_id` integer,
	`answer_id` integer,
	`toolkit_id` integer,
	`chapter_id` integer,
	`organisation_id` integer,
	`title` text NOT NULL,
	`url` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`toolkit_id`) REFERENCES `toolkits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`chapter_id`) REFERENCES `toolkit_chapters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "sources_one_owner" CHECK(("__new_sources"."city_id" IS NOT NULL) + ("__new_sources"."practice_id" IS NOT NULL) + ("__new_sources"."question_id" IS NOT NULL) + ("__new_sources"."answer_id" IS NOT NULL) + ("__new_sources"."toolkit_id" IS NOT NULL) + ("__new_sources"."chapter_id" IS NOT NULL) + ("__new_sources"."organisation_id" IS NOT NULL) = 1)
);
--> statement-breakpoint
INSERT INTO `__new_sources`("id", "city_id", "practice_id", "question_id", "answer_id", "toolkit_id", "chapter_id", "title", "url", "position") SELECT "id", "city_id", "practice_id", "question_id", "answer_id", "toolkit_id", "chapter_id", "title", "url", "position" FROM `sources`;--> statement-breakpoint
DROP TABLE `sources`;--> statement-breakpoint
ALTER TABLE `__new_sources` RENAME TO `sources`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `sources_city_idx` ON `sources` (`city_id`);--> statement-breakpoint
CREATE INDEX `sources_practice_idx` ON `sources` (`practice_id`);--> statement-breakpoint
CREATE INDEX `sources_answer_idx` ON `sources` (`answer_id`);--> statement-breakpoint
CREATE INDEX `sources_toolkit_idx` ON `sources` (`toolkit_id`);--> statement-breakpoint
CREATE INDEX `sources_chapter_idx` ON `sources` (`chapter_id`);--> statement-breakpoint
CREATE INDEX `sources_question_idx` ON `sources` (`question_id`);--> statement-breakpoint
CREATE INDEX `sources_organisation_idx` ON `sources` (`organisation_id`);--> statement-breakpoint
ALTER TABLE `practice_partners` ADD `organisation_id` integer REFERENCES organisations(id) ON DELETE set null;