import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Language } from "#app/i18n/languages.ts";
import { getDb } from "#app/utils/db.server.ts";
import { answers, answerTranslations, cities, questions, questionTranslations, taxonomyTerms } from "#db/schema/index.ts";
import { cityNames } from "./cities.server.ts";
import { groupBy, pickTranslation } from "./localize.server.ts";
import { listSourcesFor } from "./sources.server.ts";
import { listTerms, termsById } from "./taxonomy.server.ts";

const publishedAnswers = () =>
  and(eq(answers.status, "published"), inArray(answers.cityId, getDb().select({ id: cities.id }).from(cities).where(eq(cities.status, "published"))));

/** Published questions with their answer counts, in the reader's language where translated. */
export function listQuestions(lang: Language, filter: { ids?: number[]; featured?: boolean } = {}) {
  const db = getDb();
  const where = [eq(questions.status, "published")];
  if (filter.ids) where.push(inArray(questions.id, filter.ids.length ? filter.ids : [-1]));
  if (filter.featured) where.push(eq(questions.featured, true));
  const rows = db
    .select({ q: questions, type: taxonomyTerms.slug, typePosition: taxonomyTerms.position })
    .from(questions)
    .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, questions.questionTypeId))
    .where(and(...where))
    .orderBy(asc(taxonomyTerms.position), asc(questions.id))
    .all();
  const ids = rows.map((r) => r.q.id);
  if (!ids.length) return [];
  const translations = groupBy(db.select().from(questionTranslations).where(inArray(questionTranslations.questionId, ids)).all(), (r) => r.questionId);
  const counts = new Map(
    db
      .select({ id: answers.questionId, n: sql<number>`count(*)` })
      .from(answers)
      .where(and(publishedAnswers(), inArray(answers.questionId, ids)))
      .groupBy(answers.questionId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  return rows.map(({ q, type }) => {
    const picked = pickTranslation(translations.get(q.id) ?? [], lang, q.originalLanguage)!;
    return {
      id: q.id,
      slug: q.slug,
      type,
      title: picked.text.title,
      summary: picked.text.summary,
      language: picked.language,
      answerCount: counts.get(q.id) ?? 0,
    };
  });
}
export type QuestionCard = ReturnType<typeof listQuestions>[number];

/** Questions grouped by question type, in the taxonomy's order; empty types are left out. */
export function listQuestionsByType(lang: Language) {
  const all = listQuestions(lang);
  return listTerms("question_type", lang)
    .map((type) => ({ type, questions: all.filter((q) => q.type === type.slug) }))
    .filter((g) => g.questions.length > 0);
}

export function getQuestion(slug: string, lang: Language) {
  const db = getDb();
  const q = db
    .select()
    .from(questions)
    .where(and(eq(questions.slug, slug), eq(questions.status, "published")))
    .get();
  if (!q) return null;
  const picked = pickTranslation(db.select().from(questionTranslations).where(eq(questionTranslations.questionId, q.id)).all(), lang, q.originalLanguage);
  if (!picked) return null;
  const type = termsById(lang).get(q.questionTypeId)!;
  const answerRows = db
    .select()
    .from(answers)
    .where(and(eq(answers.questionId, q.id), publishedAnswers()))
    .all();
  const names = cityNames(lang);
  const translations = groupBy(
    answerRows.length
      ? db
          .select()
          .from(answerTranslations)
          .where(
            inArray(
              answerTranslations.answerId,
              answerRows.map((a) => a.id),
            ),
          )
          .all()
      : [],
    (r) => r.answerId,
  );
  const sources = listSourcesFor(
    "answerId",
    answerRows.map((a) => a.id),
  );
  const cityAnswers = answerRows
    .map((a) => {
      const t = pickTranslation(translations.get(a.id) ?? [], lang, a.originalLanguage)!;
      return {
        id: a.id,
        cityId: a.cityId,
        city: names.get(a.cityId)!,
        summary: t.text.summary,
        bodyHtml: t.text.bodyHtml,
        language: t.language,
        sources: sources.get(a.id) ?? [],
      };
    })
    .filter((a) => a.city)
    .sort((a, b) => a.city.name.localeCompare(b.city.name, lang));
  const related = listQuestions(lang).filter((o) => o.type === type.slug && o.id !== q.id);
  return {
    id: q.id,
    slug: q.slug,
    type: { slug: type.slug, label: type.label },
    title: picked.text.title,
    summary: picked.text.summary,
    bodyHtml: picked.text.bodyHtml,
    language: picked.language,
    answers: cityAnswers,
    related,
  };
}

/** A city's published answers, for its profile page. */
export function listAnswersOfCity(cityId: number, lang: Language) {
  const db = getDb();
  const rows = db
    .select()
    .from(answers)
    .where(and(eq(answers.cityId, cityId), eq(answers.status, "published")))
    .all();
  const questionCards = new Map(listQuestions(lang, { ids: rows.map((r) => r.questionId) }).map((q) => [q.id, q]));
  if (!rows.length) return [];
  const translations = groupBy(
    db
      .select()
      .from(answerTranslations)
      .where(
        inArray(
          answerTranslations.answerId,
          rows.map((r) => r.id),
        ),
      )
      .all(),
    (r) => r.answerId,
  );
  return rows
    .filter((a) => questionCards.has(a.questionId))
    .map((a) => {
      const t = pickTranslation(translations.get(a.id) ?? [], lang, a.originalLanguage)!;
      return { question: questionCards.get(a.questionId)!, summary: t.text.summary, language: t.language };
    });
}
