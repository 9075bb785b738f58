import { isLanguage } from "#app/i18n/languages.ts";
import { FACETS, type FacetParam } from "./facets.ts";

export const MAX_QUERY_LENGTH = 200;
export const HITS_PER_PAGE = 10;
export const MAX_PAGE = 100;
export const SORTS = ["relevance", "date"] as const;
export type Sort = (typeof SORTS)[number];

export type SearchParams = {
  q: string;
  page: number;
  sort: Sort;
  filters: Partial<Record<FacetParam, string[]>>;
};

export type SearchNotice = { kind: "queryTruncated"; max: number } | { kind: "unknownFilter"; facet: FacetParam; value: string } | { kind: "basicSearch" };

/** Values a facet may take; anything else in the URL is dropped with a notice, never sent to a search engine. */
export type KnownValues = Partial<Record<FacetParam, Set<string>>>;

const SHAPES: Record<FacetParam, RegExp> = {
  type: /^[a-z]+$/,
  theme: /^[a-z0-9-]+$/,
  qtype: /^[a-z0-9-]+$/,
  city: /^[a-z0-9-]+$/,
  country: /^[A-Z]{2}$/,
  region: /^[a-z0-9-]+$/,
  lang: /^[a-z]{2}$/,
  udhr: /^\d{1,2}$/,
  sdg: /^\d{1,2}$/,
  year: /^\d{4}$/,
};

export function parseSearchParams(search: URLSearchParams, known: KnownValues): { params: SearchParams; notices: SearchNotice[] } {
  const notices: SearchNotice[] = [];
  // Control characters (NUL, bidi overrides) are removed before anything else sees the text.
  let q = (search.get("q") ?? "")
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if ([...q].length > MAX_QUERY_LENGTH) {
    q = [...q].slice(0, MAX_QUERY_LENGTH).join("").trim();
    notices.push({ kind: "queryTruncated", max: MAX_QUERY_LENGTH });
  }
  const filters: SearchParams["filters"] = {};
  for (const { param } of FACETS) {
    const values = [
      ...new Set(
        search
          .getAll(param)
          .flatMap((v) => v.split(","))
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ].slice(0, 20);
    for (const value of values) {
      const ok = SHAPES[param].test(value) && (param === "lang" ? isLanguage(value) : (known[param]?.has(value) ?? false));
      if (!ok) {
        notices.push({ kind: "unknownFilter", facet: param, value: value.slice(0, 40) });
        continue;
      }
      (filters[param] ??= []).push(value);
    }
  }
  const page = Math.min(MAX_PAGE, Math.max(1, Number.parseInt(search.get("page") ?? "1", 10) || 1));
  const sort: Sort = search.get("sort") === "date" ? "date" : "relevance";
  return { params: { q, page, sort, filters }, notices };
}

/** The URL of a search with one change applied (page reset unless it is the change). */
export function searchHref(base: string, params: SearchParams, change: Partial<Omit<SearchParams, "filters">> & { filters?: SearchParams["filters"] }): string {
  const next = { ...params, page: 1, ...change, filters: change.filters ?? params.filters };
  const usp = new URLSearchParams();
  if (next.q) usp.set("q", next.q);
  for (const { param } of FACETS) for (const v of next.filters[param] ?? []) usp.append(param, v);
  if (next.sort !== "relevance") usp.set("sort", next.sort);
  if (next.page > 1) usp.set("page", String(next.page));
  const qs = usp.toString();
  return qs ? `${base}?${qs}` : base;
}

export function toggleFilter(filters: SearchParams["filters"], facet: FacetParam, value: string): SearchParams["filters"] {
  const current = filters[facet] ?? [];
  const nextValues = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const next = { ...filters, [facet]: nextValues };
  if (!nextValues.length) delete next[facet];
  return next;
}
