/** Facets of the search page: URL parameter → document field. Shared by the UI, Meilisearch and the fallback. */
export const FACETS = [
  { param: "type", field: "type" },
  { param: "theme", field: "themes" },
  { param: "qtype", field: "questionTypes" },
  { param: "city", field: "city" },
  { param: "country", field: "country" },
  { param: "region", field: "region" },
  { param: "lang", field: "languages" },
  { param: "udhr", field: "udhr" },
  { param: "sdg", field: "sdgs" },
  { param: "year", field: "year" },
] as const;
export type FacetParam = (typeof FACETS)[number]["param"];
export type FacetField = (typeof FACETS)[number]["field"];
export const FACET_FIELDS = FACETS.map((f) => f.field);
export const fieldOf = (param: FacetParam): FacetField => FACETS.find((f) => f.param === param)!.field;

/** Labels of facet values in the reader's language (terms and cities), as the search page receives them. */
export type FacetLabels = Partial<Record<FacetParam, Record<string, string>>>;
