import { and, asc, eq, inArray } from "drizzle-orm";
import { readHrCity } from "#app/domain/hr-city.ts";
import type { Language } from "#app/i18n/languages.ts";
import { getDb } from "#app/utils/db.server.ts";
import { cities, cityFacts, cityTranslations } from "#db/schema/index.ts";
import { groupBy, pickTranslation } from "./localize.server.ts";
import { listSources } from "./sources.server.ts";
import { termsById } from "./taxonomy.server.ts";

export type CityName = { slug: string; name: string };

/** Names of published cities in the reader's language (or the original), keyed by id. */
export function cityNames(lang: Language, ids?: number[]): Map<number, CityName> {
  const db = getDb();
  const rows = db
    .select({ id: cities.id, slug: cities.slug, original: cities.originalLanguage })
    .from(cities)
    .where(ids ? and(eq(cities.status, "published"), inArray(cities.id, ids)) : eq(cities.status, "published"))
    .all();
  const names = groupBy(
    db.select({ cityId: cityTranslations.cityId, lang: cityTranslations.lang, name: cityTranslations.name }).from(cityTranslations).all(),
    (r) => r.cityId,
  );
  return new Map(rows.map((c) => [c.id, { slug: c.slug, name: pickTranslation(names.get(c.id) ?? [], lang, c.original)?.text.name ?? c.slug }]));
}

export function listCities(lang: Language) {
  const db = getDb();
  const rows = db.select().from(cities).where(eq(cities.status, "published")).all();
  const translations = groupBy(db.select().from(cityTranslations).all(), (r) => r.cityId);
  const terms = termsById(lang);
  return rows
    .map((c) => {
      const picked = pickTranslation(translations.get(c.id) ?? [], lang, c.originalLanguage)!;
      return {
        slug: c.slug,
        name: picked.text.name,
        summary: picked.text.summary,
        language: picked.language,
        country: c.country,
        region: c.regionId ? (terms.get(c.regionId)?.label ?? null) : null,
        hrCityStatus: c.hrCityStatus,
        hrCitySince: c.hrCitySince,
        hrCitySinceCertainty: c.hrCitySinceCertainty,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, lang));
}

export function getCity(slug: string, lang: Language) {
  const db = getDb();
  const city = db
    .select()
    .from(cities)
    .where(and(eq(cities.slug, slug), eq(cities.status, "published")))
    .get();
  if (!city) return null;
  const picked = pickTranslation(db.select().from(cityTranslations).where(eq(cityTranslations.cityId, city.id)).all(), lang, city.originalLanguage);
  if (!picked) return null;
  const facts = db.select().from(cityFacts).where(eq(cityFacts.cityId, city.id)).orderBy(asc(cityFacts.position)).all();
  const ofKind = (kind: (typeof facts)[number]["kind"]) => facts.filter((f) => f.kind === kind).map((f) => ({ name: f.name, since: f.since, url: f.url }));
  const region = city.regionId ? termsById(lang).get(city.regionId) : undefined;
  return {
    id: city.id,
    slug: city.slug,
    name: picked.text.name,
    summary: picked.text.summary,
    bodyHtml: picked.text.bodyHtml,
    language: picked.language,
    country: city.country,
    region: region ? { slug: region.slug, label: region.label } : null,
    population: city.population !== null ? { value: city.population, year: city.populationYear, source: city.populationSource } : null,
    coordinates: city.latitude !== null && city.longitude !== null ? { lat: city.latitude, lon: city.longitude } : null,
    // since: the claimed dates; the claims say which source gives which, the certainties how sure they are.
    hrCity: { status: city.hrCityStatus, since: city.hrCitySince, basis: city.hrCityBasis, ...readHrCity(city) },
    website: city.website,
    institutions: ofKind("institution"),
    charters: ofKind("charter"),
    networks: ofKind("network"),
    monitoring: ofKind("monitoring"),
    sources: listSources("cityId", city.id),
    updatedAt: city.updatedAt,
  };
}

/** Slugs of the published cities (the city facet values search accepts). */
export function publishedCitySlugs(db = getDb()): Set<string> {
  return new Set(
    db
      .select({ slug: cities.slug })
      .from(cities)
      .where(eq(cities.status, "published"))
      .all()
      .map((r) => r.slug),
  );
}
