import type { Language } from "#app/i18n/languages.ts";
import { cityNames } from "#app/models/cities.server.ts";
import { pickTranslation } from "#app/models/localize.server.ts";
import { partnerLinks, type PracticeView } from "#app/models/practices.server.ts";
import { groupTerms, listAllTerms } from "#app/models/taxonomy.server.ts";
import type { RenderedBodies } from "./rendered-bodies.server.ts";
import type { PracticeSnapshot } from "#app/content-types/snapshot-types.ts";

const VOCABULARY = { themes: "theme", questionTypes: "question_type", udhrArticles: "udhr_article", sdgs: "sdg" } as const;

/**
 * A practice as its public page would show it, built from a snapshot that is not (or not yet) what
 * the public sees: the editor's preview. Same shape as `getPractice`, so the same component shows it.
 */
export function practicePreview(snap: PracticeSnapshot, lang: Language, html: RenderedBodies): PracticeView | null {
  // The text being edited is the original; labels (themes, roles…) are in the reader's language.
  const picked = pickTranslation(
    Object.entries(snap.translations).map(([l, text]) => ({ lang: l as Language, ...text! })),
    snap.originalLanguage,
    snap.originalLanguage,
  );
  if (!picked) return null;
  const wanted = new Set(
    Object.entries(VOCABULARY).flatMap(([field, vocabulary]) => snap[field as keyof typeof VOCABULARY].map((slug) => `${vocabulary}:${slug}`)),
  );
  const terms = listAllTerms(lang).filter((term) => wanted.has(`${term.vocabulary}:${term.slug}`));
  const city = cityNames(lang, [snap.cityId]).get(snap.cityId) ?? { slug: "", name: "" };
  return {
    id: 0,
    slug: snap.slug,
    city,
    cityId: snap.cityId,
    title: picked.text.title,
    summary: picked.text.summary,
    bodyHtml: html.get(picked.text.bodyMd) ?? "",
    outcomes: picked.text.outcomes,
    continuity: picked.text.continuity,
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
    updatedAt: new Date(),
  };
}
