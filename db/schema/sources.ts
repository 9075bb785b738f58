import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { cities } from "./cities.ts";
import { id } from "./columns.ts";
import { organisations } from "./organisations.ts";
import { practices } from "./practices.ts";
import { answers, questions } from "./questions.ts";
import { toolkitChapters, toolkits } from "./toolkits.ts";

/**
 * Every citation in one table, owned by exactly one item (the CHECK), so that "list every source"
 * for a researcher is one query and each owner still cascades on delete.
 */
export const sources = sqliteTable(
  "sources",
  {
    id: id(),
    cityId: integer("city_id").references(() => cities.id, { onDelete: "cascade" }),
    practiceId: integer("practice_id").references(() => practices.id, { onDelete: "cascade" }),
    questionId: integer("question_id").references(() => questions.id, { onDelete: "cascade" }),
    answerId: integer("answer_id").references(() => answers.id, { onDelete: "cascade" }),
    toolkitId: integer("toolkit_id").references(() => toolkits.id, { onDelete: "cascade" }),
    chapterId: integer("chapter_id").references(() => toolkitChapters.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    url: text("url").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    check(
      "sources_one_owner",
      sql`(${t.cityId} IS NOT NULL) + (${t.practiceId} IS NOT NULL) + (${t.questionId} IS NOT NULL) + (${t.answerId} IS NOT NULL) + (${t.toolkitId} IS NOT NULL) + (${t.chapterId} IS NOT NULL) + (${t.organisationId} IS NOT NULL) = 1`,
    ),
    index("sources_city_idx").on(t.cityId),
    index("sources_practice_idx").on(t.practiceId),
    index("sources_answer_idx").on(t.answerId),
    index("sources_toolkit_idx").on(t.toolkitId),
    index("sources_chapter_idx").on(t.chapterId),
    index("sources_question_idx").on(t.questionId),
    index("sources_organisation_idx").on(t.organisationId),
  ],
);
