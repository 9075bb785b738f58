import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { contentHash, createdAt, id, lang, origin, status, updatedAt } from "./columns.ts";
import { taxonomyTerms } from "./taxonomy.ts";

import { CITY_FACT_KINDS, HR_CITY_BASES, HR_CITY_STATUSES } from "../../app/domain/enums.ts";
export { CITY_FACT_KINDS, HR_CITY_BASES, HR_CITY_STATUSES };

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
    /** JSON array of "YYYY" / "YYYY-MM-DD"; more than one value means the sources disagree. */
    hrCitySince: text("hr_city_since", { mode: "json" }).$type<string[]>().notNull().default([]),
    hrCityBasis: text("hr_city_basis", { enum: HR_CITY_BASES }).notNull(),
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
