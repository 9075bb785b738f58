import { and, asc, eq, inArray } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import type { EditableType, Language } from "#db/schema/index.ts";
import { hrCityColumns, impliedCertainty, readHrCity, type BasisClaim } from "#app/domain/hr-city.ts";
import { replaceSources } from "#app/models/sources.server.ts";
import { bodyHtml, type RenderedBodies } from "./rendered-bodies.server.ts";
import type { AnswerSnapshot, CitySnapshot, PracticeSnapshot, Snapshot, SourceRow } from "./snapshot-types.ts";

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

const TERM_FIELDS = { themes: "theme", questionTypes: "question_type", udhrArticles: "udhr_article", sdgs: "sdg" } as const;

function sourcesOf(db: Tx, owner: "practiceId" | "answerId" | "cityId", id: number): SourceRow[] {
  return db.select({ title: s.sources.title, url: s.sources.url }).from(s.sources).where(eq(s.sources[owner], id)).orderBy(asc(s.sources.position)).all();
}

/** Translations keyed by language, in a stable order so snapshots compare cleanly. */
function byLang<T extends { lang: Language }, U>(rows: T[], pick: (r: T) => U): Partial<Record<Language, U>> {
  return Object.fromEntries(s.LANGUAGES.flatMap((l) => rows.filter((r) => r.lang === l).map((r) => [l, pick(r)])));
}

export function readPractice(db: Tx, id: number): PracticeSnapshot | null {
  const p = db.select().from(s.practices).where(eq(s.practices.id, id)).get();
  if (!p) return null;
  const terms = db
    .select({ vocabulary: s.taxonomyTerms.vocabulary, slug: s.taxonomyTerms.slug })
    .from(s.practiceTerms)
    .innerJoin(s.taxonomyTerms, eq(s.taxonomyTerms.id, s.practiceTerms.termId))
    .where(eq(s.practiceTerms.practiceId, id))
    .orderBy(asc(s.taxonomyTerms.position))
    .all();
  const termList = (v: string) => terms.filter((t) => t.vocabulary === v).map((t) => t.slug);
  return {
    slug: p.slug,
    cityId: p.cityId,
    originalLanguage: p.originalLanguage,
    startYear: p.startYear,
    endYear: p.endYear,
    ongoing: p.ongoing,
    coCities: p.coCities,
    themes: termList("theme"),
    questionTypes: termList("question_type"),
    udhrArticles: termList("udhr_article"),
    sdgs: termList("sdg"),
    partners: db
      .select({ name: s.practicePartners.name, role: s.practicePartners.role, formality: s.practicePartners.formality })
      .from(s.practicePartners)
      .where(eq(s.practicePartners.practiceId, id))
      .orderBy(asc(s.practicePartners.position))
      .all(),
    sources: sourcesOf(db, "practiceId", id),
    translations: byLang(db.select().from(s.practiceTranslations).where(eq(s.practiceTranslations.practiceId, id)).all(), (t) => ({
      title: t.title,
      summary: t.summary,
      bodyMd: t.bodyMd,
      outcomes: t.outcomes,
      continuity: t.continuity,
    })),
  };
}

export function readAnswer(db: Tx, id: number): AnswerSnapshot | null {
  const a = db.select().from(s.answers).where(eq(s.answers.id, id)).get();
  if (!a) return null;
  return {
    questionId: a.questionId,
    cityId: a.cityId,
    originalLanguage: a.originalLanguage,
    sources: sourcesOf(db, "answerId", id),
    translations: byLang(db.select().from(s.answerTranslations).where(eq(s.answerTranslations.answerId, id)).all(), (t) => ({
      summary: t.summary,
      bodyMd: t.bodyMd,
    })),
  };
}

/** The city columns a snapshot carries, read from a row or written back to it. */
const CITY_COLUMNS = ["originalLanguage", "country", "population", "populationYear", "populationSource", "hrCityStatus", "website"] as const;
function pickCityColumns<T extends Pick<CitySnapshot, (typeof CITY_COLUMNS)[number]>>(from: T): Pick<CitySnapshot, (typeof CITY_COLUMNS)[number]> {
  return Object.fromEntries(CITY_COLUMNS.map((k) => [k, from[k]])) as Pick<CitySnapshot, (typeof CITY_COLUMNS)[number]>;
}

export function readCity(db: Tx, id: number): CitySnapshot | null {
  const c = db.select().from(s.cities).where(eq(s.cities.id, id)).get();
  if (!c) return null;
  const hr = readHrCity(c);
  return {
    ...pickCityColumns(c),
    hrCitySinceCertainty: hr.sinceCertainty,
    hrCitySinceClaims: hr.sinceClaims,
    hrCityBasisCertainty: hr.basisCertainty,
    hrCityBasisClaims: hr.basisClaims,
    facts: db
      .select({ kind: s.cityFacts.kind, name: s.cityFacts.name, since: s.cityFacts.since, url: s.cityFacts.url })
      .from(s.cityFacts)
      .where(eq(s.cityFacts.cityId, id))
      .orderBy(asc(s.cityFacts.kind), asc(s.cityFacts.position))
      .all(),
    sources: sourcesOf(db, "cityId", id),
    translations: byLang(db.select().from(s.cityTranslations).where(eq(s.cityTranslations.cityId, id)).all(), (t) => ({
      name: t.name,
      summary: t.summary,
      bodyMd: t.bodyMd,
    })),
  };
}

/** A city snapshot from a revision saved before certainties and claims existed (plain `hrCitySince` and `hrCityBasis`). */
type LegacyCity = Omit<CitySnapshot, "hrCitySinceCertainty" | "hrCitySinceClaims" | "hrCityBasisCertainty" | "hrCityBasisClaims"> & {
  hrCitySince?: string[];
  hrCityBasis?: BasisClaim["basis"];
};

/** A snapshot as stored in a revision, brought to the current shape (older city snapshots get their claims from the plain values). */
export function currentSnapshot(type: EditableType, snap: Snapshot): Snapshot {
  if (type !== "city" || "hrCitySinceClaims" in snap) return snap;
  const { hrCitySince = [], hrCityBasis, ...rest } = snap as unknown as LegacyCity;
  return {
    ...rest,
    hrCitySinceCertainty: impliedCertainty(hrCitySince),
    hrCitySinceClaims: hrCitySince.map((date) => ({ date, sources: [] })),
    hrCityBasisCertainty: hrCityBasis ? "confirmed" : "unknown",
    hrCityBasisClaims: hrCityBasis ? [{ basis: hrCityBasis, sources: [] }] : [],
  };
}

export function readSnapshot(db: Tx, type: EditableType, id: number): Snapshot | null {
  return type === "practice" ? readPractice(db, id) : type === "answer" ? readAnswer(db, id) : readCity(db, id);
}

const TRANSLATION_OF = {
  practice: [s.practiceTranslations, s.practiceTranslations.practiceId],
  answer: [s.answerTranslations, s.answerTranslations.answerId],
  city: [s.cityTranslations, s.cityTranslations.cityId],
} as const;

/** The body as the public tables hold it, with its rendered HTML (null when there is no such translation). */
export function storedBody(db: Tx, type: EditableType, id: number, lang: Language): { bodyMd: string; bodyHtml: string } | null {
  const [table, idColumn] = TRANSLATION_OF[type];
  return (
    db
      .select({ bodyMd: table.bodyMd, bodyHtml: table.bodyHtml })
      .from(table)
      .where(and(eq(idColumn, id), eq(table.lang, lang)))
      .get() ?? null
  );
}

/** Fields every app write sets: the import leaves app-edited rows alone from now on. */
const appOwned = () => ({ origin: "app" as const, contentHash: null, updatedAt: new Date() });

function applyPractice(db: Tx, id: number, p: PracticeSnapshot, html: RenderedBodies) {
  db.update(s.practices)
    .set({ originalLanguage: p.originalLanguage, startYear: p.startYear, endYear: p.endYear, ongoing: p.ongoing, coCities: p.coCities, ...appOwned() })
    .where(eq(s.practices.id, id))
    .run();
  db.delete(s.practiceTranslations).where(eq(s.practiceTranslations.practiceId, id)).run();
  for (const [lang, t] of Object.entries(p.translations) as [Language, NonNullable<PracticeSnapshot["translations"][Language]>][]) {
    db.insert(s.practiceTranslations)
      .values({
        practiceId: id,
        lang,
        title: t.title,
        summary: t.summary,
        bodyMd: t.bodyMd,
        bodyHtml: bodyHtml(html, t.bodyMd),
        outcomes: t.outcomes,
        continuity: t.continuity,
      })
      .run();
  }
  db.delete(s.practiceTerms).where(eq(s.practiceTerms.practiceId, id)).run();
  for (const [field, vocabulary] of Object.entries(TERM_FIELDS) as [keyof typeof TERM_FIELDS, s.Vocabulary][]) {
    if (!p[field].length) continue;
    const ids = db
      .select({ id: s.taxonomyTerms.id })
      .from(s.taxonomyTerms)
      .where(and(eq(s.taxonomyTerms.vocabulary, vocabulary), inArray(s.taxonomyTerms.slug, p[field])))
      .all();
    for (const t of ids) db.insert(s.practiceTerms).values({ practiceId: id, termId: t.id }).run();
  }
  db.delete(s.practicePartners).where(eq(s.practicePartners.practiceId, id)).run();
  p.partners.forEach((pt, position) =>
    db.insert(s.practicePartners).values({ practiceId: id, name: pt.name, role: pt.role, formality: pt.formality, position }).run(),
  );
  replaceSources(db, "practiceId", id, p.sources);
}

function applyAnswer(db: Tx, id: number, a: AnswerSnapshot, html: RenderedBodies) {
  db.update(s.answers)
    .set({ originalLanguage: a.originalLanguage, ...appOwned() })
    .where(eq(s.answers.id, id))
    .run();
  db.delete(s.answerTranslations).where(eq(s.answerTranslations.answerId, id)).run();
  for (const [lang, t] of Object.entries(a.translations) as [Language, NonNullable<AnswerSnapshot["translations"][Language]>][]) {
    db.insert(s.answerTranslations)
      .values({ answerId: id, lang, summary: t.summary, bodyMd: t.bodyMd, bodyHtml: bodyHtml(html, t.bodyMd) })
      .run();
  }
  replaceSources(db, "answerId", id, a.sources);
}

function applyCity(db: Tx, id: number, c: CitySnapshot, html: RenderedBodies) {
  db.update(s.cities)
    .set({
      ...pickCityColumns(c),
      ...hrCityColumns({
        since: { certainty: c.hrCitySinceCertainty, claims: c.hrCitySinceClaims },
        basis: { certainty: c.hrCityBasisCertainty, claims: c.hrCityBasisClaims },
      }),
      ...appOwned(),
    })
    .where(eq(s.cities.id, id))
    .run();
  db.delete(s.cityTranslations).where(eq(s.cityTranslations.cityId, id)).run();
  for (const [lang, t] of Object.entries(c.translations) as [Language, NonNullable<CitySnapshot["translations"][Language]>][]) {
    db.insert(s.cityTranslations)
      .values({ cityId: id, lang, name: t.name, summary: t.summary, bodyMd: t.bodyMd, bodyHtml: bodyHtml(html, t.bodyMd) })
      .run();
  }
  db.delete(s.cityFacts).where(eq(s.cityFacts.cityId, id)).run();
  c.facts.forEach((f, position) => db.insert(s.cityFacts).values({ cityId: id, kind: f.kind, name: f.name, since: f.since, url: f.url, position }).run());
  replaceSources(db, "cityId", id, c.sources);
}

/** Writes a snapshot into the public tables (which only show it once the item is published). */
export function applySnapshot(db: Tx, type: EditableType, id: number, snap: Snapshot, html: RenderedBodies): void {
  snap = currentSnapshot(type, snap);
  if (type === "practice") applyPractice(db, id, snap as PracticeSnapshot, html);
  else if (type === "answer") applyAnswer(db, id, snap as AnswerSnapshot, html);
  else applyCity(db, id, snap as CitySnapshot, html);
}

/** Creates a draft practice or answer owned by the app, then writes the snapshot into it. */
export function insertDraft(db: Tx, type: "practice" | "answer", snap: PracticeSnapshot | AnswerSnapshot, html: RenderedBodies): number {
  if (type === "practice") {
    const p = snap as PracticeSnapshot;
    const { id } = db
      .insert(s.practices)
      .values({ slug: p.slug, cityId: p.cityId, originalLanguage: p.originalLanguage, status: "draft", origin: "app" })
      .returning({ id: s.practices.id })
      .get();
    applyPractice(db, id, p, html);
    return id;
  }
  const a = snap as AnswerSnapshot;
  const { id } = db
    .insert(s.answers)
    .values({ questionId: a.questionId, cityId: a.cityId, originalLanguage: a.originalLanguage, status: "draft", origin: "app" })
    .returning({ id: s.answers.id })
    .get();
  applyAnswer(db, id, a, html);
  return id;
}
