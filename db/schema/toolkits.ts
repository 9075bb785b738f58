import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { cities } from "./cities.ts";
import { contentHash, createdAt, id, lang, origin, status, updatedAt } from "./columns.ts";
import { practices } from "./practices.ts";
import { questions } from "./questions.ts";
import { taxonomyTerms } from "./taxonomy.ts";

export const toolkits = sqliteTable(
  "toolkits",
  {
    id: id(),
    slug: text("slug").notNull(),
    originalLanguage: lang("original_language"),
    curator: text("curator").notNull(),
    featured: integer("featured", { mode: "boolean" }).notNull().default(false),
    status: status(),
    origin: origin(),
    contentHash: contentHash(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("toolkits_slug_uq").on(t.slug)],
);

export const toolkitTranslations = sqliteTable(
  "toolkit_translations",
  {
    toolkitId: integer("toolkit_id")
      .notNull()
      .references(() => toolkits.id, { onDelete: "cascade" }),
    lang: lang(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    bodyMd: text("body_md").notNull(),
    bodyHtml: text("body_html").notNull(),
  },
  (t) => [primaryKey({ columns: [t.toolkitId, t.lang] })],
);

export const toolkitTerms = sqliteTable(
  "toolkit_terms",
  {
    toolkitId: integer("toolkit_id")
      .notNull()
      .references(() => toolkits.id, { onDelete: "cascade" }),
    termId: integer("term_id")
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.toolkitId, t.termId] })],
);

export const toolkitChapters = sqliteTable(
  "toolkit_chapters",
  {
    id: id(),
    toolkitId: integer("toolkit_id")
      .notNull()
      .references(() => toolkits.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("toolkit_chapters_toolkit_slug_uq").on(t.toolkitId, t.slug), index("toolkit_chapters_order_idx").on(t.toolkitId, t.position)],
);

export const chapterTranslations = sqliteTable(
  "chapter_translations",
  {
    chapterId: integer("chapter_id")
      .notNull()
      .references(() => toolkitChapters.id, { onDelete: "cascade" }),
    lang: lang(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    bodyMd: text("body_md").notNull(),
    bodyHtml: text("body_html").notNull(),
  },
  (t) => [primaryKey({ columns: [t.chapterId, t.lang] })],
);

export const chapterPractices = sqliteTable(
  "chapter_practices",
  {
    chapterId: integer("chapter_id")
      .notNull()
      .references(() => toolkitChapters.id, { onDelete: "cascade" }),
    practiceId: integer("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.chapterId, t.practiceId] }), index("chapter_practices_practice_idx").on(t.practiceId)],
);

export const chapterQuestions = sqliteTable(
  "chapter_questions",
  {
    chapterId: integer("chapter_id")
      .notNull()
      .references(() => toolkitChapters.id, { onDelete: "cascade" }),
    questionId: integer("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.chapterId, t.questionId] })],
);

export const chapterCities = sqliteTable(
  "chapter_cities",
  {
    chapterId: integer("chapter_id")
      .notNull()
      .references(() => toolkitChapters.id, { onDelete: "cascade" }),
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.chapterId, t.cityId] })],
);
