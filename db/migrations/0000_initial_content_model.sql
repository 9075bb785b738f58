CREATE TABLE `taxonomy_labels` (
	`term_id` integer NOT NULL,
	`lang` text NOT NULL,
	`label` text NOT NULL,
	`description` text,
	PRIMARY KEY(`term_id`, `lang`),
	FOREIGN KEY (`term_id`) REFERENCES `taxonomy_terms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `taxonomy_labels_lang_idx` ON `taxonomy_labels` (`lang`);--> statement-breakpoint
CREATE TABLE `taxonomy_terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vocabulary` text NOT NULL,
	`slug` text NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `taxonomy_terms_vocabulary_slug_uq` ON `taxonomy_terms` (`vocabulary`,`slug`);--> statement-breakpoint
CREATE TABLE `cities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`original_language` text NOT NULL,
	`country` text NOT NULL,
	`region_id` integer,
	`population` integer,
	`population_year` integer,
	`population_source` text,
	`latitude` real,
	`longitude` real,
	`hr_city_status` text NOT NULL,
	`hr_city_since` text DEFAULT '[]' NOT NULL,
	`hr_city_basis` text NOT NULL,
	`website` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`origin` text DEFAULT 'app' NOT NULL,
	`content_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `taxonomy_terms`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cities_slug_uq` ON `cities` (`slug`);--> statement-breakpoint
CREATE INDEX `cities_country_idx` ON `cities` (`country`);--> statement-breakpoint
CREATE TABLE `city_facts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`city_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`since` text,
	`url` text,
	`position` integer NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `city_facts_city_idx` ON `city_facts` (`city_id`,`kind`,`position`);--> statement-breakpoint
CREATE TABLE `city_translations` (
	`city_id` integer NOT NULL,
	`lang` text NOT NULL,
	`name` text NOT NULL,
	`summary` text NOT NULL,
	`body_md` text NOT NULL,
	`body_html` text NOT NULL,
	PRIMARY KEY(`city_id`, `lang`),
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `practice_partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`practice_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`formality` text,
	`position` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `practice_partners_practice_idx` ON `practice_partners` (`practice_id`,`position`);--> statement-breakpoint
CREATE TABLE `practice_terms` (
	`practice_id` integer NOT NULL,
	`term_id` integer NOT NULL,
	PRIMARY KEY(`practice_id`, `term_id`),
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`term_id`) REFERENCES `taxonomy_terms`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `practice_terms_term_idx` ON `practice_terms` (`term_id`);--> statement-breakpoint
CREATE TABLE `practice_translations` (
	`practice_id` integer NOT NULL,
	`lang` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body_md` text NOT NULL,
	`body_html` text NOT NULL,
	`outcomes` text DEFAULT '[]' NOT NULL,
	`continuity` text,
	PRIMARY KEY(`practice_id`, `lang`),
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `practices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`city_id` integer NOT NULL,
	`original_language` text NOT NULL,
	`start_year` integer,
	`end_year` integer,
	`ongoing` integer,
	`co_cities` text DEFAULT '{}' NOT NULL,
	`featured` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`origin` text DEFAULT 'app' NOT NULL,
	`content_hash` text,
	`published_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `practices_slug_uq` ON `practices` (`slug`);--> statement-breakpoint
CREATE INDEX `practices_city_idx` ON `practices` (`city_id`);--> statement-breakpoint
CREATE INDEX `practices_status_idx` ON `practices` (`status`,`featured`);--> statement-breakpoint
CREATE TABLE `answer_translations` (
	`answer_id` integer NOT NULL,
	`lang` text NOT NULL,
	`summary` text NOT NULL,
	`body_md` text NOT NULL,
	`body_html` text NOT NULL,
	PRIMARY KEY(`answer_id`, `lang`),
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`city_id` integer NOT NULL,
	`original_language` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`origin` text DEFAULT 'app' NOT NULL,
	`content_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `answers_question_city_uq` ON `answers` (`question_id`,`city_id`);--> statement-breakpoint
CREATE INDEX `answers_city_idx` ON `answers` (`city_id`);--> statement-breakpoint
CREATE TABLE `question_terms` (
	`question_id` integer NOT NULL,
	`term_id` integer NOT NULL,
	PRIMARY KEY(`question_id`, `term_id`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`term_id`) REFERENCES `taxonomy_terms`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `question_translations` (
	`question_id` integer NOT NULL,
	`lang` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body_md` text NOT NULL,
	`body_html` text NOT NULL,
	PRIMARY KEY(`question_id`, `lang`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`question_type_id` integer NOT NULL,
	`original_language` text NOT NULL,
	`featured` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`origin` text DEFAULT 'app' NOT NULL,
	`content_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`question_type_id`) REFERENCES `taxonomy_terms`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questions_slug_uq` ON `questions` (`slug`);--> statement-breakpoint
CREATE INDEX `questions_type_idx` ON `questions` (`question_type_id`);--> statement-breakpoint
CREATE TABLE `chapter_cities` (
	`chapter_id` integer NOT NULL,
	`city_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`chapter_id`, `city_id`),
	FOREIGN KEY (`chapter_id`) REFERENCES `toolkit_chapters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `chapter_practices` (
	`chapter_id` integer NOT NULL,
	`practice_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`chapter_id`, `practice_id`),
	FOREIGN KEY (`chapter_id`) REFERENCES `toolkit_chapters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `chapter_practices_practice_idx` ON `chapter_practices` (`practice_id`);--> statement-breakpoint
CREATE TABLE `chapter_questions` (
	`chapter_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`chapter_id`, `question_id`),
	FOREIGN KEY (`chapter_id`) REFERENCES `toolkit_chapters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `chapter_translations` (
	`chapter_id` integer NOT NULL,
	`lang` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body_md` text NOT NULL,
	`body_html` text NOT NULL,
	PRIMARY KEY(`chapter_id`, `lang`),
	FOREIGN KEY (`chapter_id`) REFERENCES `toolkit_chapters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `toolkit_chapters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`toolkit_id` integer NOT NULL,
	`slug` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`toolkit_id`) REFERENCES `toolkits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `toolkit_chapters_toolkit_slug_uq` ON `toolkit_chapters` (`toolkit_id`,`slug`);--> statement-breakpoint
CREATE INDEX `toolkit_chapters_order_idx` ON `toolkit_chapters` (`toolkit_id`,`position`);--> statement-breakpoint
CREATE TABLE `toolkit_terms` (
	`toolkit_id` integer NOT NULL,
	`term_id` integer NOT NULL,
	PRIMARY KEY(`toolkit_id`, `term_id`),
	FOREIGN KEY (`toolkit_id`) REFERENCES `toolkits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`term_id`) REFERENCES `taxonomy_terms`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `toolkit_translations` (
	`toolkit_id` integer NOT NULL,
	`lang` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body_md` text NOT NULL,
	`body_html` text NOT NULL,
	PRIMARY KEY(`toolkit_id`, `lang`),
	FOREIGN KEY (`toolkit_id`) REFERENCES `toolkits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `toolkits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`original_language` text NOT NULL,
	`curator` text NOT NULL,
	`featured` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`origin` text DEFAULT 'app' NOT NULL,
	`content_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `toolkits_slug_uq` ON `toolkits` (`slug`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`city_id` integer,
	`practice_id` integer,
	`question_id` integer,
	`answer_id` integer,
	`toolkit_id` integer,
	`chapter_id` integer,
	`title` text NOT NULL,
	`url` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`toolkit_id`) REFERENCES `toolkits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`chapter_id`) REFERENCES `toolkit_chapters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "sources_one_owner" CHECK(("sources"."city_id" IS NOT NULL) + ("sources"."practice_id" IS NOT NULL) + ("sources"."question_id" IS NOT NULL) + ("sources"."answer_id" IS NOT NULL) + ("sources"."toolkit_id" IS NOT NULL) + ("sources"."chapter_id" IS NOT NULL) = 1)
);
--> statement-breakpoint
CREATE INDEX `sources_city_idx` ON `sources` (`city_id`);--> statement-breakpoint
CREATE INDEX `sources_practice_idx` ON `sources` (`practice_id`);--> statement-breakpoint
CREATE INDEX `sources_answer_idx` ON `sources` (`answer_id`);--> statement-breakpoint
CREATE INDEX `sources_toolkit_idx` ON `sources` (`toolkit_id`);--> statement-breakpoint
CREATE INDEX `sources_chapter_idx` ON `sources` (`chapter_id`);--> statement-breakpoint
CREATE INDEX `sources_question_idx` ON `sources` (`question_id`);