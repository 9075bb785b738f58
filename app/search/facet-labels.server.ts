import type { Language } from "#app/i18n/languages.ts";
import { cityNames } from "#app/models/cities.server.ts";
import { listAllTerms } from "#app/models/taxonomy.server.ts";
import { cachedByDataVersion } from "#app/utils/data-version-cache.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { FACETS, type FacetLabels, type FacetParam } from "./facets.ts";
import type { SearchResult } from "./search.server.ts";

/** Facets whose values are taxonomy terms, with their vocabulary. */
const VOCABULARY_OF: Partial<Record<FacetParam, string>> = {
  type: "content_type",
  theme: "theme",
  qtype: "question_type",
  region: "region",
  udhr: "udhr_article",
  sdg: "sdg",
};

function computeFacetLabels(lang: Language): FacetLabels {
  const labels: FacetLabels = {};
  for (const term of listAllTerms(lang)) {
    const facet = (Object.entries(VOCABULARY_OF).find(([, v]) => v === term.vocabulary)?.[0] ?? null) as FacetParam | null;
    if (facet) (labels[facet] ??= {})[term.slug] = term.label;
  }
  labels.city = Object.fromEntries([...cityNames(lang).values()].map((c) => [c.slug, c.name]));
  return labels;
}

/** Term and city labels per language, kept until the database changes. */
const labelsCache = cachedByDataVersion(() => new Map<Language, FacetLabels>());
function allFacetLabels(lang: Language): FacetLabels {
  const cache = labelsCache(getDb());
  if (!cache.has(lang)) cache.set(lang, computeFacetLabels(lang));
  return cache.get(lang)!;
}

/** Labels only for the values a result page shows (its facets and hits), in the reader's language. */
export function facetLabelsFor(result: Pick<SearchResult, "facets" | "hits">, lang: Language): FacetLabels {
  const all = allFacetLabels(lang);
  const labels: FacetLabels = {};
  const want = (facet: FacetParam, value: string) => {
    const label = all[facet]?.[value];
    if (label) (labels[facet] ??= {})[value] = label;
  };
  for (const { param } of FACETS) for (const { value } of result.facets[param]) want(param, value);
  for (const hit of result.hits) {
    want("type", hit.type);
    if (hit.city) want("city", hit.city);
  }
  return labels;
}
