import { eq } from "drizzle-orm";
import * as s from "#db/schema/index.ts";
import type { OrganisationItem } from "#app/content/content-model.ts";
import { baseDocument, entityKey, htmlToText, unixSeconds, type SearchDocument } from "#app/search/document-shape.ts";
import { replaceSources } from "#app/models/sources.server.ts";
import type { OrganisationSnapshot } from "#app/content-types/snapshot-types.ts";
import {
  byLang,
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

/**
 * Organisations: the municipal bodies, NGOs, universities and networks a human rights city works
 * with. The first type added through the registry (issue 8): its table, reader, writer, file
 * mapping and search document are all here.
 */

export function read(db: Tx, id: number): OrganisationSnapshot | null {
  const o = db.select().from(s.organisations).where(eq(s.organisations.id, id)).get();
  if (!o) return null;
  return {
    slug: o.slug,
    cityId: o.cityId,
    originalLanguage: o.originalLanguage,
    kind: o.kind,
    themes: termsOf(db, s.organisationTerms, "organisationId", id).themes,
    website: o.website,
    coalitionRole: o.coalitionRole,
    coalitionSince: o.coalitionSince,
    sources: sourcesOf(db, "organisationId", id),
    translations: byLang(db.select().from(s.organisationTranslations).where(eq(s.organisationTranslations.organisationId, id)).all(), (t) => ({
      name: t.name,
      bodyMd: t.bodyMd,
    })),
  };
}

export function apply(db: Tx, id: number, o: OrganisationSnapshot, htmlOf: HtmlOf, owner: Owner): void {
  db.update(s.organisations)
    .set({
      cityId: o.cityId,
      originalLanguage: o.originalLanguage,
      kind: o.kind,
      website: o.website,
      coalitionRole: o.coalitionRole,
      coalitionSince: o.coalitionRole ? o.coalitionSince : null,
      ...ownerColumns(owner),
    })
    .where(eq(s.organisations.id, id))
    .run();
  replaceTranslations(
    db,
    s.organisationTranslations,
    s.organisationTranslations.organisationId,
    id,
    Object.entries(o.translations).map(([lang, t]) => ({ organisationId: id, lang, name: t.name, bodyMd: t.bodyMd, bodyHtml: htmlOf(t.bodyMd) })),
  );
  replaceTerms(db, s.organisationTerms, "organisationId", id, { theme: o.themes });
  replaceSources(db, "organisationId", id, o.sources);
}

export function create(db: Tx, o: OrganisationSnapshot, htmlOf: HtmlOf, owner: Owner, status: s.Status = "draft"): number {
  const { id } = db
    .insert(s.organisations)
    .values({ slug: o.slug, cityId: o.cityId, originalLanguage: o.originalLanguage, kind: o.kind, status, origin: owner.origin })
    .returning({ id: s.organisations.id })
    .get();
  apply(db, id, o, htmlOf, owner);
  return id;
}

export function fromFile(item: OrganisationItem, refs: { cityId: number | null }): OrganisationSnapshot {
  const d = item.data;
  return {
    slug: item.slug,
    cityId: refs.cityId,
    originalLanguage: d.language,
    kind: d.kind,
    themes: d.themes,
    website: d.website ?? null,
    coalitionRole: d.coalition?.role ?? null,
    coalitionSince: d.coalition?.since ?? null,
    sources: d.sources,
    translations: byLang(
      [{ lang: d.language, name: d.name, bodyMd: item.body }, ...item.translations.map((t) => ({ lang: t.lang, name: t.data.name, bodyMd: t.body }))],
      (t) => ({ name: t.name, bodyMd: t.bodyMd }),
    ),
  };
}

export const publicPath = (slug: string) => `organisations/${slug}`;

/** The opening of a description, for cards, the page's meta description and search (organisations have no separate summary). */
export const SUMMARY_LENGTH = 280;
export function summaryOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= SUMMARY_LENGTH) return flat;
  const cut = flat.slice(0, SUMMARY_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), SUMMARY_LENGTH - 40))}…`;
}

export function searchDocument(db: Tx, id: number): SearchDocument | null {
  const o = db.select().from(s.organisations).where(eq(s.organisations.id, id)).get();
  if (!o || o.status !== "published") return null;
  // An organisation of an unpublished city stays out of search, like that city's practices.
  const city = o.cityId === null ? null : publishedCityFacets(db, o.cityId);
  if (o.cityId !== null && !city) return null;
  const texts = db
    .select()
    .from(s.organisationTranslations)
    .where(eq(s.organisationTranslations.organisationId, id))
    .all()
    .map((t) => {
      const body = htmlToText(t.bodyHtml);
      return { lang: t.lang, title: t.name, summary: summaryOf(body), body };
    });
  const terms = termsOf(db, s.organisationTerms, "organisationId", id);
  return {
    ...baseDocument("organisation", id, publicPath(o.slug), o.originalLanguage, texts, unixSeconds(o.publishedAt ?? o.updatedAt)),
    themes: terms.themes,
    ...(city?.facets ?? {}),
    labels: [...new Set([...(city?.names ?? []), ...termLabels(db, terms.ids)])],
  };
}

export const allIds = (db: Tx) =>
  db
    .select({ id: s.organisations.id })
    .from(s.organisations)
    .all()
    .map((r) => r.id);

export const dependents = (_db: Tx, _id: number): string[] => [];

export const key = (id: number) => entityKey("organisation", id);
