import type { DB } from "#db/client.ts";
import { LANGUAGES, type Language } from "#app/i18n/languages.ts";

/** Kinds of searchable entity; a document id is "<type>-<database id>". */
export const CONTENT_TYPES = ["practice", "city", "question", "answer", "toolkit", "chapter"] as const;
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

type Text = { lang: Language; title: string; summary: string; body: string };
type Row = Record<string, unknown>;

class DocumentReader {
  constructor(private readonly db: DB) {}
  private all<T = Row>(sql: string, ...params: unknown[]) {
    return this.db.$client.prepare(sql).all(...params) as T[];
  }
  private get<T = Row>(sql: string, ...params: unknown[]) {
    return this.db.$client.prepare(sql).get(...params) as T | undefined;
  }

  private terms(table: string, column: string, id: number) {
    const rows = this.all<{ vocabulary: string; slug: string; id: number }>(
      `SELECT t.vocabulary, t.slug, t.id FROM ${table} x JOIN taxonomy_terms t ON t.id = x.term_id WHERE x.${column} = ? ORDER BY t.position`,
      id,
    );
    const of = (v: string) => rows.filter((r) => r.vocabulary === v).map((r) => r.slug);
    return { themes: of("theme"), questionTypes: of("question_type"), udhr: of("udhr_article"), sdgs: of("sdg"), ids: rows.map((r) => r.id) };
  }

  private termLabels(termIds: number[]): string[] {
    if (!termIds.length) return [];
    return this.all<{ label: string }>(`SELECT DISTINCT label FROM taxonomy_labels WHERE term_id IN (${termIds.map(() => "?").join(",")})`, ...termIds).map(
      (r) => r.label,
    );
  }

  /** A published city's facets and names, or null when the city is not published. */
  private city(cityId: number) {
    const c = this.get<{ slug: string; country: string; region: string | null; region_id: number | null; status: string }>(
      "SELECT c.slug, c.country, c.region_id, t.slug region, c.status FROM cities c LEFT JOIN taxonomy_terms t ON t.id = c.region_id WHERE c.id = ?",
      cityId,
    );
    if (!c || c.status !== "published") return null;
    const names = this.all<{ name: string }>("SELECT DISTINCT name FROM city_translations WHERE city_id = ?", cityId).map((r) => r.name);
    return { slug: c.slug, country: c.country, region: c.region, regionId: c.region_id, names };
  }

  /** Title, summary and plain-text body of each translation of a titled item (question, toolkit, chapter). */
  private titledTexts(table: string, column: string, id: number): Text[] {
    return this.all<{ lang: Language; title: string; summary: string; body_html: string }>(
      `SELECT lang, title, summary, body_html FROM ${table} WHERE ${column} = ?`,
      id,
    ).map((x) => ({ lang: x.lang, title: x.title, summary: x.summary, body: htmlToText(x.body_html) }));
  }

  private base(type: ContentType, id: number, url: string, original: Language, texts: Text[], date: number): SearchDocument {
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

  practice(id: number): SearchDocument | null {
    const p = this.get<{
      slug: string;
      city_id: number;
      original_language: Language;
      start_year: number | null;
      status: string;
      published_at: number | null;
      updated_at: number;
    }>("SELECT slug, city_id, original_language, start_year, status, published_at, updated_at FROM practices WHERE id = ?", id);
    if (!p || p.status !== "published") return null;
    const city = this.city(p.city_id);
    if (!city) return null;
    const texts = this.all<{ lang: Language; title: string; summary: string; body_html: string; outcomes: string; continuity: string | null }>(
      "SELECT lang, title, summary, body_html, outcomes, continuity FROM practice_translations WHERE practice_id = ?",
      id,
    ).map((t) => ({
      lang: t.lang,
      title: t.title,
      summary: t.summary,
      body: [htmlToText(t.body_html), ...(JSON.parse(t.outcomes) as string[]), t.continuity ?? ""].join("\n").trim(),
    }));
    const terms = this.terms("practice_terms", "practice_id", id);
    const doc = this.base("practice", id, `practices/${p.slug}`, p.original_language, texts, Math.floor((p.published_at ?? p.updated_at) / 1000));
    Object.assign(doc, {
      themes: terms.themes,
      questionTypes: terms.questionTypes,
      udhr: terms.udhr,
      sdgs: terms.sdgs,
      city: [city.slug],
      country: [city.country],
      region: city.region ? [city.region] : [],
      year: p.start_year,
      labels: [...city.names, ...this.termLabels(terms.ids)],
    });
    doc.labels = [...new Set(doc.labels)];
    return doc;
  }

  cityDoc(id: number): SearchDocument | null {
    const c = this.get<{ slug: string; original_language: Language; hr_city_since: string; hr_city_since_certainty: string; updated_at: number }>(
      "SELECT slug, original_language, hr_city_since, hr_city_since_certainty, updated_at FROM cities WHERE id = ?",
      id,
    );
    const city = this.city(id);
    if (!c || !city) return null;
    const texts = this.all<{ lang: Language; name: string; summary: string; body_html: string }>(
      "SELECT lang, name, summary, body_html FROM city_translations WHERE city_id = ?",
      id,
    ).map((t) => ({ lang: t.lang, title: t.name, summary: t.summary, body: htmlToText(t.body_html) }));
    // The year facet only holds a year the sources agree on: a disputed or unknown start gives none.
    const since = c.hr_city_since_certainty === "confirmed" ? (JSON.parse(c.hr_city_since) as string[]).map((s) => Number(s.slice(0, 4))) : [];
    const doc = this.base("city", id, `cities/${c.slug}`, c.original_language, texts, Math.floor(c.updated_at / 1000));
    Object.assign(doc, {
      city: [city.slug],
      country: [city.country],
      region: city.region ? [city.region] : [],
      year: since[0] ?? null,
      labels: [...new Set([...city.names, ...this.termLabels(city.regionId ? [city.regionId] : [])])],
    });
    return doc;
  }

  question(id: number): SearchDocument | null {
    const q = this.get<{ slug: string; original_language: Language; status: string; question_type_id: number; type: string; updated_at: number }>(
      "SELECT q.slug, q.original_language, q.status, q.question_type_id, t.slug type, q.updated_at FROM questions q JOIN taxonomy_terms t ON t.id = q.question_type_id WHERE q.id = ?",
      id,
    );
    if (!q || q.status !== "published") return null;
    const texts = this.titledTexts("question_translations", "question_id", id);
    const terms = this.terms("question_terms", "question_id", id);
    const doc = this.base("question", id, `questions/${q.slug}`, q.original_language, texts, Math.floor(q.updated_at / 1000));
    Object.assign(doc, { questionTypes: [q.type], themes: terms.themes, labels: this.termLabels([q.question_type_id, ...terms.ids]) });
    return doc;
  }

  answer(id: number): SearchDocument | null {
    const a = this.get<{ question_id: number; city_id: number; original_language: Language; status: string; updated_at: number }>(
      "SELECT question_id, city_id, original_language, status, updated_at FROM answers WHERE id = ?",
      id,
    );
    if (!a || a.status !== "published") return null;
    const question = this.get<{ slug: string; status: string; original_language: Language; type: string; type_id: number }>(
      "SELECT q.slug, q.status, q.original_language, t.slug type, t.id type_id FROM questions q JOIN taxonomy_terms t ON t.id = q.question_type_id WHERE q.id = ?",
      a.question_id,
    );
    const city = this.city(a.city_id);
    if (!question || question.status !== "published" || !city) return null;
    const questionTitles = new Map(
      this.all<{ lang: Language; title: string }>("SELECT lang, title FROM question_translations WHERE question_id = ?", a.question_id).map((r) => [
        r.lang,
        r.title,
      ]),
    );
    const cityNames = new Map(
      this.all<{ lang: Language; name: string }>("SELECT lang, name FROM city_translations WHERE city_id = ?", a.city_id).map((r) => [r.lang, r.name]),
    );
    const texts = this.all<{ lang: Language; summary: string; body_html: string }>(
      "SELECT lang, summary, body_html FROM answer_translations WHERE answer_id = ?",
      id,
    ).map((t) => ({
      lang: t.lang,
      // "Graz: How do we monitor…?" in the answer's language where the question has it.
      title: `${cityNames.get(t.lang) ?? cityNames.values().next().value}: ${questionTitles.get(t.lang) ?? questionTitles.get(question.original_language) ?? ""}`,
      summary: t.summary,
      body: htmlToText(t.body_html),
    }));
    const citySlug = city.slug;
    const doc = this.base("answer", id, `questions/${question.slug}#answer-${citySlug}`, a.original_language, texts, Math.floor(a.updated_at / 1000));
    Object.assign(doc, {
      questionTypes: [question.type],
      city: [citySlug],
      country: [city.country],
      region: city.region ? [city.region] : [],
      labels: [...new Set([...city.names, ...this.termLabels([question.type_id])])],
    });
    return doc;
  }

  toolkit(id: number): SearchDocument | null {
    const t = this.get<{ slug: string; original_language: Language; status: string; updated_at: number }>(
      "SELECT slug, original_language, status, updated_at FROM toolkits WHERE id = ?",
      id,
    );
    if (!t || t.status !== "published") return null;
    const texts = this.titledTexts("toolkit_translations", "toolkit_id", id);
    const terms = this.terms("toolkit_terms", "toolkit_id", id);
    const doc = this.base("toolkit", id, `toolkits/${t.slug}`, t.original_language, texts, Math.floor(t.updated_at / 1000));
    Object.assign(doc, { themes: terms.themes, questionTypes: terms.questionTypes, labels: this.termLabels(terms.ids) });
    return doc;
  }

  chapter(id: number): SearchDocument | null {
    const ch = this.get<{ slug: string; toolkit_id: number }>("SELECT slug, toolkit_id FROM toolkit_chapters WHERE id = ?", id);
    if (!ch) return null;
    const t = this.get<{ slug: string; original_language: Language; status: string; updated_at: number }>(
      "SELECT slug, original_language, status, updated_at FROM toolkits WHERE id = ?",
      ch.toolkit_id,
    );
    if (!t || t.status !== "published") return null;
    const toolkitTitles = new Map(
      this.all<{ lang: Language; title: string }>("SELECT lang, title FROM toolkit_translations WHERE toolkit_id = ?", ch.toolkit_id).map((r) => [
        r.lang,
        r.title,
      ]),
    );
    const texts = this.titledTexts("chapter_translations", "chapter_id", id);
    const terms = this.terms("toolkit_terms", "toolkit_id", ch.toolkit_id);
    const cities = this.all<{ slug: string; country: string; status: string }>(
      "SELECT c.slug, c.country, c.status FROM chapter_cities x JOIN cities c ON c.id = x.city_id WHERE x.chapter_id = ? ORDER BY x.position",
      id,
    ).filter((c) => c.status === "published");
    const doc = this.base("chapter", id, `toolkits/${t.slug}/${ch.slug}`, t.original_language, texts, Math.floor(t.updated_at / 1000));
    Object.assign(doc, {
      themes: terms.themes,
      questionTypes: terms.questionTypes,
      city: cities.map((c) => c.slug),
      country: [...new Set(cities.map((c) => c.country))],
      labels: [...toolkitTitles.values(), ...this.termLabels(terms.ids)],
    });
    return doc;
  }
}

/** The current search document of an entity, or null when it must not be searchable (unpublished or gone). */
export function buildDocument(db: DB, key: string): SearchDocument | null {
  const parsed = parseEntityKey(key);
  if (!parsed) return null;
  const r = new DocumentReader(db);
  switch (parsed.type) {
    case "practice":
      return r.practice(parsed.id);
    case "city":
      return r.cityDoc(parsed.id);
    case "question":
      return r.question(parsed.id);
    case "answer":
      return r.answer(parsed.id);
    case "toolkit":
      return r.toolkit(parsed.id);
    case "chapter":
      return r.chapter(parsed.id);
  }
}

/** Every entity that exists in the database (published or not): the candidates for the index. */
export function allEntityKeys(db: DB): string[] {
  const ids = (table: string) => (db.$client.prepare(`SELECT id FROM ${table}`).all() as { id: number }[]).map((r) => r.id);
  return [
    ...ids("cities").map((id) => entityKey("city", id)),
    ...ids("practices").map((id) => entityKey("practice", id)),
    ...ids("questions").map((id) => entityKey("question", id)),
    ...ids("answers").map((id) => entityKey("answer", id)),
    ...ids("toolkits").map((id) => entityKey("toolkit", id)),
    ...ids("toolkit_chapters").map((id) => entityKey("chapter", id)),
  ];
}

/** Entities whose documents embed something of this entity (names, titles, labels) and must follow it. */
export function dependentKeys(db: DB, key: string): string[] {
  const parsed = parseEntityKey(key);
  if (!parsed) return [];
  const ids = (sql: string) => (db.$client.prepare(sql).all(parsed.id) as { id: number }[]).map((r) => r.id);
  switch (parsed.type) {
    case "city":
      return [
        ...ids("SELECT id FROM practices WHERE city_id = ?").map((id) => entityKey("practice", id)),
        ...ids("SELECT id FROM answers WHERE city_id = ?").map((id) => entityKey("answer", id)),
        ...ids("SELECT chapter_id id FROM chapter_cities WHERE city_id = ?").map((id) => entityKey("chapter", id)),
      ];
    case "question":
      return ids("SELECT id FROM answers WHERE question_id = ?").map((id) => entityKey("answer", id));
    case "toolkit":
      return ids("SELECT id FROM toolkit_chapters WHERE toolkit_id = ?").map((id) => entityKey("chapter", id));
    default:
      return [];
  }
}
