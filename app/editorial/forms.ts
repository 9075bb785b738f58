import { z } from "zod";
import { CITY_FACT_KINDS, COALITION_ROLES, ORGANISATION_KINDS, PARTNER_FORMALITIES, PARTNER_ROLES } from "#app/domain/enums.ts";
import {
  CERTAINTIES,
  claimsProblem,
  HR_CITY_BASES,
  HR_CITY_STATUSES,
  impliedCertainty,
  mergeClaims,
  type BasisClaim,
  type Certainty,
  type HrCityBasis,
} from "#app/domain/hr-city.ts";
import { CO_CITIES_DIMENSIONS, CO_CITIES_LEVELS } from "#app/domain/co-cities.ts";
import { LANGUAGES } from "#app/i18n/languages.ts";
import { markdownComplexity } from "#app/utils/markdown-limits.ts";
import { BAD_CHARS, line as lineOf, pick, str } from "#app/utils/form-schema.ts";

/**
 * One Zod schema per form, used by Conform in the browser and again in the action. Messages are
 * codes (`too_long:200`) that the form translates into the reader's language next to the field.
 * Only the fields named here are read: status, city of an existing item, author and the like
 * cannot be set by adding form fields.
 */
/**
 * The limits of every text field, for forms and content files alike (app/content/schemas.server.ts
 * builds on the same validators): one rule, one message, wherever a text comes from.
 */
export const LIMITS = {
  title: 200,
  summary: 1000,
  body: 100_000,
  /** One outcome of a practice. */
  line: 600,
  lines: 20,
  continuity: 2000,
  rows: 30,
  name: 200,
  /** A source's title, a city fact's name: often a full citation. */
  longName: 300,
  url: 2000,
  comment: 2000,
  email: 254,
} as const;

export const line = (max: number = LIMITS.title) => lineOf(max);

export const multiline = (max: number) =>
  str()
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(
      str()
        .min(1, "required")
        .max(max, `too_long:${max}`)
        .refine((v) => !BAD_CHARS.test(v), "bad_chars"),
    );

/** A Markdown body: long text, minus the shapes that are too expensive to render. */
export const markdown = () =>
  multiline(LIMITS.body).superRefine((v, ctx) => {
    const rule = markdownComplexity(v);
    if (rule) ctx.addIssue({ code: "custom", message: `markdown_complex:${rule}` });
  });

export const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional();

const httpUrl = () =>
  line(LIMITS.url).refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && Boolean(u.hostname);
    } catch {
      return false;
    }
  }, "url");

const year = () => z.coerce.number({ invalid_type_error: "year" }).int("year").min(1900, "year").max(2100, "year");

/** Lines of a textarea as a list (outcomes). */
const lines = () =>
  multiline(LIMITS.lines * (LIMITS.line + 1))
    .transform((v) =>
      v
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(LIMITS.line, `too_long:${LIMITS.line}`)).max(LIMITS.lines, `too_many:${LIMITS.lines}`));

/** How many empty rows a repeated group offers, so people can add entries without JavaScript. */
export const SPARE_ROWS = 2;
export const withSpareRows = <T>(rows: T[] | undefined, blank: T): T[] => [...(rows ?? []), ...Array.from({ length: SPARE_ROWS }, () => blank)];

/**
 * Repeated rows (partners, sources, facts): the form always offers a few empty rows so it works
 * without JavaScript; empty rows are dropped, half-filled ones are errors on the missing field.
 */
function rows<T extends z.ZodRawShape>(shape: T, required: (keyof T & string)[], together: (keyof T & string)[] = []) {
  const loose = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, (v as z.ZodTypeAny).optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };
  return z
    .array(
      z.object(loose).superRefine((row, ctx) => {
        const filled = Object.values(row).some((v) => v !== undefined && v !== "");
        if (!filled) return;
        for (const key of required) if (row[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: "required" });
        // Fields that only mean something together (a source's title and address): one without the other is half a source.
        if (together.some((key) => row[key] !== undefined)) {
          for (const key of together) if (row[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: "required" });
        }
      }),
    )
    .max(LIMITS.rows + 5, `too_many:${LIMITS.rows}`)
    .default([])
    .transform((list) => list.filter((row) => Object.values(row).some((v) => v !== undefined && v !== "")) as z.infer<z.ZodObject<T>>[])
    .pipe(z.array(z.any()).max(LIMITS.rows, `too_many:${LIMITS.rows}`));
}

const sources = () => rows({ title: line(LIMITS.longName), url: httpUrl() }, ["title", "url"]);

const pickMany = (values: readonly string[]) =>
  z
    .array(z.string({ invalid_type_error: "invalid" }))
    .max(200, "invalid")
    .default([])
    .refine((list) => list.every((v) => values.includes(v)), "unknown_value")
    .transform((list) => [...new Set(list)]);

export type Vocab = { themes: string[]; questionTypes: string[]; udhrArticles: string[]; sdgs: string[]; organisations: string[] };

/** The slugs of the vocabularies a practice form offers (server and browser build the same schema from them). */
export const vocabSlugs = (v: Record<keyof Vocab, { slug: string }[]>): Vocab => ({
  themes: v.themes.map((t) => t.slug),
  questionTypes: v.questionTypes.map((t) => t.slug),
  udhrArticles: v.udhrArticles.map((t) => t.slug),
  sdgs: v.sdgs.map((t) => t.slug),
  organisations: v.organisations.map((t) => t.slug),
});

const practiceText = {
  title: line(LIMITS.title),
  summary: multiline(LIMITS.summary),
  body: markdown(),
  outcomes: optional(lines()),
  continuity: optional(multiline(LIMITS.continuity)),
};

export function practiceSchema(vocab: Vocab, create?: { cities: [string, ...string[]] }) {
  return z
    .object({
      ...(create ? { city: pick(create.cities), language: pick(LANGUAGES) } : {}),
      ...practiceText,
      startYear: optional(year()),
      endYear: optional(year()),
      ongoing: pick(["unknown", "yes", "no"]).default("unknown"),
      themes: pickMany(vocab.themes),
      questionTypes: pickMany(vocab.questionTypes),
      udhrArticles: pickMany(vocab.udhrArticles),
      sdgs: pickMany(vocab.sdgs),
      coCities: z.object(Object.fromEntries(CO_CITIES_DIMENSIONS.map((d) => [d, optional(pick(CO_CITIES_LEVELS))]))).default({}),
      partners: rows(
        {
          name: line(LIMITS.name),
          role: pick(PARTNER_ROLES),
          formality: pick(PARTNER_FORMALITIES),
          organisation: z.string().refine((v) => vocab.organisations.includes(v), "unknown_value"),
        },
        ["name", "role"],
      ),
      sources: sources(),
    })
    .superRefine((v, ctx) => {
      if (v.startYear && v.endYear && v.endYear < v.startYear) ctx.addIssue({ code: "custom", path: ["endYear"], message: "end_before_start" });
    });
}

export const practiceTranslationSchema = z.object(practiceText);

export function answerSchema(create?: { questions: [string, ...string[]]; cities: [string, ...string[]] }) {
  return z.object({
    ...(create ? { question: pick(create.questions), city: pick(create.cities), language: pick(LANGUAGES) } : {}),
    summary: multiline(LIMITS.summary),
    body: markdown(),
    sources: sources(),
  });
}

export const answerTranslationSchema = z.object({ summary: multiline(LIMITS.summary), body: markdown() });

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const dateValue = () => line(10).pipe(z.string().regex(DATE, "date"));

/** The rows of the two claim lists as the form sends them (one source per row; empty rows already dropped). */
export type HrCityFormFields = {
  hrCitySinceCertainty?: Certainty;
  hrCitySinceClaims: { date: string; title?: string; url?: string }[];
  hrCityBasisCertainty?: Certainty;
  hrCityBasis?: HrCityBasis;
  hrCityBasisClaims: { basis?: HrCityBasis; title?: string; url?: string }[];
};

/**
 * "Since" and "how" from the form, with what is wrong with them (ADR 003, addendum). Since: one row
 * per date and source. How: confirmed is the chosen basis, its rows (basis left empty or the same)
 * add its sources; disputed is one row per candidate and source; unknown has no rows. A missing
 * certainty (a form from before certainties) follows the values: none unknown, one confirmed.
 */
export function hrCityFromForm(v: HrCityFormFields) {
  const source = (r: { title?: string; url?: string }) => (r.title && r.url ? [{ title: r.title, url: r.url }] : []);
  const sinceClaims = mergeClaims(
    "date",
    v.hrCitySinceClaims.map((r) => ({ date: r.date, sources: source(r) })),
  );
  const sinceCertainty = v.hrCitySinceCertainty ?? impliedCertainty(sinceClaims);
  const basisCertainty = v.hrCityBasisCertainty ?? "confirmed";
  const rowsWithBasis = v.hrCityBasisClaims.map((r) => ({
    basis: r.basis ?? (basisCertainty === "confirmed" ? v.hrCityBasis : undefined),
    sources: source(r),
  }));
  const chosen = basisCertainty === "confirmed" && v.hrCityBasis ? [{ basis: v.hrCityBasis, sources: [] }] : [];
  const basisClaims = mergeClaims("basis", [...chosen, ...rowsWithBasis.filter((r): r is BasisClaim => r.basis !== undefined)]);
  const basisProblem =
    basisCertainty === "unknown"
      ? v.hrCityBasisClaims.length
        ? "certainty_none"
        : null
      : rowsWithBasis.some((r) => r.basis === undefined)
        ? basisCertainty === "confirmed"
          ? "certainty_one"
          : "certainty_two"
        : claimsProblem(
            basisCertainty,
            basisClaims.map((c) => ({ value: c.basis, sources: c.sources.length })),
          );
  return {
    since: { certainty: sinceCertainty, claims: sinceCertainty === "unknown" ? [] : sinceClaims },
    basis: { certainty: basisCertainty, claims: basisCertainty === "unknown" ? [] : basisClaims },
    problems: {
      hrCitySinceCertainty: claimsProblem(
        sinceCertainty,
        sinceClaims.map((c) => ({ value: c.date, sources: c.sources.length })),
      ),
      hrCityBasisCertainty: basisProblem,
    },
  };
}

export const citySchema = z
  .object({
    name: line(LIMITS.name),
    summary: multiline(LIMITS.summary),
    body: markdown(),
    website: optional(httpUrl()),
    population: optional(z.coerce.number({ invalid_type_error: "number" }).int("number").min(0, "number").max(100_000_000, "number")),
    populationYear: optional(year()),
    populationSource: optional(httpUrl()),
    hrCityStatus: pick(HR_CITY_STATUSES),
    hrCitySinceCertainty: optional(pick(CERTAINTIES)),
    hrCitySinceClaims: rows({ date: dateValue(), title: line(LIMITS.longName), url: httpUrl() }, ["date"], ["title", "url"]),
    hrCityBasisCertainty: optional(pick(CERTAINTIES)),
    hrCityBasis: optional(pick(HR_CITY_BASES)),
    hrCityBasisClaims: rows({ basis: pick(HR_CITY_BASES), title: line(LIMITS.longName), url: httpUrl() }, [], ["title", "url"]),
    facts: rows({ kind: pick(CITY_FACT_KINDS), name: line(LIMITS.longName), since: dateValue(), url: httpUrl() }, ["kind", "name"]),
    sources: sources(),
  })
  .superRefine((v, ctx) => {
    for (const [path, problem] of Object.entries(hrCityFromForm(v as HrCityFormFields).problems)) {
      if (problem) ctx.addIssue({ code: "custom", path: [path], message: problem });
    }
  });

export const cityTranslationSchema = z.object({ name: line(LIMITS.name), summary: multiline(LIMITS.summary), body: markdown() });

export const reviewCommentSchema = z.object({ comment: optional(multiline(LIMITS.comment)) });

/**
 * An organisation: its name and description per language, what kind of body it is, its themes, and
 * its coalition membership where a source says so. Themes and sources are required, as in content files.
 */
export function organisationSchema(themes: string[], create?: { cities: [string, ...string[]] }) {
  return z.object({
    ...(create ? { city: pick(create.cities), language: pick(LANGUAGES) } : {}),
    ...organisationText,
    kind: pick(ORGANISATION_KINDS),
    themes: pickMany(themes).pipe(z.array(z.string()).min(1, "required")),
    website: optional(httpUrl()),
    coalitionRole: optional(pick(COALITION_ROLES)),
    coalitionSince: optional(year()),
    sources: sources().pipe(z.array(z.any()).min(1, "required")),
  });
}

const organisationText = { name: line(LIMITS.name), body: markdown() };
export const organisationTranslationSchema = z.object(organisationText);
