import { and, asc, eq } from "drizzle-orm";
import type { Language } from "#app/i18n/languages.ts";
import { getDb } from "#app/utils/db.server.ts";
import type { DB } from "#db/client.ts";
import { taxonomyLabels, taxonomyTerms, type Vocabulary } from "#db/schema/index.ts";

export type Term = { id: number; vocabulary: Vocabulary; slug: string; label: string; description: string | null };

/** Every term with its label in `lang`, ordered as in the taxonomy files. */
export function listAllTerms(lang: Language): Term[] {
  return getDb()
    .select({
      id: taxonomyTerms.id,
      vocabulary: taxonomyTerms.vocabulary,
      slug: taxonomyTerms.slug,
      label: taxonomyLabels.label,
      description: taxonomyLabels.description,
    })
    .from(taxonomyTerms)
    .innerJoin(taxonomyLabels, and(eq(taxonomyLabels.termId, taxonomyTerms.id), eq(taxonomyLabels.lang, lang)))
    .orderBy(asc(taxonomyTerms.vocabulary), asc(taxonomyTerms.position))
    .all();
}

export function listTerms(vocabulary: Vocabulary, lang: Language): Term[] {
  return listAllTerms(lang).filter((t) => t.vocabulary === vocabulary);
}

export function termsById(lang: Language): Map<number, Term> {
  return new Map(listAllTerms(lang).map((t) => [t.id, t]));
}

export function findTerm(vocabulary: Vocabulary, slug: string, lang: Language): Term | undefined {
  return listTerms(vocabulary, lang).find((t) => t.slug === slug);
}

/** Terms of an item grouped per vocabulary, in taxonomy order. */
export function groupTerms(ids: number[], byId: Map<number, Term>) {
  const terms = ids.map((id) => byId.get(id)).filter((t): t is Term => Boolean(t));
  const of = (v: Vocabulary) =>
    terms.filter((t) => t.vocabulary === v).sort((a, b) => (v === "udhr_article" || v === "sdg" ? Number(a.slug) - Number(b.slug) : 0));
  return { themes: of("theme"), questionTypes: of("question_type"), udhr: of("udhr_article"), sdgs: of("sdg") };
}

/** The slugs of one vocabulary (facet values search accepts). */
export function termSlugs(vocabulary: Vocabulary, db = getDb()): Set<string> {
  return new Set(
    db
      .select({ slug: taxonomyTerms.slug })
      .from(taxonomyTerms)
      .where(eq(taxonomyTerms.vocabulary, vocabulary))
      .all()
      .map((r) => r.slug),
  );
}

/** Every label of every term, in a stable order: the import compares it before and after a run. */
export function allTermLabels(db: Pick<DB, "select"> = getDb()): string {
  return JSON.stringify(
    db
      .select({ termId: taxonomyLabels.termId, lang: taxonomyLabels.lang, label: taxonomyLabels.label })
      .from(taxonomyLabels)
      .orderBy(asc(taxonomyLabels.termId), asc(taxonomyLabels.lang))
      .all(),
  );
}
