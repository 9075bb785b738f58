import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { COALITION_ROLES, ORGANISATION_KINDS } from "../../app/domain/enums.ts";
import { cities } from "./cities.ts";
import { contentHash, createdAt, id, lang, origin, status, updatedAt } from "./columns.ts";
import { taxonomyTerms } from "./taxonomy.ts";

export { COALITION_ROLES, ORGANISATION_KINDS };

/**
 * Organisations that take part in a human rights city: municipal bodies, NGOs, universities,
 * national institutions, networks. A practice's partner may point at one (practice_partners).
 */
export const organisations = sqliteTable(
  "organisations",
  {
    id: id(),
    slug: text("slug").notNull(),
    /** Null for a national or international body that belongs to no one city. */
    cityId: integer("city_id").references(() => cities.id, { onDelete: "restrict" }),
    originalLanguage: lang("original_language"),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    website: text("website"),
    /** Membership of the city's human rights coalition, only where a source says so. */
    coalitionRole: text("coalition_role", { enum: COALITION_ROLES }),
    coalitionSince: integer("coalition_since"),
    status: status(),
    origin: origin(),
    contentHash: contentHash(),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("organisations_slug_uq").on(t.slug), index("organisations_city_idx").on(t.cityId), index("organisations_status_idx").on(t.status)],
);

export const organisationTranslations = sqliteTable(
  "organisation_translations",
  {
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    lang: lang(),
    name: text("name").notNull(),
    bodyMd: text("body_md").notNull(),
    bodyHtml: text("body_html").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.lang] })],
);

export const organisationTerms = sqliteTable(
  "organisation_terms",
  {
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    termId: integer("term_id")
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.termId] }), index("organisation_terms_term_idx").on(t.termId)],
);
