import { eq } from "drizzle-orm";
import * as s from "#db/schema/index.ts";
import type { AnswerItem } from "#app/content/content-model.ts";
import { baseDocument, entityKey, unixSeconds, type SearchDocument } from "#app/search/document-shape.ts";
import { replaceSources } from "#app/models/sources.server.ts";
import type { AnswerSnapshot } from "#app/content-types/snapshot-types.ts";
import {
  byLang,
  documentTexts,
  ownerColumns,
  publishedCityFacets,
  replaceTranslations,
  sourcesOf,
  termLabels,
  type HtmlOf,
  type Owner,
  type Tx,
} from "./store-helpers.server.ts";

/** Answers: one city's answer to one question, with sources and per-language text. */

export function read(db: Tx, id: number): AnswerSnapshot | null {
  const a = db.select().from(s.answers).where(eq(s.answers.id, id)).get();
  if (!a) return null;
  return {
    questionId: a.questionId,
    cityId: a.cityId,
    originalLanguage: a.originalLanguage,
    sources: sourcesOf(db, "answerId", id),
    translations: byLang(db.select().from(s.answerTranslations).where(eq(s.answerTranslations.answerId, id)).all(), (t) => ({
      summary: t.summary,
      bodyMd: t.bodyMd,
    })),
  };
}

export function apply(db: Tx, id: number, a: AnswerSnapshot, htmlOf: HtmlOf, owner: Owner): void {
  db.update(s.answers)
    .set({ originalLanguage: a.originalLanguage, ...ownerColumns(owner) })
    .where(eq(s.answers.id, id))
    .run();
  replaceTranslations(
    db,
    s.answerTranslations,
    s.answerTranslations.answerId,
    id,
    Object.entries(a.translations).map(([lang, t]) => ({ answerId: id, lang, summary: t.summary, bodyMd: t.bodyMd, bodyHtml: htmlOf(t.bodyMd) })),
  );
  replaceSources(db, "answerId", id, a.sources);
}

export function create(db: Tx, a: AnswerSnapshot, htmlOf: HtmlOf, owner: Owner, status: s.Status = "draft"): number {
  const { id } = db
    .insert(s.answers)
    .values({ questionId: a.questionId, cityId: a.cityId, originalLanguage: a.originalLanguage, status, origin: owner.origin })
    .returning({ id: s.answers.id })
    .get();
  apply(db, id, a, htmlOf, owner);
  return id;
}

export function fromFile(item: AnswerItem, refs: { questionId: number; cityId: number }): AnswerSnapshot {
  const d = item.data;
  return {
    questionId: refs.questionId,
    cityId: refs.cityId,
    originalLanguage: d.language,
    sources: d.sources,
    translations: byLang(
      [
        { lang: d.language, summary: d.summary, bodyMd: item.body },
        ...item.translations.map((t) => ({ lang: t.lang, summary: t.data.summary, bodyMd: t.body })),
      ],
      (t) => ({ summary: t.summary, bodyMd: t.bodyMd }),
    ),
  };
}

export const publicPath = (questionSlug: string, citySlug: string) => `questions/${questionSlug}#answer-${citySlug}`;

export function searchDocument(db: Tx, id: number): SearchDocument | null {
  const a = db.select().from(s.answers).where(eq(s.answers.id, id)).get();
  if (!a || a.status !== "published") return null;
  const question = db
    .select({
      slug: s.questions.slug,
      status: s.questions.status,
      originalLanguage: s.questions.originalLanguage,
      type: s.taxonomyTerms.slug,
      typeId: s.taxonomyTerms.id,
    })
    .from(s.questions)
    .innerJoin(s.taxonomyTerms, eq(s.taxonomyTerms.id, s.questions.questionTypeId))
    .where(eq(s.questions.id, a.questionId))
    .get();
  const city = publishedCityFacets(db, a.cityId);
  if (!question || question.status !== "published" || !city) return null;
  const questionTitles = new Map(
    db
      .select({ lang: s.questionTranslations.lang, title: s.questionTranslations.title })
      .from(s.questionTranslations)
      .where(eq(s.questionTranslations.questionId, a.questionId))
      .all()
      .map((r) => [r.lang, r.title]),
  );
  const texts = documentTexts(
    db.select().from(s.answerTranslations).where(eq(s.answerTranslations.answerId, id)).all(),
    // "Graz: How do we monitor…?" in the answer's language where the question has it.
    (t) =>
      `${city.nameIn.get(t.lang) ?? city.nameIn.values().next().value}: ${questionTitles.get(t.lang) ?? questionTitles.get(question.originalLanguage) ?? ""}`,
  );
  return {
    ...baseDocument("answer", id, publicPath(question.slug, city.slug), a.originalLanguage, texts, unixSeconds(a.updatedAt)),
    questionTypes: [question.type],
    ...city.facets,
    labels: [...new Set([...city.names, ...termLabels(db, [question.typeId])])],
  };
}

export const allIds = (db: Tx) =>
  db
    .select({ id: s.answers.id })
    .from(s.answers)
    .all()
    .map((r) => r.id);

export const dependents = (_db: Tx, _id: number): string[] => [];

export const key = (id: number) => entityKey("answer", id);
