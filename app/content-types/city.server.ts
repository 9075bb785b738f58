import { asc, eq } from "drizzle-orm";
import * as s from "#db/schema/index.ts";
import type { CityItem } from "#app/content/content-model.ts";
import { hrCityColumns, impliedCertainty, readHrCity, type BasisClaim } from "#app/domain/hr-city.ts";
import { baseDocument, entityKey, unixSeconds, type SearchDocument } from "#app/search/document-shape.ts";
import { replaceSources } from "#app/models/sources.server.ts";
import type { CitySnapshot } from "#app/content-types/snapshot-types.ts";
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

/** City profiles: what makes a city a human rights city, as its sources say it. */

/** The city columns a snapshot carries, read from a row or written back to it. */
const COLUMNS = ["originalLanguage", "country", "population", "populationYear", "populationSource", "hrCityStatus", "website"] as const;
type Columns = Pick<CitySnapshot, (typeof COLUMNS)[number]>;
const pickColumns = (from: Columns): Columns => Object.fromEntries(COLUMNS.map((k) => [k, from[k]])) as Columns;

/** The four lists of facts in a content file, by kind. */
export const FACT_FIELDS = {
  institution: "institutions",
  charter: "charters",
  network: "networks",
  monitoring: "monitoring",
} as const satisfies Record<(typeof s.CITY_FACT_KINDS)[number], string>;

export function read(db: Tx, id: number): CitySnapshot | null {
  const c = db.select().from(s.cities).where(eq(s.cities.id, id)).get();
  if (!c) return null;
  const hr = readHrCity(c);
  return {
    ...pickColumns(c),
    hrCitySinceCertainty: hr.sinceCertainty,
    hrCitySinceClaims: hr.sinceClaims,
    hrCityBasisCertainty: hr.basisCertainty,
    hrCityBasisClaims: hr.basisClaims,
    facts: db
      .select({ kind: s.cityFacts.kind, name: s.cityFacts.name, since: s.cityFacts.since, url: s.cityFacts.url })
      .from(s.cityFacts)
      .where(eq(s.cityFacts.cityId, id))
      .orderBy(asc(s.cityFacts.kind), asc(s.cityFacts.position))
      .all(),
    sources: sourcesOf(db, "cityId", id),
    translations: byLang(db.select().from(s.cityTranslations).where(eq(s.cityTranslations.cityId, id)).all(), (t) => ({
      name: t.name,
      summary: t.summary,
      bodyMd: t.bodyMd,
    })),
  };
}

/** A city snapshot from a revision saved before certainties and claims existed (plain `hrCitySince` and `hrCityBasis`). */
type LegacyCity = Omit<CitySnapshot, "hrCitySinceCertainty" | "hrCitySinceClaims" | "hrCityBasisCertainty" | "hrCityBasisClaims"> & {
  hrCitySince?: string[];
  hrCityBasis?: BasisClaim["basis"];
};

/** A snapshot as stored in a revision, brought to the current shape (older ones get their claims from the plain values). */
export function upgrade(snap: CitySnapshot): CitySnapshot {
  if ("hrCitySinceClaims" in snap) return snap;
  const { hrCitySince = [], hrCityBasis, ...rest } = snap as unknown as LegacyCity;
  return {
    ...rest,
    hrCitySinceCertainty: impliedCertainty(hrCitySince),
    hrCitySinceClaims: hrCitySince.map((date) => ({ date, sources: [] })),
    hrCityBasisCertainty: hrCityBasis ? "confirmed" : "unknown",
    hrCityBasisClaims: hrCityBasis ? [{ basis: hrCityBasis, sources: [] }] : [],
  };
}

export function apply(db: Tx, id: number, snap: CitySnapshot, htmlOf: HtmlOf, owner: Owner): void {
  const c = upgrade(snap);
  db.update(s.cities)
    .set({
      ...pickColumns(c),
      ...hrCityColumns({
        since: { certainty: c.hrCitySinceCertainty, claims: c.hrCitySinceClaims },
        basis: { certainty: c.hrCityBasisCertainty, claims: c.hrCityBasisClaims },
      }),
      ...ownerColumns(owner),
    })
    .where(eq(s.cities.id, id))
    .run();
  replaceTranslations(
    db,
    s.cityTranslations,
    s.cityTranslations.cityId,
    id,
    Object.entries(c.translations).map(([lang, t]) => ({ cityId: id, lang, name: t.name, summary: t.summary, bodyMd: t.bodyMd, bodyHtml: htmlOf(t.bodyMd) })),
  );
  db.delete(s.cityFacts).where(eq(s.cityFacts.cityId, id)).run();
  c.facts.forEach((f, position) => db.insert(s.cityFacts).values({ cityId: id, kind: f.kind, name: f.name, since: f.since, url: f.url, position }).run());
  replaceSources(db, "cityId", id, c.sources);
}

export function fromFile(item: CityItem): CitySnapshot {
  const d = item.data;
  return {
    originalLanguage: d.language,
    country: d.country,
    population: d.population?.value ?? null,
    populationYear: d.population?.year ?? null,
    populationSource: d.population?.source ?? null,
    hrCityStatus: d.human_rights_city.status,
    hrCitySinceCertainty: d.human_rights_city.since.certainty,
    hrCitySinceClaims: d.human_rights_city.since.claims,
    hrCityBasisCertainty: d.human_rights_city.basis.certainty,
    hrCityBasisClaims: d.human_rights_city.basis.claims,
    website: d.website ?? null,
    // In the order the reader returns them (by kind, then as listed), so file and database snapshots compare equal.
    facts: [...s.CITY_FACT_KINDS]
      .sort()
      .flatMap((kind) => d[FACT_FIELDS[kind]].map((f) => ({ kind, name: f.name, since: f.since ?? null, url: f.url ?? null }))),
    sources: d.sources,
    translations: byLang(
      [
        { lang: d.language, name: d.name, summary: d.summary, bodyMd: item.body },
        ...item.translations.map((t) => ({ lang: t.lang, name: t.data.name, summary: t.data.summary, bodyMd: t.body })),
      ],
      (t) => ({ name: t.name, summary: t.summary, bodyMd: t.bodyMd }),
    ),
  };
}

export const publicPath = (slug: string) => `cities/${slug}`;

export function searchDocument(db: Tx, id: number): SearchDocument | null {
  const c = db.select().from(s.cities).where(eq(s.cities.id, id)).get();
  const city = publishedCityFacets(db, id);
  if (!c || !city) return null;
  const texts = documentTexts(db.select().from(s.cityTranslations).where(eq(s.cityTranslations.cityId, id)).all(), (t) => t.name);
  // The year facet only holds a year the sources agree on: a disputed or unknown start gives none.
  const since = c.hrCitySinceCertainty === "confirmed" ? c.hrCitySince.map((d) => Number(d.slice(0, 4))) : [];
  return {
    ...baseDocument("city", id, publicPath(c.slug), c.originalLanguage, texts, unixSeconds(c.updatedAt)),
    ...city.facets,
    year: since[0] ?? null,
    labels: [...new Set([...city.names, ...termLabels(db, city.regionId ? [city.regionId] : [])])],
  };
}

export const allIds = (db: Tx) =>
  db
    .select({ id: s.cities.id })
    .from(s.cities)
    .all()
    .map((r) => r.id);

/** Practices, answers, organisations and chapters carry the city's names and facets in their documents. */
export function dependents(db: Tx, id: number): string[] {
  return [
    ...db
      .select({ id: s.practices.id })
      .from(s.practices)
      .where(eq(s.practices.cityId, id))
      .all()
      .map((r) => entityKey("practice", r.id)),
    ...db
      .select({ id: s.answers.id })
      .from(s.answers)
      .where(eq(s.answers.cityId, id))
      .all()
      .map((r) => entityKey("answer", r.id)),
    ...db
      .select({ id: s.organisations.id })
      .from(s.organisations)
      .where(eq(s.organisations.cityId, id))
      .all()
      .map((r) => entityKey("organisation", r.id)),
    ...db
      .select({ id: s.chapterCities.chapterId })
      .from(s.chapterCities)
      .where(eq(s.chapterCities.cityId, id))
      .all()
      .map((r) => entityKey("chapter", r.id)),
  ];
}

export const key = (id: number) => entityKey("city", id);
