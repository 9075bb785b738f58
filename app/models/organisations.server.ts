import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Language } from "#app/i18n/languages.ts";
import { getDb } from "#app/utils/db.server.ts";
import { ORGANISATION_KINDS, organisations, organisationTerms, organisationTranslations, practicePartners, taxonomyTerms } from "#db/schema/index.ts";
import { summaryOf } from "#app/content-types/organisation.server.ts";
import { htmlToText } from "#app/search/document-shape.ts";
import { cityNames } from "./cities.server.ts";
import { groupBy, pickTranslation } from "./localize.server.ts";
import { listPractices } from "./practices.server.ts";
import { listSources } from "./sources.server.ts";
import { termsById } from "./taxonomy.server.ts";

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type OrganisationFilters = { city?: string; kind?: OrganisationKind; theme?: string; cityId?: number };

/** Published organisations as cards, in the reader's language where translated, sorted by name. */
export function listOrganisations(lang: Language, filters: OrganisationFilters = {}) {
  const db = getDb();
  const names = cityNames(lang);
  const where: SQL[] = [eq(organisations.status, "published")];
  if (filters.kind) where.push(eq(organisations.kind, filters.kind));
  if (filters.cityId !== undefined) where.push(eq(organisations.cityId, filters.cityId));
  if (filters.city) {
    const id = [...names].find(([, c]) => c.slug === filters.city)?.[0];
    where.push(eq(organisations.cityId, id ?? -1));
  }
  if (filters.theme) {
    const withTheme = db
      .select({ id: organisationTerms.organisationId })
      .from(organisationTerms)
      .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, organisationTerms.termId))
      .where(and(eq(taxonomyTerms.vocabulary, "theme"), eq(taxonomyTerms.slug, filters.theme)));
    where.push(inArray(organisations.id, withTheme));
  }
  const rows = db
    .select()
    .from(organisations)
    .where(and(...where))
    .all()
    // An organisation of a city that is not published stays hidden with it.
    .filter((o) => o.cityId === null || names.has(o.cityId));
  const ids = rows.map((o) => o.id);
  const translations = groupBy(
    ids.length ? db.select().from(organisationTranslations).where(inArray(organisationTranslations.organisationId, ids)).all() : [],
    (r) => r.organisationId,
  );
  return rows
    .map((o) => {
      const picked = pickTranslation(translations.get(o.id) ?? [], lang, o.originalLanguage)!;
      return {
        slug: o.slug,
        name: picked.text.name,
        summary: summaryOf(htmlToText(picked.text.bodyHtml)),
        language: picked.language,
        kind: o.kind,
        city: o.cityId === null ? null : (names.get(o.cityId) ?? null),
        coalitionRole: o.coalitionRole,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, lang));
}
export type OrganisationCard = ReturnType<typeof listOrganisations>[number];

export function getOrganisation(slug: string, lang: Language) {
  const db = getDb();
  const o = db
    .select()
    .from(organisations)
    .where(and(eq(organisations.slug, slug), eq(organisations.status, "published")))
    .get();
  if (!o) return null;
  const city = o.cityId === null ? null : (cityNames(lang, [o.cityId]).get(o.cityId) ?? null);
  if (o.cityId !== null && !city) return null;
  const picked = pickTranslation(
    db.select().from(organisationTranslations).where(eq(organisationTranslations.organisationId, o.id)).all(),
    lang,
    o.originalLanguage,
  );
  if (!picked) return null;
  const terms = termsById(lang);
  const themes = db
    .select({ termId: organisationTerms.termId })
    .from(organisationTerms)
    .where(eq(organisationTerms.organisationId, o.id))
    .all()
    .map((r) => terms.get(r.termId))
    .filter((t) => t !== undefined)
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  const practiceIds = db
    .selectDistinct({ id: practicePartners.practiceId })
    .from(practicePartners)
    .where(eq(practicePartners.organisationId, o.id))
    .all()
    .map((r) => r.id);
  return {
    slug: o.slug,
    name: picked.text.name,
    bodyHtml: picked.text.bodyHtml,
    summary: summaryOf(htmlToText(picked.text.bodyHtml)),
    language: picked.language,
    kind: o.kind,
    website: o.website,
    coalition: o.coalitionRole ? { role: o.coalitionRole, since: o.coalitionSince } : null,
    city,
    themes,
    practices: practiceIds.length ? listPractices(lang, { ids: practiceIds }) : [],
    sources: listSources("organisationId", o.id),
    updatedAt: o.updatedAt,
  };
}

/** Published organisations to choose a practice partner's page from: id, name in the reader's language, city. */
export function organisationOptions(lang: Language): { slug: string; label: string }[] {
  const db = getDb();
  const names = cityNames(lang);
  const rows = db.select().from(organisations).where(eq(organisations.status, "published")).all();
  const translations = groupBy(db.select().from(organisationTranslations).all(), (r) => r.organisationId);
  return rows
    .map((o) => {
      const name = pickTranslation(translations.get(o.id) ?? [], lang, o.originalLanguage)?.text.name ?? o.slug;
      const city = o.cityId === null ? undefined : names.get(o.cityId)?.name;
      // The option value is the id: the snapshot links a partner by id, like an item to its city.
      return { slug: String(o.id), label: city ? `${name} (${city})` : name };
    })
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}
