import type { Hits, MultiSearchQuery, SearchResponse } from "meilisearch";
import { LANGUAGES, type Language } from "#app/i18n/languages.ts";
import { getDb } from "#app/utils/db.server.ts";
import type { DB } from "#db/client.ts";
import type { Vocabulary } from "#db/schema/index.ts";
import { publishedCitySlugs } from "#app/models/cities.server.ts";
import { termSlugs } from "#app/models/taxonomy.server.ts";
import { cachedByDataVersion } from "#app/utils/data-version-cache.server.ts";
import { CONTENT_TYPES, type ContentType, type SearchDocument } from "./documents.server.ts";
import { FACETS, type FacetParam } from "./facets.ts";
import { hasHit, POST, PRE, segmentsFromMarked, segmentsFromWords, type Segment } from "./highlight.ts";
import { searchClient } from "./meili.server.ts";
import { HITS_PER_PAGE, type KnownValues, type SearchNotice, type SearchParams } from "./query.ts";
import { searchConfig } from "./search-config.server.ts";
import { expandWord, readSynonyms, type SynonymGroups } from "./synonyms.server.ts";

export type SearchHit = {
  id: string;
  type: ContentType;
  url: string;
  /** Language of the title and snippet shown. */
  language: Language;
  languages: Language[];
  title: Segment[];
  snippet: Segment[];
  city: string | null;
  year: number | null;
};
export type FacetCount = { value: string; count: number };
export type SearchResult = {
  mode: "meilisearch" | "basic";
  total: number;
  page: number;
  pages: number;
  hits: SearchHit[];
  facets: Record<FacetParam, FacetCount[]>;
  notices: SearchNotice[];
  ms: number;
};

/** Allowed facet values, from the database: taxonomies, published cities, and what the index holds. */
export function knownValues(db: DB = getDb()): KnownValues {
  return knownValuesCached(db);
}
const knownValuesCached = cachedByDataVersion((db: DB): KnownValues => {
  const terms = (v: Vocabulary) => termSlugs(v, db);
  const indexed = (f: string) =>
    new Set((db.$client.prepare("SELECT DISTINCT value FROM search_entity_facets WHERE facet = ?").all(f) as { value: string }[]).map((r) => r.value));
  return {
    type: new Set(CONTENT_TYPES),
    theme: terms("theme"),
    qtype: terms("question_type"),
    region: terms("region"),
    udhr: terms("udhr_article"),
    sdg: terms("sdg"),
    city: publishedCitySlugs(db),
    country: indexed("country"),
    year: indexed("year"),
    lang: new Set(LANGUAGES),
  };
});

const quote = (v: string) => `"${v.replace(/["\\]/g, "\\$&")}"`;

/** Filter as nested arrays (outer AND, inner OR); values were validated, and are quoted anyway. */
function meiliFilter(filters: SearchParams["filters"], except?: FacetParam): string[][] {
  const out: string[][] = [];
  for (const { param, field } of FACETS) {
    const values = filters[param];
    if (param === except || !values?.length) continue;
    out.push(values.map((v) => (param === "year" ? `${field} = ${Number(v)}` : `${field} = ${quote(v)}`)));
  }
  return out;
}

const TEXT_FIELDS = (prefix: string) => LANGUAGES.map((l) => `${prefix}_${l}`);

/** Which language of a multilingual hit to show: the reader's when it matched or nothing else did. */
function chooseLanguage(doc: SearchDocument, formatted: Record<string, string | undefined>, reader: Language): Language {
  const matched = (l: Language) => ["title", "summary", "body"].some((f) => hasHit(formatted[`${f}_${l}`]));
  if (doc.languages.includes(reader) && (matched(reader) || !doc.languages.some(matched))) return reader;
  const order = [doc.original, ...doc.languages.filter((l) => l !== doc.original)];
  return order.find(matched) ?? (doc.languages.includes(reader) ? reader : doc.original);
}

/** One shape for hits from either engine; only the choice of language and the marking differ. */
function hitOf(doc: SearchDocument, language: Language, title: Segment[], snippet: Segment[]): SearchHit {
  return { id: doc.id, type: doc.type, url: doc.url, language, languages: doc.languages, title, snippet, city: doc.city[0] ?? null, year: doc.year };
}

function toHit(doc: SearchDocument, formatted: Record<string, string | undefined>, reader: Language): SearchHit {
  const lang = chooseLanguage(doc, formatted, reader);
  const body = formatted[`body_${lang}`];
  const snippetSource = hasHit(body) ? body! : (formatted[`summary_${lang}`] ?? doc[`summary_${lang}`] ?? "");
  return hitOf(doc, lang, segmentsFromMarked(formatted[`title_${lang}`] ?? doc[`title_${lang}`] ?? ""), segmentsFromMarked(snippetSource));
}

function emptyFacets(): Record<FacetParam, FacetCount[]> {
  return Object.fromEntries(FACETS.map((f) => [f.param, []])) as unknown as Record<FacetParam, FacetCount[]>;
}

function facetList(distribution: Record<string, number> | undefined, selected: string[] = []): FacetCount[] {
  const counts = { ...(distribution ?? {}) };
  for (const s of selected) counts[s] ??= 0; // a selected value stays visible (and removable) at 0
  return Object.entries(counts)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * Disjunctive faceting with one multi-search: the main query carries every filter; each facet with a
 * selection gets its own count query without its own filter, so its other values keep true counts.
 */
export function buildMeiliQueries(params: SearchParams, reader: Language, uid: string): MultiSearchQuery[] {
  const refined = FACETS.filter((f) => params.filters[f.param]?.length);
  const sort = params.sort === "date" ? ["date:desc", `has_${reader}:desc`] : [`has_${reader}:desc`];
  return [
    {
      indexUid: uid,
      q: params.q,
      filter: meiliFilter(params.filters),
      facets: FACETS.filter((f) => !refined.includes(f)).map((f) => f.field),
      page: params.page,
      hitsPerPage: HITS_PER_PAGE,
      sort,
      attributesToRetrieve: ["id", "type", "url", "original", "languages", "city", "year", ...TEXT_FIELDS("title"), ...TEXT_FIELDS("summary")],
      attributesToHighlight: [...TEXT_FIELDS("title"), ...TEXT_FIELDS("summary")],
      attributesToCrop: TEXT_FIELDS("body"),
      cropLength: 28,
      cropMarker: "…",
      highlightPreTag: PRE,
      highlightPostTag: POST,
    },
    ...refined.map((f) => ({ indexUid: uid, q: params.q, filter: meiliFilter(params.filters, f.param), facets: [f.field], page: 1, hitsPerPage: 0 })),
  ];
}

export async function meiliSearch(params: SearchParams, reader: Language, indexUid?: string): Promise<Omit<SearchResult, "notices" | "mode" | "ms">> {
  const config = searchConfig();
  if (!config) throw new Error("search server not configured");
  const client = searchClient(config);
  const uid = indexUid ?? config.index;
  const refined = FACETS.filter((f) => params.filters[f.param]?.length);
  const { results } = await client.multiSearch({ queries: buildMeiliQueries(params, reader, uid) });
  const main = results[0] as unknown as SearchResponse<SearchDocument>;
  const facets = emptyFacets();
  for (const f of FACETS) {
    const source = refined.includes(f) ? results[1 + refined.indexOf(f)] : main;
    facets[f.param] = facetList(source?.facetDistribution?.[f.field], params.filters[f.param]);
  }
  const total = main.totalHits ?? 0;
  return {
    total,
    page: params.page,
    pages: Math.max(1, Math.ceil(total / HITS_PER_PAGE)),
    hits: (main.hits as Hits<SearchDocument>).map((h) => toHit(h, (h._formatted ?? {}) as Record<string, string | undefined>, reader)),
    facets,
  };
}

/** Query words (letters and digits, any script), at most 12. */
export function queryWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** FTS5 query: words ANDed, each ORed with its synonyms, each a quoted prefix (no FTS syntax from the user). */
export function ftsQueryFor(q: string, groups: SynonymGroups): string {
  return queryWords(q)
    .map(
      (w) =>
        `(${expandWord(w, groups)
          .map((x) => `"${x.replace(/"/g, '""')}"*`)
          .join(" OR ")})`,
    )
    .join(" AND ");
}

/**
 * The fallback: SQLite FTS5 with the same facets and the same disjunctive counts, computed in SQL.
 * Every value is a bound parameter, never interpolated.
 */
export function basicSearch(params: SearchParams, reader: Language, db: DB = getDb()): Omit<SearchResult, "notices" | "mode" | "ms"> {
  const c = db.$client;
  const words = queryWords(params.q);
  // Read per query (a few dozen short rows): a re-import's synonyms apply at once, no restart.
  const fts = words.length ? ftsQueryFor(params.q, readSynonyms(db)) : "";
  if (fts) {
    c.exec("CREATE TEMP TABLE IF NOT EXISTS fts_matched (entity TEXT PRIMARY KEY, score REAL NOT NULL)");
    c.exec("DELETE FROM temp.fts_matched");
    // bm25() cannot sit inside an aggregate: keep the best score per entity with an upsert instead.
    c.prepare(
      `INSERT INTO temp.fts_matched (entity, score)
       SELECT entity, bm25(search_fts, 0, 0, 10.0, 5.0, 1.0, 2.0) FROM search_fts WHERE search_fts MATCH ?
       ON CONFLICT(entity) DO UPDATE SET score = min(score, excluded.score)`,
    ).run(fts);
  }
  const join = fts ? "JOIN temp.fts_matched m ON m.entity = e.entity" : "";
  const filter = (except?: FacetParam) => {
    const clauses: string[] = [];
    const args: string[] = [];
    for (const { param, field } of FACETS) {
      const values = params.filters[param];
      if (param === except || !values?.length) continue;
      clauses.push(`AND e.entity IN (SELECT entity FROM search_entity_facets WHERE facet = ? AND value IN (${values.map(() => "?").join(",")}))`);
      args.push(field, ...values);
    }
    return { sql: clauses.join(" "), args };
  };
  const all = filter();
  const total = (c.prepare(`SELECT count(*) n FROM search_entities e ${join} WHERE 1 ${all.sql}`).get(...all.args) as { n: number }).n;
  const order = params.sort === "date" ? "e.date DESC" : `${fts ? "m.score ASC, " : ""}instr(e.languages, ?) > 0 DESC, e.date DESC`;
  const orderArgs = params.sort === "date" ? [] : [`,${reader},`];
  const rows = c
    .prepare(`SELECT e.document FROM search_entities e ${join} WHERE 1 ${all.sql} ORDER BY ${order}, e.entity LIMIT ? OFFSET ?`)
    .all(...all.args, ...orderArgs, HITS_PER_PAGE, (params.page - 1) * HITS_PER_PAGE) as { document: string }[];

  // Facets without a selection share the full filter: one GROUP BY pass counts them all. Each facet
  // with a selection needs its own pass without its own filter (OR within, AND across).
  const facets = emptyFacets();
  const count = (fields: string[], f: { sql: string; args: string[] }) =>
    c
      .prepare(
        `SELECT sf.facet, sf.value, count(*) n FROM search_entity_facets sf JOIN search_entities e ON e.entity = sf.entity ${join}
         WHERE sf.facet IN (${fields.map(() => "?").join(",")}) ${f.sql} GROUP BY sf.facet, sf.value`,
      )
      .all(...fields, ...f.args) as { facet: string; value: string; n: number }[];
  const selected = FACETS.filter((x) => params.filters[x.param]?.length);
  const rowsByField = new Map<string, { value: string; n: number }[]>();
  const plain = FACETS.filter((x) => !selected.includes(x)).map((x) => x.field);
  const passes: [string[], { sql: string; args: string[] }][] = [
    ...(plain.length ? [[plain, all] as [string[], typeof all]] : []),
    ...selected.map((x) => [[x.field], filter(x.param)] as [string[], typeof all]),
  ];
  for (const [fields, f] of passes) for (const r of count(fields, f)) rowsByField.set(r.facet, [...(rowsByField.get(r.facet) ?? []), r]);
  for (const { param, field } of FACETS) {
    facets[param] = facetList(Object.fromEntries((rowsByField.get(field) ?? []).map((r) => [r.value, r.n])), params.filters[param]);
  }

  const hits = rows.map(({ document }) => {
    const doc = JSON.parse(document) as SearchDocument;
    const lang = doc.languages.includes(reader) ? reader : doc.original;
    return hitOf(doc, lang, segmentsFromWords(doc[`title_${lang}`] ?? "", words), segmentsFromWords(doc[`summary_${lang}`] ?? "", words));
  });
  return { total, page: params.page, pages: Math.max(1, Math.ceil(total / HITS_PER_PAGE)), hits, facets };
}

/** Remembers a recent failure so that a down server costs one timeout, not one per request. */
const breaker = { openUntil: 0, lastError: "" };
export function searchHealth(): { status: "ok" | "degraded" | "not-configured"; lastError?: string } {
  if (!searchConfig()) return { status: "not-configured" };
  return Date.now() < breaker.openUntil ? { status: "degraded", lastError: breaker.lastError } : { status: "ok" };
}

export async function search(params: SearchParams, reader: Language, notices: SearchNotice[]): Promise<SearchResult> {
  const started = performance.now();
  if (searchConfig() && Date.now() >= breaker.openUntil) {
    try {
      const result = await meiliSearch(params, reader);
      return { ...result, mode: "meilisearch", notices, ms: Math.round(performance.now() - started) };
    } catch (error) {
      breaker.openUntil = Date.now() + 5_000;
      breaker.lastError = error instanceof Error ? error.message : String(error);
      console.error(`search: Meilisearch unavailable, using basic search (${breaker.lastError})`);
    }
  }
  const result = basicSearch(params, reader);
  return { ...result, mode: "basic", notices: [...notices, { kind: "basicSearch" }], ms: Math.round(performance.now() - started) };
}
