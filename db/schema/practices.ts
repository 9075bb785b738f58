import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { cities } from "./cities.ts";
import { contentHash, createdAt, id, lang, origin, status, updatedAt } from "./columns.ts";
import { organisations } from "./organisations.ts";
import { taxonomyTerms } from "./taxonomy.ts";
import type { CoCitiesDimension, CoCitiesLevel } from "../../app/domain/co-cities.ts";

import { PARTNER_FORMALITIES, PARTNER_ROLES } from "../../app/domain/enums.ts";
export { PARTNER_FORMALITIES, PARTNER_ROLES };
export { CO_CITIES_DIMENSIONS, CO_CITIES_LEVELS } from "../../app/domain/co-cities.ts";
export type { CoCitiesDimension, CoCitiesLevel } from "../../app/domain/co-cities.ts";

export const practices = sqliteTable(
  "practices",
  {
    id: id(),
    slug: text("slug").notNull(),
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "restrict" }),
    originalLanguage: lang("original_language"),
    startYear: integer("start_year"),
    endYear: integer("end_year"),
    /** null = unknown; the sources do not always say. */
    ongoing: integer("ongoing", { mode: "boolean" }),
    coCities: text("co_cities", { mode: "json" }).$type<Partial<Record<CoCitiesDimension, CoCitiesLevel>>>().notNull().default({}),
    featured: integer("featured", { mode: "boolean" }).notNull().default(false),
    status: status(),
    origin: origin(),
    contentHash: contentHash(),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("practices_slug_uq").on(t.slug), index("practices_city_idx").on(t.cityId), index("practices_status_idx").on(t.status, t.featured)],
);

export const practiceTranslations = sqliteTable(
  "practice_translations",
  {
    practiceId: integer("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    lang: lang(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    bodyMd: text("body_md").notNull(),
    bodyHtml: text("body_html").notNull(),
    outcomes: text("outcomes", { mode: "json" }).$type<string[]>().notNull().default([]),
    continuity: text("continuity"),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.lang] })],
);

/** Themes, question types, UDHR articles and SDGs of a practice: all facets, one join table. */
export const practiceTerms = sqliteTable(
  "practice_terms",
  {
    practiceId: integer("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    termId: integer("term_id")
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.termId] }), index("practice_terms_term_idx").on(t.termId)],
);

export const practicePartners = sqliteTable(
  "practice_partners",
  {
    id: id(),
    practiceId: integer("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: text("role", { enum: PARTNER_ROLES }).notNull(),
    formality: text("formality", { enum: PARTNER_FORMALITIES }),
    /** The organisation this partner is, when it has a page (the name stays as the practice wrote it). */
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    position: integer("position").notNull(),
  },
  (t) => [index("practice_partners_practice_idx").on(t.practiceId, t.position)],
);
