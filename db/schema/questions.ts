import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { cities } from "./cities.ts";
import { contentHash, createdAt, id, lang, origin, status, updatedAt } from "./columns.ts";
import { taxonomyTerms } from "./taxonomy.ts";

export const questions = sqliteTable(
  "questions",
  {
    id: id(),
    slug: text("slug").notNull(),
    questionTypeId: integer("question_type_id")
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: "restrict" }),
    originalLanguage: lang("original_language"),
    featured: integer("featured", { mode: "boolean" }).notNull().default(false),
    status: status(),
    origin: origin(),
    contentHash: contentHash(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("questions_slug_uq").on(t.slug), index("questions_type_idx").on(t.questionTypeId)],
);

export const questionTranslations = sqliteTable(
  "question_translations",
  {
    questionId: integer("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    lang: lang(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    bodyMd: text("body_md").notNull(),
    bodyHtml: text("body_html").notNull(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.lang] })],
);

export const questionTerms = sqliteTable(
  "question_terms",
  {
    questionId: integer("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    termId: integer("term_id")
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.termId] })],
);

/** One answer per city per question. */
export const answers = sqliteTable(
  "answers",
  {
    id: id(),
    questionId: integer("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "restrict" }),
    originalLanguage: lang("original_language"),
    status: status(),
    origin: origin(),
    contentHash: contentHash(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("answers_question_city_uq").on(t.questionId, t.cityId), index("answers_city_idx").on(t.cityId)],
);

export const answerTranslations = sqliteTable(
  "answer_translations",
  {
    answerId: integer("answer_id")
      .notNull()
      .references(() => answers.id, { onDelete: "cascade" }),
    lang: lang(),
    summary: text("summary").notNull(),
    bodyMd: text("body_md").notNull(),
    bodyHtml: text("body_html").notNull(),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.lang] })],
);
