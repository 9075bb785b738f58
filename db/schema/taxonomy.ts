import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, lang } from "./columns.ts";

export const VOCABULARIES = ["theme", "question_type", "content_type", "region", "udhr_article", "sdg"] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];

export const taxonomyTerms = sqliteTable(
  "taxonomy_terms",
  {
    id: id(),
    vocabulary: text("vocabulary", { enum: VOCABULARIES }).notNull(),
    slug: text("slug").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("taxonomy_terms_vocabulary_slug_uq").on(t.vocabulary, t.slug)],
);

export const taxonomyLabels = sqliteTable(
  "taxonomy_labels",
  {
    termId: integer("term_id")
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: "cascade" }),
    lang: lang(),
    label: text("label").notNull(),
    description: text("description"),
  },
  (t) => [primaryKey({ columns: [t.termId, t.lang] }), index("taxonomy_labels_lang_idx").on(t.lang)],
);
