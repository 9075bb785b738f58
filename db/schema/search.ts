import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id } from "./columns.ts";

/**
 * Transactional outbox: a row is written in the same transaction as the content change it
 * announces; the sync worker projects the entity into Meilisearch and marks the row processed.
 * Processed rows are kept a day so that a rebuild can replay what changed while it ran.
 */
export const searchOutbox = sqliteTable(
  "search_outbox",
  {
    id: id(),
    /** "practice-12", "city-3", … : the search document id of the entity. */
    entity: text("entity").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    attempts: integer("attempts").notNull().default(0),
    availableAt: integer("available_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    processedAt: integer("processed_at", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
  },
  (t) => [index("search_outbox_pending_idx").on(t.processedAt, t.availableAt)],
);

/**
 * The fallback search's view of each published entity (kept in step with the content in the same
 * transaction, like the FTS5 table `search_fts` created in a hand-written migration).
 */
export const searchEntities = sqliteTable("search_entities", {
  entity: text("entity").primaryKey(),
  type: text("type").notNull(),
  /** The whole search document as JSON: what the fallback shows, exactly what Meilisearch gets. */
  document: text("document", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  date: integer("date").notNull(),
  /** ",en,nl," : lets SQL rank the reader's language first without parsing JSON. */
  languages: text("languages").notNull().default(""),
});

export const searchEntityFacets = sqliteTable(
  "search_entity_facets",
  {
    entity: text("entity")
      .notNull()
      .references(() => searchEntities.entity, { onDelete: "cascade" }),
    facet: text("facet").notNull(),
    value: text("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.facet, t.value] }), index("search_entity_facets_value_idx").on(t.facet, t.value)],
);

/**
 * Cross-language synonym groups (toolkit-content/taxonomies/synonyms.yaml), written by the content
 * import in its transaction. Search reads them from here, never from the content folder: the
 * Meilisearch `synonyms` setting (applied through the outbox) and the FTS5 fallback's query expansion.
 */
export const searchSynonyms = sqliteTable("search_synonyms", {
  /** The group's place in the file, from 0. */
  position: integer("position").primaryKey(),
  /** Lowercase words or short phrases that mean the same thing, in any language. */
  words: text("words", { mode: "json" }).$type<string[]>().notNull(),
});
