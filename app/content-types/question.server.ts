import { eq } from "drizzle-orm";
import * as s from "#db/schema/index.ts";
import { baseDocument, entityKey, unixSeconds, type SearchDocument } from "#app/search/document-shape.ts";
import { documentTexts, termLabels, termsOf, type Tx } from "./store-helpers.server.ts";

/** Questions cities ask each other (curated in content files; not edited in the app yet). */

export const publicPath = (slug: string) => `questions/${slug}`;

export function searchDocument(db: Tx, id: number): SearchDocument | null {
  const q = db
    .select({ question: s.questions, type: s.taxonomyTerms.slug })
    .from(s.questions)
    .innerJoin(s.taxonomyTerms, eq(s.taxonomyTerms.id, s.questions.questionTypeId))
    .where(eq(s.questions.id, id))
    .get();
  if (!q || q.question.status !== "published") return null;
  const texts = documentTexts(db.select().from(s.questionTranslations).where(eq(s.questionTranslations.questionId, id)).all(), (t) => t.title);
  const terms = termsOf(db, s.questionTerms, "questionId", id);
  return {
    ...baseDocument("question", id, publicPath(q.question.slug), q.question.originalLanguage, texts, unixSeconds(q.question.updatedAt)),
    questionTypes: [q.type],
    themes: terms.themes,
    labels: termLabels(db, [q.question.questionTypeId, ...terms.ids]),
  };
}

export const allIds = (db: Tx) =>
  db
    .select({ id: s.questions.id })
    .from(s.questions)
    .all()
    .map((r) => r.id);

/** An answer's document carries its question's title. */
export const dependents = (db: Tx, id: number): string[] =>
  db
    .select({ id: s.answers.id })
    .from(s.answers)
    .where(eq(s.answers.questionId, id))
    .all()
    .map((r) => entityKey("answer", r.id));
