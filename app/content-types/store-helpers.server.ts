import { and, asc, eq, inArray } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import type { Language } from "#app/i18n/languages.ts";
import { htmlToText, type DocumentText } from "#app/search/document-shape.ts";

/**
 * What the content-type definitions share: a database handle that may be a transaction, who owns a
 * write, and the small reads every type's reader and search document need.
 */
export type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

/**
 * Who writes: the app (an edit; the import leaves such rows alone from then on) or the content
 * import (with the hash of the file, so an unchanged file is skipped next time).
 */
export type Owner = { origin: "app" } | { origin: "content"; contentHash: string };
export const ownerColumns = (owner: Owner) => ({
  origin: owner.origin,
  contentHash: owner.origin === "content" ? owner.contentHash : null,
  updatedAt: new Date(),
});

/** The HTML of a Markdown body: the editor passes bodies rendered in the worker pool, the import renders its own files. */
export type HtmlOf = (bodyMd: string) => string;

export type SourceRow = { title: string; url: string };
type SourceOwner = "practiceId" | "answerId" | "cityId" | "organisationId" | "questionId" | "toolkitId" | "chapterId";

export function sourcesOf(db: Tx, owner: SourceOwner, id: number): SourceRow[] {
  return db.select({ title: s.sources.title, url: s.sources.url }).from(s.sources).where(eq(s.sources[owner], id)).orderBy(asc(s.sources.position)).all();
}

/** Translations keyed by language, in a stable order so snapshots compare cleanly. */
export function byLang<T extends { lang: Language }, U>(rows: T[], pick: (r: T) => U): Partial<Record<Language, U>> {
  return Object.fromEntries(s.LANGUAGES.flatMap((l) => rows.filter((r) => r.lang === l).map((r) => [l, pick(r)])));
}

/** Rewrites an item's translations: one row per language of the snapshot. */
export function replaceTranslations<T extends SQLiteTable>(db: Tx, table: T, owner: SQLiteColumn, id: number, rows: Record<string, unknown>[]): void {
  db.delete(table).where(eq(owner, id)).run();
  for (const row of rows)
    db.insert(table)
      .values(row as never)
      .run();
}

export type TermJoin = typeof s.practiceTerms | typeof s.questionTerms | typeof s.toolkitTerms | typeof s.organisationTerms;
type TermOwner<T extends TermJoin> = T extends typeof s.practiceTerms
  ? "practiceId"
  : T extends typeof s.questionTerms
    ? "questionId"
    : T extends typeof s.toolkitTerms
      ? "toolkitId"
      : "organisationId";

/** The taxonomy terms attached to an item, by vocabulary, in taxonomy order. */
export function termsOf<T extends TermJoin>(db: Tx, join: T, owner: TermOwner<T>, id: number) {
  const column = (join as unknown as Record<string, SQLiteColumn>)[owner]!;
  const rows = db
    .select({ id: s.taxonomyTerms.id, vocabulary: s.taxonomyTerms.vocabulary, slug: s.taxonomyTerms.slug })
    .from(join as SQLiteTable)
    .innerJoin(s.taxonomyTerms, eq(s.taxonomyTerms.id, (join as unknown as { termId: SQLiteColumn }).termId))
    .where(eq(column, id))
    .orderBy(asc(s.taxonomyTerms.position))
    .all();
  const of = (v: s.Vocabulary) => rows.filter((r) => r.vocabulary === v).map((r) => r.slug);
  return { themes: of("theme"), questionTypes: of("question_type"), udhrArticles: of("udhr_article"), sdgs: of("sdg"), ids: rows.map((r) => r.id) };
}

/** Replaces an item's terms with the given slugs per vocabulary (unknown slugs are ignored: forms and the import check them first). */
export function replaceTerms<T extends TermJoin>(db: Tx, join: T, owner: TermOwner<T>, id: number, slugs: Partial<Record<s.Vocabulary, string[]>>): void {
  const column = (join as unknown as Record<string, SQLiteColumn>)[owner]!;
  db.delete(join).where(eq(column, id)).run();
  const termIds = new Set<number>();
  for (const [vocabulary, list] of Object.entries(slugs) as [s.Vocabulary, string[]][]) {
    if (!list.length) continue;
    db.select({ id: s.taxonomyTerms.id })
      .from(s.taxonomyTerms)
      .where(and(eq(s.taxonomyTerms.vocabulary, vocabulary), inArray(s.taxonomyTerms.slug, list)))
      .all()
      .forEach((t) => termIds.add(t.id));
  }
  for (const termId of termIds)
    db.insert(join)
      .values({ [owner]: id, termId } as never)
      .run();
}

/** Every label of these terms in every language: search finds an item by a facet's name in any language. */
export function termLabels(db: Tx, termIds: number[]): string[] {
  if (!termIds.length) return [];
  return [
    ...new Set(
      db
        .select({ label: s.taxonomyLabels.label })
        .from(s.taxonomyLabels)
        .where(inArray(s.taxonomyLabels.termId, termIds))
        .all()
        .map((r) => r.label),
    ),
  ];
}

/** A published city's facets and names (for the documents of what belongs to it), or null when it is not published. */
export function publishedCityFacets(db: Tx, cityId: number) {
  const c = db
    .select({ slug: s.cities.slug, country: s.cities.country, regionId: s.cities.regionId, region: s.taxonomyTerms.slug, status: s.cities.status })
    .from(s.cities)
    .leftJoin(s.taxonomyTerms, eq(s.taxonomyTerms.id, s.cities.regionId))
    .where(eq(s.cities.id, cityId))
    .get();
  if (!c || c.status !== "published") return null;
  const names = db
    .select({ lang: s.cityTranslations.lang, name: s.cityTranslations.name })
    .from(s.cityTranslations)
    .where(eq(s.cityTranslations.cityId, cityId))
    .all();
  return {
    slug: c.slug,
    country: c.country,
    region: c.region,
    regionId: c.regionId,
    names: [...new Set(names.map((n) => n.name))],
    nameIn: new Map(names.map((n) => [n.lang, n.name])),
    /** Facet fields of a document that belongs to this city. */
    facets: { city: [c.slug], country: [c.country], region: c.region ? [c.region] : [] },
  };
}

/** Title, summary and plain-text body of each translation, for a search document. */
export function documentTexts<R extends { lang: Language; summary: string; bodyHtml: string }>(
  rows: R[],
  title: (r: R) => string,
  extra: (r: R) => string[] = () => [],
): DocumentText[] {
  return rows.map((r) => ({
    lang: r.lang,
    title: title(r),
    summary: r.summary,
    body: [htmlToText(r.bodyHtml), ...extra(r)].join("\n").trim(),
  }));
}
