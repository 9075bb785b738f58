import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { contentHash, createdAt, id, lang, origin, status, updatedAt } from "./columns.ts";
import { taxonomyTerms } from "./taxonomy.ts";

import { CITY_FACT_KINDS } from "../../app/domain/enums.ts";
import { CERTAINTIES, HR_CITY_BASES, HR_CITY_BASIS_COLUMN, HR_CITY_STATUSES, type BasisClaim, type SinceClaim } from "../../app/domain/hr-city.ts";
export { CERTAINTIES, CITY_FACT_KINDS, HR_CITY_BASES, HR_CITY_BASIS_COLUMN, HR_CITY_STATUSES };

export const cities = sqliteTable(
  "cities",
  {
    id: id(),
    slug: text("slug").notNull(),
    originalLanguage: lang("original_language"),
    country: text("country").notNull(),
    regionId: integer("region_id").references(() => taxonomyTerms.id, { onDelete: "restrict" }),
    population: integer("population"),
    populationYear: integer("population_year"),
    populationSource: text("population_source"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    hrCityStatus: text("hr_city_status", { enum: HR_CITY_STATUSES }).notNull(),
    // "Human rights city since" and "how" as the sources say it (ADR 003, addendum): a certainty and
    // claims, each a value with its sources. The plain columns are derived from them, for lists,
    // search and sorting: every writer sets all of them together (app/domain/hr-city.ts).
    /** The claimed dates, "YYYY" / "YYYY-MM" / "YYYY-MM-DD": one when confirmed, several when disputed, none when unknown. */
    hrCitySince: text("hr_city_since", { mode: "json" }).$type<string[]>().notNull().default([]),
    hrCitySinceCertainty: text("hr_city_since_certainty", { enum: CERTAINTIES }).notNull().default("unknown"),
    /** JSON [{ date, sources: [{ title, url }] }]. */
    hrCitySinceClaims: text("hr_city_since_claims", { mode: "json" }).$type<SinceClaim[]>().notNull().default([]),
    /** The basis when it is confirmed; "unknown" when it is disputed or not known (the candidates are in the claims). */
    hrCityBasis: text("hr_city_basis", { enum: HR_CITY_BASIS_COLUMN }).notNull(),
    hrCityBasisCertainty: text("hr_city_basis_certainty", { enum: CERTAINTIES }).notNull().default("confirmed"),
    /** JSON [{ basis, sources: [{ title, url }] }]. */
    hrCityBasisClaims: text("hr_city_basis_claims", { mode: "json" }).$type<BasisClaim[]>().notNull().default([]),
    website: text("website"),
    status: status(),
    origin: origin(),
    contentHash: contentHash(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("cities_slug_uq").on(t.slug), index("cities_country_idx").on(t.country)],
);

export const cityTranslations = sqliteTable(
  "city_translations",
  {
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
    lang: lang(),
    name: text("name").notNull(),
    summary: text("summary").notNull(),
    bodyMd: text("body_md").notNull(),
    bodyHtml: text("body_html").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.lang] })],
);

/** Institutions, charters, networks and monitoring arrangements: one shape, four lists. */
export const cityFacts = sqliteTable(
  "city_facts",
  {
    id: id(),
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CITY_FACT_KINDS }).notNull(),
    name: text("name").notNull(),
    since: text("since"),
    url: text("url"),
    position: integer("position").notNull(),
  },
  (t) => [index("city_facts_city_idx").on(t.cityId, t.kind, t.position)],
);
