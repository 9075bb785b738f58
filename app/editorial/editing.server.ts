import { and, asc, eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import type { Language } from "#app/i18n/languages.ts";
import { groupBy, pickTranslation } from "#app/models/localize.server.ts";
import { organisationOptions } from "#app/models/organisations.server.ts";
import { listAllTerms } from "#app/models/taxonomy.server.ts";
import { answerToForm } from "#app/content-types/answer.ts";
import { cityToForm } from "#app/content-types/city.ts";
import { withSpareRows } from "#app/content-types/fields.ts";
import { organisationToForm } from "#app/content-types/organisation.ts";
import { practiceToForm } from "#app/content-types/practice.ts";
import type { AnswerSnapshot, CitySnapshot, OrganisationSnapshot, PracticeSnapshot, Snapshot } from "#app/content-types/snapshot-types.ts";

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

const BLANK = {
  partner: { name: "", role: "", formality: "", organisation: "" },
  source: { title: "", url: "" },
  fact: { kind: "", name: "", since: "", url: "" },
  sinceClaim: { date: "", title: "", url: "" },
  basisClaim: { basis: "", title: "", url: "" },
};

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
