import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Language } from "#app/i18n/languages.ts";
import { getDb } from "#app/utils/db.server.ts";
import { cities, organisations, practices, practiceTerms, practiceTranslations, taxonomyTerms } from "#db/schema/index.ts";
import type { PartnerFormality, PartnerRole } from "#app/domain/enums.ts";
import { cityNames } from "./cities.server.ts";
import { groupBy, pickTranslation } from "./localize.server.ts";
import * as practice from "#app/content-types/practice.server.ts";
import type { PracticeSnapshot } from "#app/content-types/snapshot-types.ts";
import { groupTerms, listAllTerms, termsById } from "./taxonomy.server.ts";

export type PracticeFilters = { theme?: string; city?: string; questionType?: string; featured?: boolean; cityId?: number; ids?: number[] };

/** Published practices as cards, in the reader's language where translated. */
export function listPractices(lang: Language, filters: PracticeFilters = {}) {
  const db = getDb();
  const where: SQL[] = [eq(practices.status, "published")];
  if (filters.featured) where.push(eq(practices.featured, true));
  if (filters.cityId !== undefined) where.push(eq(practices.cityId, filters.cityId));
  if (filters.ids) where.push(inArray(practices.id, filters.ids.length ? filters.ids : [-1]));
  if (filters.city) where.push(eq(cities.slug, filters.city));
  for (const [vocabulary, slug] of [
    ["theme", filters.theme],
    ["question_type", filters.questionType],
  ] as const) {
    if (!slug) continue;
    const withTerm = db
      .select({ id: practiceTerms.practiceId })
      .from(practiceTerms)
      .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, practiceTerms.termId))
      .where(and(eq(taxonomyTerms.vocabulary, vocabulary), eq(taxonomyTerms.slug, slug)));
    where.push(inArray(practices.id, withTerm));
  }
  const rows = db
    .select({ practice: practices })
    .from(practices)
    .innerJoin(cities, and(eq(cities.id, practices.cityId), eq(cities.status, "published")))
    .where(and(...where))
    .orderBy(desc(practices.featured), desc(practices.startYear))
    .all()
    .map((r) => r.practice);
  const ids = rows.map((p) => p.id);
  if (!ids.length) return [];
  const translations = groupBy(db.select().from(practiceTranslations).where(inArray(practiceTranslations.practiceId, ids)).all(), (r) => r.practiceId);
  const terms = groupBy(db.select().from(practiceTerms).where(inArray(practiceTerms.practiceId, ids)).all(), (r) => r.practiceId);
  const byId = termsById(lang);
  const names = cityNames(lang);
  return rows.map((p) => {
    const picked = pickTranslation(translations.get(p.id) ?? [], lang, p.originalLanguage)!;
    return {
      id: p.id,
      slug: p.slug,
      title: picked.text.title,
      summary: picked.text.summary,
      language: picked.language,
      city: names.get(p.cityId)!,
      startYear: p.startYear,
      endYear: p.endYear,
      ongoing: p.ongoing,
      featured: p.featured,
      themes: groupTerms(
        (terms.get(p.id) ?? []).map((t) => t.termId),
        byId,
      ).themes,
    };
  });
}
export type PracticeCard = ReturnType<typeof listPractices>[number];

export function getPractice(slug: string, lang: Language) {
  const db = getDb();
  const p = db
    .select({ id: practices.id, updatedAt: practices.updatedAt })
    .from(practices)
    .where(and(eq(practices.slug, slug), eq(practices.status, "published")))
    .get();
  const snap = p ? practice.read(db, p.id) : null;
  if (!p || !snap) return null;
  // The public page shows the stored HTML of the language it picks.
  const html = new Map(
    db
      .select({ lang: practiceTranslations.lang, bodyHtml: practiceTranslations.bodyHtml })
      .from(practiceTranslations)
      .where(eq(practiceTranslations.practiceId, p.id))
      .all()
      .map((t) => [t.lang, t.bodyHtml]),
  );
  return practiceView(snap, { lang, show: lang, htmlOf: (l) => html.get(l) ?? "", id: p.id, updatedAt: p.updatedAt });
}

const VOCABULARY = { themes: "theme", questionTypes: "question_type", udhrArticles: "udhr_article", sdgs: "sdg" } as const;

/**
 * A practice as its page shows it, from its snapshot: the one builder for the public page and the
 * editor's preview (which shows a snapshot the public does not see yet). `show` is the language
 * wanted (the reader's, or the original in the editor); labels are in `lang`.
 */
export function practiceView(
  snap: PracticeSnapshot,
  opts: { lang: Language; show: Language; htmlOf: (lang: Language, bodyMd: string) => string; id: number; updatedAt: Date },
) {
  const picked = pickTranslation(
    Object.entries(snap.translations).map(([l, text]) => ({ lang: l as Language, ...text! })),
    opts.show,
    snap.originalLanguage,
  );
  const city = cityNames(opts.lang, [snap.cityId]).get(snap.cityId);
  if (!picked || !city) return null;
  const wanted = new Set(
    Object.entries(VOCABULARY).flatMap(([field, vocabulary]) => snap[field as keyof typeof VOCABULARY].map((slug) => `${vocabulary}:${slug}`)),
  );
  const terms = listAllTerms(opts.lang).filter((term) => wanted.has(`${term.vocabulary}:${term.slug}`));
  // Every text field of the picked language as it is (title, summary, outcomes, continuity, …); the body as HTML.
  const { lang: shown, bodyMd, ...text } = picked.text;
  return {
    id: opts.id,
    slug: snap.slug,
    city,
    cityId: snap.cityId,
    ...text,
    bodyHtml: opts.htmlOf(shown, bodyMd),
    language: picked.language,
    startYear: snap.startYear,
    endYear: snap.endYear,
    ongoing: snap.ongoing,
    coCities: snap.coCities,
    terms: groupTerms(
      terms.map((term) => term.id),
      new Map(terms.map((term) => [term.id, term])),
    ),
    partners: partnerLinks(snap.partners),
    sources: snap.sources,
    updatedAt: opts.updatedAt,
  };
}

type PartnerRow = { name: string; role: PartnerRole; formality: PartnerFormality | null; organisationId?: number | null };

/** Partners with the slug of their organisation page, when it is published (a draft organisation is not linked). */
export function partnerLinks(partners: PartnerRow[]) {
  const ids = partners.map((x) => x.organisationId).filter((id): id is number => typeof id === "number");
  const slugs = new Map(
    ids.length
      ? getDb()
          .select({ id: organisations.id, slug: organisations.slug })
          .from(organisations)
          .where(and(inArray(organisations.id, ids), eq(organisations.status, "published")))
          .all()
          .map((o) => [o.id, o.slug])
      : [],
  );
  return partners.map((x) => ({ name: x.name, role: x.role, formality: x.formality, organisation: (x.organisationId && slugs.get(x.organisationId)) || null }));
}

/** A practice as its page shows it. */
export type PracticeView = NonNullable<ReturnType<typeof getPractice>>;

/** How many published practices carry each term of a vocabulary, keyed by term slug. */
export function practiceCountsByTerm(vocabulary: "theme" | "question_type"): Map<string, number> {
  const rows = getDb()
    .select({ slug: taxonomyTerms.slug, n: sql<number>`count(distinct ${practices.id})` })
    .from(practiceTerms)
    .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, practiceTerms.termId))
    .innerJoin(practices, eq(practices.id, practiceTerms.practiceId))
    .innerJoin(cities, and(eq(cities.id, practices.cityId), eq(cities.status, "published")))
    .where(and(eq(taxonomyTerms.vocabulary, vocabulary), eq(practices.status, "published")))
    .groupBy(taxonomyTerms.slug)
    .all();
  return new Map(rows.map((r) => [r.slug, r.n]));
}
