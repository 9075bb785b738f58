import { asc, eq } from "drizzle-orm";
import * as s from "#db/schema/index.ts";
import { baseDocument, entityKey, unixSeconds, type SearchDocument } from "#app/search/document-shape.ts";
import { documentTexts, termLabels, termsOf, type Tx } from "./store-helpers.server.ts";

/** Toolkits and their chapters (curated by network organisers in content files). */

export const publicPath = (slug: string) => `toolkits/${slug}`;

export function searchDocument(db: Tx, id: number): SearchDocument | null {
  const t = db.select().from(s.toolkits).where(eq(s.toolkits.id, id)).get();
  if (!t || t.status !== "published") return null;
  const texts = documentTexts(db.select().from(s.toolkitTranslations).where(eq(s.toolkitTranslations.toolkitId, id)).all(), (r) => r.title);
  const terms = termsOf(db, s.toolkitTerms, "toolkitId", id);
  return {
    ...baseDocument("toolkit", id, publicPath(t.slug), t.originalLanguage, texts, unixSeconds(t.updatedAt)),
    themes: terms.themes,
    questionTypes: terms.questionTypes,
    labels: termLabels(db, terms.ids),
  };
}

export const allIds = (db: Tx) =>
  db
    .select({ id: s.toolkits.id })
    .from(s.toolkits)
    .all()
    .map((r) => r.id);

/** A chapter's document carries its toolkit's title and facets. */
export const dependents = (db: Tx, id: number): string[] =>
  db
    .select({ id: s.toolkitChapters.id })
    .from(s.toolkitChapters)
    .where(eq(s.toolkitChapters.toolkitId, id))
    .all()
    .map((r) => entityKey("chapter", r.id));

export const chapter = {
  searchDocument(db: Tx, id: number): SearchDocument | null {
    const ch = db.select().from(s.toolkitChapters).where(eq(s.toolkitChapters.id, id)).get();
    if (!ch) return null;
    const t = db.select().from(s.toolkits).where(eq(s.toolkits.id, ch.toolkitId)).get();
    if (!t || t.status !== "published") return null;
    const toolkitTitles = db
      .select({ title: s.toolkitTranslations.title })
      .from(s.toolkitTranslations)
      .where(eq(s.toolkitTranslations.toolkitId, ch.toolkitId))
      .all()
      .map((r) => r.title);
    const texts = documentTexts(db.select().from(s.chapterTranslations).where(eq(s.chapterTranslations.chapterId, id)).all(), (r) => r.title);
    const terms = termsOf(db, s.toolkitTerms, "toolkitId", ch.toolkitId);
    const cities = db
      .select({ slug: s.cities.slug, country: s.cities.country, status: s.cities.status })
      .from(s.chapterCities)
      .innerJoin(s.cities, eq(s.cities.id, s.chapterCities.cityId))
      .where(eq(s.chapterCities.chapterId, id))
      .orderBy(asc(s.chapterCities.position))
      .all()
      .filter((c) => c.status === "published");
    return {
      ...baseDocument("chapter", id, `${publicPath(t.slug)}/${ch.slug}`, t.originalLanguage, texts, unixSeconds(t.updatedAt)),
      themes: terms.themes,
      questionTypes: terms.questionTypes,
      city: cities.map((c) => c.slug),
      country: [...new Set(cities.map((c) => c.country))],
      labels: [...toolkitTitles, ...termLabels(db, terms.ids)],
    };
  },
  allIds: (db: Tx) =>
    db
      .select({ id: s.toolkitChapters.id })
      .from(s.toolkitChapters)
      .all()
      .map((r) => r.id),
  dependents: (_db: Tx, _id: number): string[] => [],
};
