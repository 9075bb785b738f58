-- Full-text index for the fallback search (used when Meilisearch is unavailable).
-- One row per entity and language; drizzle-kit cannot declare FTS5 tables, hence this hand-written migration.
CREATE VIRTUAL TABLE `search_fts` USING fts5(
  `entity` UNINDEXED,
  `lang` UNINDEXED,
  `title`,
  `summary`,
  `body`,
  `labels`,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
