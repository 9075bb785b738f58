import { asc, eq } from "drizzle-orm";
import * as s from "#db/schema/index.ts";
import type { PracticeItem } from "#app/content/content-model.ts";
import { baseDocument, entityKey, unixSeconds, type SearchDocument } from "#app/search/document-shape.ts";
import type { PracticeSnapshot, PracticeText } from "#app/content-types/snapshot-types.ts";
import {
  byLang,
  documentTexts,
  ownerColumns,
  publishedCityFacets,
  replaceTerms,
  replaceTranslations,
  sourcesOf,
  termLabels,
  termsOf,
  type HtmlOf,
  type Owner,
  type Tx,
} from "./store-helpers.server.ts";
import { replaceSources } from "#app/models/sources.server.ts";

/** Practices: how a city did something, with partners, sources, facets and per-language text. */

export function read(db: Tx, id: number): PracticeSnapshot | null {
  const p = db.select().from(s.practices).where(eq(s.practices.id, id)).get();
  if (!p) return null;
  const terms = termsOf(db, s.practiceTerms, "practiceId", id);
  return {
    slug: p.slug,
    cityId: p.cityId,
    originalLanguage: p.originalLanguage,
    startYear: p.startYear,
    endYear: p.endYear,
    ongoing: p.ongoing,
    coCities: p.coCities,
    themes: terms.themes,
    questionTypes: terms.questionTypes,
    udhrArticles: terms.udhrArticles,
    sdgs: terms.sdgs,
    partners: db
      .select({
        name: s.practicePartners.name,
        role: s.practicePartners.role,
        formality: s.practicePartners.formality,
        organisationId: s.practicePartners.organisationId,
      })
      .from(s.practicePartners)
      .where(eq(s.practicePartners.practiceId, id))
      .orderBy(asc(s.practicePartners.position))
      .all(),
    sources: sourcesOf(db, "practiceId", id),
    translations: byLang(db.select().from(s.practiceTranslations).where(eq(s.practiceTranslations.practiceId, id)).all(), (t) => ({
      title: t.title,
      summary: t.summary,
      bodyMd: t.bodyMd,
      outcomes: t.outcomes,
      continuity: t.continuity,
    })),
  };
}

/** Writes a snapshot into the public tables (which only show it once the item is published). */
export function apply(db: Tx, id: number, p: PracticeSnapshot, htmlOf: HtmlOf, owner: Owner): void {
  db.update(s.practices)
    .set({ originalLanguage: p.originalLanguage, startYear: p.startYear, endYear: p.endYear, ongoing: p.ongoing, coCities: p.coCities, ...ownerColumns(owner) })
    .where(eq(s.practices.id, id))
    .run();
  replaceTranslations(
    db,
    s.practiceTranslations,
    s.practiceTranslations.practiceId,
    id,
    Object.entries(p.translations).map(([lang, t]) => ({ practiceId: id, lang, ...t, bodyHtml: htmlOf(t.bodyMd) })),
  );
  replaceTerms(db, s.practiceTerms, "practiceId", id, { theme: p.themes, question_type: p.questionTypes, udhr_article: p.udhrArticles, sdg: p.sdgs });
  db.delete(s.practicePartners).where(eq(s.practicePartners.practiceId, id)).run();
  p.partners.forEach((pt, position) =>
    db
      .insert(s.practicePartners)
      .values({ practiceId: id, name: pt.name, role: pt.role, formality: pt.formality, organisationId: pt.organisationId ?? null, position })
      .run(),
  );
  replaceSources(db, "practiceId", id, p.sources);
}

/** A new row for the snapshot (a draft from the editor, or an item from a content file), then its content. */
export function create(db: Tx, p: PracticeSnapshot, htmlOf: HtmlOf, owner: Owner, status: s.Status = "draft"): number {
  const { id } = db
    .insert(s.practices)
    .values({ slug: p.slug, cityId: p.cityId, originalLanguage: p.originalLanguage, status, origin: owner.origin })
    .returning({ id: s.practices.id })
    .get();
  apply(db, id, p, htmlOf, owner);
  return id;
}

/** A content file (original plus translations) as a snapshot; references are resolved by the import. */
export function fromFile(item: PracticeItem, refs: { cityId: number; organisationId: (slug: string) => number }): PracticeSnapshot {
  const d = item.data;
  const text = (t: { title: string; summary: string; outcomes?: string[]; continuity?: string }, body: string): PracticeText => ({
    title: t.title,
    summary: t.summary,
    bodyMd: body,
    outcomes: t.outcomes ?? [],
    continuity: t.continuity ?? null,
  });
  return {
    slug: item.slug,
    cityId: refs.cityId,
    originalLanguage: d.language,
    startYear: d.start_year ?? null,
    endYear: d.end_year ?? null,
    ongoing: d.ongoing ?? null,
    coCities: d.co_cities ?? {},
    themes: d.themes,
    questionTypes: d.question_types,
    udhrArticles: d.udhr_articles.map(String),
    sdgs: d.sdgs.map(String),
    partners: d.partners.map((pt) => ({
      name: pt.name,
      role: pt.role,
      formality: pt.formality ?? null,
      organisationId: pt.organisation ? refs.organisationId(pt.organisation) : null,
    })),
    sources: d.sources,
    translations: byLang(
      [{ lang: d.language, t: text(d, item.body) }, ...item.translations.map((t) => ({ lang: t.lang, t: text(t.data, t.body) }))],
      (x) => x.t,
    ),
  };
}

export const publicPath = (slug: string) => `practices/${slug}`;

export function searchDocument(db: Tx, id: number): SearchDocument | null {
  const p = db.select().from(s.practices).where(eq(s.practices.id, id)).get();
  if (!p || p.status !== "published") return null;
  const city = publishedCityFacets(db, p.cityId);
  if (!city) return null;
  const texts = documentTexts(
    db.select().from(s.practiceTranslations).where(eq(s.practiceTranslations.practiceId, id)).all(),
    (t) => t.title,
    (t) => [...t.outcomes, t.continuity ?? ""],
  );
  const terms = termsOf(db, s.practiceTerms, "practiceId", id);
  return {
    ...baseDocument("practice", id, publicPath(p.slug), p.originalLanguage, texts, unixSeconds(p.publishedAt ?? p.updatedAt)),
    themes: terms.themes,
    questionTypes: terms.questionTypes,
    udhr: terms.udhrArticles,
    sdgs: terms.sdgs,
    ...city.facets,
    year: p.startYear,
    labels: [...new Set([...city.names, ...termLabels(db, terms.ids)])],
  };
}

export const allIds = (db: Tx) =>
  db
    .select({ id: s.practices.id })
    .from(s.practices)
    .all()
    .map((r) => r.id);

/** Nothing else's document embeds a practice. */
export const dependents = (_db: Tx, _id: number): string[] => [];

export const key = (id: number) => entityKey("practice", id);
