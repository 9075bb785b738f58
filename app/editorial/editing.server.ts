import { and, asc, eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import type { Language } from "#app/i18n/languages.ts";
import { groupBy, pickTranslation } from "#app/models/localize.server.ts";
import { organisationOptions } from "#app/models/organisations.server.ts";
import { listAllTerms } from "#app/models/taxonomy.server.ts";
import { hrCityFromForm, withSpareRows, type HrCityFormFields } from "./forms.ts";
import type {
  AnswerSnapshot,
  CitySnapshot,
  OrganisationSnapshot,
  PracticeSnapshot,
  PracticeText,
  Snapshot,
  SourceRow,
} from "#app/content-types/snapshot-types.ts";

/**
 * Form values ↔ snapshots. Forms edit one language at a time: the original (with the structure of
 * the item) or one translation; the other languages in the snapshot are carried over untouched.
 */
export function vocabularies(lang: Language) {
  const terms = listAllTerms(lang);
  const of = (v: s.Vocabulary) => terms.filter((t) => t.vocabulary === v).map((t) => ({ slug: t.slug, label: t.label }));
  return {
    themes: of("theme"),
    questionTypes: of("question_type"),
    udhrArticles: of("udhr_article"),
    sdgs: of("sdg"),
    organisations: organisationOptions(lang),
  };
}
export type Vocabularies = ReturnType<typeof vocabularies>;

type PracticeTextForm = { title: string; summary: string; body: string; outcomes?: string[]; continuity?: string };
export type PracticeForm = PracticeTextForm & {
  startYear?: number;
  endYear?: number;
  ongoing: "unknown" | "yes" | "no";
  themes: string[];
  questionTypes: string[];
  udhrArticles: string[];
  sdgs: string[];
  coCities: Record<string, string | undefined>;
  partners: {
    name: string;
    role: PracticeSnapshot["partners"][number]["role"];
    formality?: NonNullable<PracticeSnapshot["partners"][number]["formality"]>;
    /** The id of the partner's organisation page, as the select sends it. */
    organisation?: string;
  }[];
  sources: SourceRow[];
};

export const practiceText = (f: PracticeTextForm): PracticeText => ({
  title: f.title,
  summary: f.summary,
  bodyMd: f.body,
  outcomes: f.outcomes ?? [],
  continuity: f.continuity ?? null,
});

export function practiceFromForm(f: PracticeForm, base: Pick<PracticeSnapshot, "slug" | "cityId" | "originalLanguage" | "translations">): PracticeSnapshot {
  return {
    slug: base.slug,
    cityId: base.cityId,
    originalLanguage: base.originalLanguage,
    startYear: f.startYear ?? null,
    endYear: f.endYear ?? null,
    ongoing: f.ongoing === "unknown" ? null : f.ongoing === "yes",
    coCities: Object.fromEntries(Object.entries(f.coCities).filter(([, v]) => v)) as PracticeSnapshot["coCities"],
    themes: f.themes,
    questionTypes: f.questionTypes,
    udhrArticles: f.udhrArticles,
    sdgs: f.sdgs,
    partners: f.partners.map((p) => ({
      name: p.name,
      role: p.role,
      formality: p.formality ?? null,
      organisationId: p.organisation ? Number(p.organisation) : null,
    })),
    sources: f.sources.map((x) => ({ title: x.title, url: x.url })),
    translations: { ...base.translations, [base.originalLanguage]: practiceText(f) },
  };
}

/** Default values for the practice form, in Conform's shape (strings; lists as arrays). */
export function practiceToForm(p: PracticeSnapshot, lang: Language = p.originalLanguage) {
  const t = p.translations[lang];
  return {
    title: t?.title ?? "",
    summary: t?.summary ?? "",
    body: t?.bodyMd ?? "",
    outcomes: (t?.outcomes ?? []).join("\n"),
    continuity: t?.continuity ?? "",
    startYear: p.startYear?.toString() ?? "",
    endYear: p.endYear?.toString() ?? "",
    ongoing: p.ongoing === null ? "unknown" : p.ongoing ? "yes" : "no",
    themes: p.themes,
    questionTypes: p.questionTypes,
    udhrArticles: p.udhrArticles,
    sdgs: p.sdgs,
    coCities: p.coCities as Record<string, string>,
    partners: p.partners.map((x) => ({
      name: x.name,
      role: x.role,
      formality: x.formality ?? "",
      organisation: x.organisationId ? String(x.organisationId) : "",
    })),
    sources: p.sources,
  };
}

export function answerFromForm(
  f: { summary: string; body: string; sources: SourceRow[] },
  base: Pick<AnswerSnapshot, "questionId" | "cityId" | "originalLanguage" | "translations">,
): AnswerSnapshot {
  return {
    questionId: base.questionId,
    cityId: base.cityId,
    originalLanguage: base.originalLanguage,
    sources: f.sources.map((x) => ({ title: x.title, url: x.url })),
    translations: { ...base.translations, [base.originalLanguage]: { summary: f.summary, bodyMd: f.body } },
  };
}

export function answerToForm(a: AnswerSnapshot, lang: Language = a.originalLanguage) {
  const t = a.translations[lang];
  return { summary: t?.summary ?? "", body: t?.bodyMd ?? "", sources: a.sources };
}

export type CityForm = HrCityFormFields & {
  name: string;
  summary: string;
  body: string;
  website?: string;
  population?: number;
  populationYear?: number;
  populationSource?: string;
  hrCityStatus: CitySnapshot["hrCityStatus"];
  facts: { kind: CitySnapshot["facts"][number]["kind"]; name: string; since?: string; url?: string }[];
  sources: SourceRow[];
};

export function cityFromForm(f: CityForm, base: CitySnapshot): CitySnapshot {
  const hr = hrCityFromForm(f);
  return {
    ...base,
    population: f.population ?? null,
    populationYear: f.populationYear ?? null,
    populationSource: f.populationSource ?? null,
    hrCityStatus: f.hrCityStatus,
    hrCitySinceCertainty: hr.since.certainty,
    hrCitySinceClaims: hr.since.claims,
    hrCityBasisCertainty: hr.basis.certainty,
    hrCityBasisClaims: hr.basis.claims,
    website: f.website ?? null,
    facts: f.facts.map((x) => ({ kind: x.kind, name: x.name, since: x.since ?? null, url: x.url ?? null })),
    sources: f.sources.map((x) => ({ title: x.title, url: x.url })),
    translations: { ...base.translations, [base.originalLanguage]: { name: f.name, summary: f.summary, bodyMd: f.body } },
  };
}

/** Claims as form rows: one row per source, or one row without a source for a value that has none. */
function claimRows<K extends "date" | "basis">(key: K, claims: ({ [P in K]: string } & { sources: SourceRow[] })[]) {
  return claims.flatMap((c) =>
    c.sources.length ? c.sources.map((s) => ({ [key]: c[key], title: s.title, url: s.url })) : [{ [key]: c[key], title: "", url: "" }],
  ) as ({ [P in K]: string } & SourceRow)[];
}

export function cityToForm(c: CitySnapshot, lang: Language = c.originalLanguage) {
  const t = c.translations[lang];
  const confirmedBasis = c.hrCityBasisCertainty === "confirmed" ? c.hrCityBasisClaims[0] : undefined;
  return {
    name: t?.name ?? "",
    summary: t?.summary ?? "",
    body: t?.bodyMd ?? "",
    website: c.website ?? "",
    population: c.population?.toString() ?? "",
    populationYear: c.populationYear?.toString() ?? "",
    populationSource: c.populationSource ?? "",
    hrCityStatus: c.hrCityStatus,
    hrCitySinceCertainty: c.hrCitySinceCertainty,
    hrCitySinceClaims: claimRows("date", c.hrCitySinceClaims),
    hrCityBasisCertainty: c.hrCityBasisCertainty,
    // Confirmed: the basis in its own field and its sources as rows; disputed: every candidate as rows.
    hrCityBasis: confirmedBasis?.basis ?? "",
    hrCityBasisClaims: confirmedBasis
      ? confirmedBasis.sources.map((s) => ({ basis: confirmedBasis.basis, title: s.title, url: s.url }))
      : c.hrCityBasisCertainty === "disputed"
        ? claimRows("basis", c.hrCityBasisClaims)
        : [],
    facts: c.facts.map((f) => ({ kind: f.kind, name: f.name, since: f.since ?? "", url: f.url ?? "" })),
    sources: c.sources,
  };
}

const BLANK = {
  partner: { name: "", role: "", formality: "", organisation: "" },
  source: { title: "", url: "" },
  fact: { kind: "", name: "", since: "", url: "" },
  sinceClaim: { date: "", title: "", url: "" },
  basisClaim: { basis: "", title: "", url: "" },
};

export type OrganisationForm = {
  name: string;
  body: string;
  kind: OrganisationSnapshot["kind"];
  themes: string[];
  website?: string;
  coalitionRole?: NonNullable<OrganisationSnapshot["coalitionRole"]>;
  coalitionSince?: number;
  sources: SourceRow[];
};

export function organisationFromForm(
  f: OrganisationForm,
  base: Pick<OrganisationSnapshot, "slug" | "cityId" | "originalLanguage" | "translations">,
): OrganisationSnapshot {
  return {
    slug: base.slug,
    cityId: base.cityId,
    originalLanguage: base.originalLanguage,
    kind: f.kind,
    themes: f.themes,
    website: f.website ?? null,
    coalitionRole: f.coalitionRole ?? null,
    coalitionSince: f.coalitionRole ? (f.coalitionSince ?? null) : null,
    sources: f.sources.map((x) => ({ title: x.title, url: x.url })),
    translations: { ...base.translations, [base.originalLanguage]: { name: f.name, bodyMd: f.body } },
  };
}

export function organisationToForm(o: OrganisationSnapshot, lang: Language = o.originalLanguage) {
  const t = o.translations[lang];
  return {
    name: t?.name ?? "",
    body: t?.bodyMd ?? "",
    kind: o.kind,
    themes: o.themes,
    website: o.website ?? "",
    coalitionRole: o.coalitionRole ?? "",
    coalitionSince: o.coalitionSince?.toString() ?? "",
    sources: o.sources,
  };
}

/** The edit form's starting values: the item in its original language, plus empty rows to add to. */
export function editFormDefaults(type: s.EditableType, snap: Snapshot) {
  if (type === "practice") {
    const f = practiceToForm(snap as PracticeSnapshot);
    return { ...f, partners: withSpareRows(f.partners, BLANK.partner), sources: withSpareRows(f.sources, BLANK.source) };
  }
  if (type === "answer" || type === "organisation") {
    const f = type === "answer" ? answerToForm(snap as AnswerSnapshot) : organisationToForm(snap as OrganisationSnapshot);
    return { ...f, sources: withSpareRows(f.sources, BLANK.source) };
  }
  const f = cityToForm(snap as CitySnapshot);
  return {
    ...f,
    hrCitySinceClaims: withSpareRows<{ date: string; title: string; url: string }>(f.hrCitySinceClaims, BLANK.sinceClaim),
    hrCityBasisClaims: withSpareRows<{ basis: string; title: string; url: string }>(f.hrCityBasisClaims, BLANK.basisClaim),
    facts: withSpareRows(f.facts, BLANK.fact),
    sources: withSpareRows(f.sources, BLANK.source),
  };
}

/** The cities an actor may create items for: their own, or all for curators and admins. */
export function creatableCities(db: DB, actor: { role: s.Role; cityIds: number[] }, lang: Language) {
  const rows = db
    .select({ id: s.cities.id, slug: s.cities.slug, originalLanguage: s.cities.originalLanguage })
    .from(s.cities)
    .orderBy(asc(s.cities.slug))
    .all()
    .filter((c) => actor.role !== "contributor" || actor.cityIds.includes(c.id));
  const names = groupBy(db.select().from(s.cityTranslations).all(), (n) => n.cityId);
  return rows.map((c) => ({ ...c, name: pickTranslation(names.get(c.id) ?? [], lang, c.originalLanguage)?.text.name ?? c.slug }));
}

export function questionOptions(db: DB, lang: Language) {
  const qs = db
    .select({ id: s.questions.id, slug: s.questions.slug, originalLanguage: s.questions.originalLanguage })
    .from(s.questions)
    .where(eq(s.questions.status, "published"))
    .all();
  const ts = groupBy(db.select().from(s.questionTranslations).all(), (t) => t.questionId);
  return qs.map((q) => ({ ...q, title: pickTranslation(ts.get(q.id) ?? [], lang, q.originalLanguage)?.text.title ?? q.slug }));
}

export function answerExists(db: DB, questionId: number, cityId: number): number | null {
  return (
    db
      .select({ id: s.answers.id })
      .from(s.answers)
      .where(and(eq(s.answers.questionId, questionId), eq(s.answers.cityId, cityId)))
      .get()?.id ?? null
  );
}

/** A human name for an item in the editor: its title, or for answers the question and the city. */
export function itemLabel(db: DB, type: s.EditableType, snap: Snapshot | null, lang: Language): string {
  if (!snap) return "";
  const pickText = <T>(tr: Partial<Record<Language, T>>, original: Language) => tr[lang] ?? tr[original];
  if (type === "practice") {
    const p = snap as PracticeSnapshot;
    return pickText(p.translations, p.originalLanguage)?.title ?? p.slug;
  }
  if (type === "city") {
    const c = snap as CitySnapshot;
    return pickText(c.translations, c.originalLanguage)?.name ?? "";
  }
  if (type === "organisation") {
    const o = snap as OrganisationSnapshot;
    return pickText(o.translations, o.originalLanguage)?.name ?? o.slug;
  }
  const a = snap as AnswerSnapshot;
  const q = questionOptions(db, lang).find((x) => x.id === a.questionId);
  const city = creatableCities(db, { role: "admin", cityIds: [] }, lang).find((c) => c.id === a.cityId);
  return `${city?.name ?? ""}: ${q?.title ?? ""}`;
}

/** Where the public sees a published item. */
export function publicPath(db: DB, lang: Language, type: s.EditableType, id: number): string | null {
  if (type === "practice") {
    const slug = db.select({ slug: s.practices.slug }).from(s.practices).where(eq(s.practices.id, id)).get()?.slug;
    return slug ? `/${lang}/practices/${slug}` : null;
  }
  if (type === "city") {
    const slug = db.select({ slug: s.cities.slug }).from(s.cities).where(eq(s.cities.id, id)).get()?.slug;
    return slug ? `/${lang}/cities/${slug}` : null;
  }
  if (type === "organisation") {
    const slug = db.select({ slug: s.organisations.slug }).from(s.organisations).where(eq(s.organisations.id, id)).get()?.slug;
    return slug ? `/${lang}/organisations/${slug}` : null;
  }
  const q = db
    .select({ slug: s.questions.slug })
    .from(s.answers)
    .innerJoin(s.questions, eq(s.questions.id, s.answers.questionId))
    .where(eq(s.answers.id, id))
    .get();
  return q ? `/${lang}/questions/${q.slug}` : null;
}
