import { LANGUAGES, type Language } from "#app/i18n/languages.ts";

/** Kinds of searchable entity; a document id is "<type>-<database id>". */
export const CONTENT_TYPES = ["practice", "city", "question", "answer", "toolkit", "chapter", "organisation"] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/**
 * One search document per entity, holding every language it exists in (`title_nl`, `body_ko`, …).
 * Facet values are language-neutral (slugs, ISO codes) so one index serves all UI languages and
 * counts are per item, not per translation.
 */
export type SearchDocument = {
  id: string;
  type: ContentType;
  /** Path after "/{lang}/". */
  url: string;
  original: Language;
  languages: Language[];
  labels: string[];
  themes: string[];
  questionTypes: string[];
  city: string[];
  country: string[];
  region: string[];
  udhr: string[];
  sdgs: string[];
  year: number | null;
  /** Unix seconds: publication or last update, for sorting by date. */
  date: number;
} & Partial<Record<`title_${Language}` | `summary_${Language}` | `body_${Language}`, string>> &
  Record<`has_${Language}`, 0 | 1>;

/** Body text is capped: enough for relevance and snippets, bounded for index size. */
const MAX_BODY = 20_000;

export function htmlToText(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/h\d|\/li|\/tr)>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim()
    .slice(0, MAX_BODY);
}

export function entityKey(type: ContentType, id: number): string {
  return `${type}-${id}`;
}

export function parseEntityKey(key: string): { type: ContentType; id: number } | null {
  const m = /^([a-z]+)-(\d+)$/.exec(key);
  if (!m || !(CONTENT_TYPES as readonly string[]).includes(m[1]!)) return null;
  return { type: m[1] as ContentType, id: Number(m[2]) };
}

/** The title, summary and plain-text body of one language of an item, as a document holds them. */
export type DocumentText = { lang: Language; title: string; summary: string; body: string };

/** A document with the texts in every language the item has and empty facets (each type fills its own). */
export function baseDocument(type: ContentType, id: number, url: string, original: Language, texts: DocumentText[], date: number): SearchDocument {
  const doc = {
    id: entityKey(type, id),
    type,
    url,
    original,
    languages: texts.map((t) => t.lang).sort(),
    labels: [],
    themes: [],
    questionTypes: [],
    city: [],
    country: [],
    region: [],
    udhr: [],
    sdgs: [],
    year: null,
    date,
  } as unknown as SearchDocument;
  for (const lang of LANGUAGES) (doc as Record<string, unknown>)[`has_${lang}`] = texts.some((t) => t.lang === lang) ? 1 : 0;
  for (const t of texts) {
    doc[`title_${t.lang}`] = t.title;
    doc[`summary_${t.lang}`] = t.summary;
    doc[`body_${t.lang}`] = t.body;
  }
  return doc;
}

/** Unix seconds, the unit of the `date` sort field. */
export const unixSeconds = (d: Date | null | undefined) => Math.floor((d?.getTime() ?? 0) / 1000);
