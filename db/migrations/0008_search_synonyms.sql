CREATE TABLE `search_synonyms` (
	`position` integer PRIMARY KEY NOT NULL,
	`words` text NOT NULL
);
