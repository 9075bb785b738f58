import { z } from "zod";
import { LIMITS, line, multiline } from "#app/content-types/fields.ts";
import { claimsProblem, mergeClaims, type Certainty } from "#app/domain/hr-city.ts";
import {
  CERTAINTIES,
  COALITION_ROLES,
  CO_CITIES_DIMENSIONS,
  CO_CITIES_LEVELS,
  HR_CITY_BASES,
  HR_CITY_STATUSES,
  LANGUAGES,
  ORGANISATION_KINDS,
  PARTNER_FORMALITIES,
  PARTNER_ROLES,
  STATUSES,
} from "#db/schema/index.ts";

// Front-matter schemas for toolkit-content/. `.strict()` everywhere: a misspelt field is an error,
// not a silently ignored value. Texts use the editing forms' validators and limits (one rule and one
// message per field, whether a text comes from a file or a form); the loader words the codes in English.

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens");
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `at most ${max} characters`);
const year = z.number().int("must be a whole year").min(1900).max(2100);
/** YAML reads `since: 2018` as a number; accept it and keep the value as text. */
const dateLike = z
  .union([z.number().int(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use "YYYY", "YYYY-MM" or "YYYY-MM-DD"'));
const url = z
  .string()
  .url("must be a URL")
  .regex(/^https?:\/\//, "must start with http:// or https://");
const language = z.enum(LANGUAGES);
const slugList = z.array(slugSchema).default([]);
const numberList = (max: number) => z.array(z.number().int().min(1).max(max)).default([]);

export const sourceSchema = z.object({ title: line(LIMITS.longName), url }).strict();
const sources = z.array(sourceSchema);

const labels = z.object(Object.fromEntries(LANGUAGES.map((l) => [l, text(200)])) as Record<(typeof LANGUAGES)[number], ReturnType<typeof text>>).strict();
const descriptions = z.object(Object.fromEntries(LANGUAGES.map((l) => [l, text(600)])) as Record<(typeof LANGUAGES)[number], ReturnType<typeof text>>).strict();

export const taxonomyFileSchema = z
  .array(
    z
      .object({
        slug: z.union([z.number().int().transform(String), slugSchema]),
        label: labels,
        description: descriptions.optional(),
      })
      .strict(),
  )
  .min(1, "a taxonomy needs at least one term");

/** taxonomies/synonyms.yaml: groups of words that mean the same thing (stored in SQLite for search). */
export const synonymsFileSchema = z.array(z.array(z.string().trim().toLowerCase().min(1).max(50)).min(2, "a group needs at least two words"));

const claimSources = z.array(sourceSchema).min(1, "a claim needs at least one source");
const CLAIMS_MESSAGES = {
  certainty_one: "confirmed means exactly one value; use disputed or unknown otherwise",
  certainty_two: "disputed needs at least two different values, each with its sources",
  certainty_none: "unknown means no claims; remove them, or use confirmed or disputed",
} as const;

/** The certainty must fit the claims: the same rules as the editor form (app/domain/hr-city.ts). */
function checkClaims(v: { certainty: Certainty; claims: { sources: unknown[] }[] }, valueOf: (c: never) => string, ctx: z.RefinementCtx) {
  const problem = claimsProblem(
    v.certainty,
    v.claims.map((c) => ({ value: valueOf(c as never), sources: c.sources.length })),
  );
  if (problem) ctx.addIssue({ code: "custom", path: ["certainty"], message: CLAIMS_MESSAGES[problem] });
}
const certainty = z.enum(CERTAINTIES);
const noSources: { title: string; url: string }[] = [];

/** Picks the schema by the value's shape, so a mistake is reported by that schema instead of as "Invalid input". */
function byShape<T>(pick: (value: unknown) => z.ZodType<T, z.ZodTypeDef, unknown>) {
  return z.unknown().transform((value, ctx): T => {
    const result = pick(value).safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue(issue as z.IssueData);
    return z.NEVER;
  });
}
type Claims<K extends string, V> = { certainty: Certainty; claims: ({ [P in K]: V } & { sources: { title: string; url: string }[] })[] };

const sinceClaims = z
  .object({ certainty, claims: z.array(z.object({ date: dateLike, sources: claimSources }).strict()).default([]) })
  .strict()
  .superRefine((v, ctx) => checkClaims(v, (c: { date: string }) => c.date, ctx))
  .transform((v): Claims<"date", string> => ({ certainty: v.certainty, claims: mergeClaims("date", v.claims) }));
const bareDates = z.array(z.unknown()).superRefine((_, ctx) =>
  ctx.addIssue({
    code: "custom",
    message: "a bare list of dates is not accepted: write { certainty: disputed, claims: [{ date, sources }, …] } so that every date has its sources",
  }),
);

/**
 * `since:` is either a single date (confirmed; the short form, without a source of its own) or
 * `{ certainty, claims: [{ date, sources }] }`; left out, it is unknown. A bare list of dates is
 * refused: disputed dates need their sources.
 */
const sinceSchema = byShape<Claims<"date", string>>((v) =>
  v === undefined
    ? z.undefined().transform(() => ({ certainty: "unknown" as Certainty, claims: [] }))
    : Array.isArray(v)
      ? (bareDates as never)
      : typeof v === "object" && v !== null
        ? sinceClaims
        : dateLike.transform((date) => ({ certainty: "confirmed" as Certainty, claims: [{ date, sources: noSources }] })),
);

type Basis = (typeof HR_CITY_BASES)[number];
const basisClaims = z
  .object({ certainty, claims: z.array(z.object({ basis: z.enum(HR_CITY_BASES), sources: claimSources }).strict()).default([]) })
  .strict()
  .superRefine((v, ctx) => checkClaims(v, (c: { basis: string }) => c.basis, ctx))
  .transform((v): Claims<"basis", Basis> => ({ certainty: v.certainty, claims: mergeClaims("basis", v.claims) }));

/** `basis:` is either a single value (confirmed; the short form) or `{ certainty, claims: [{ basis, sources }] }`. */
const basisSchema = byShape<Claims<"basis", Basis>>((v) =>
  typeof v === "object" && v !== null
    ? basisClaims
    : z.enum(HR_CITY_BASES).transform((basis) => ({ certainty: "confirmed" as Certainty, claims: [{ basis, sources: noSources }] })),
);

const cityFact = z.object({ name: line(LIMITS.longName), since: dateLike.optional(), url: url.optional() }).strict();

export const cityFileSchema = z
  .object({
    language,
    name: line(LIMITS.name),
    summary: multiline(LIMITS.summary),
    country: z.string().regex(/^[A-Z]{2}$/, "use an ISO 3166-1 alpha-2 code such as NL"),
    region: slugSchema,
    population: z.object({ value: z.number().int().positive(), year, source: url }).strict().optional(),
    coordinates: z
      .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
      .strict()
      .optional(),
    human_rights_city: z
      .object({
        status: z.enum(HR_CITY_STATUSES),
        since: sinceSchema,
        basis: basisSchema,
      })
      .strict(),
    website: url.optional(),
    institutions: z.array(cityFact).default([]),
    charters: z.array(cityFact).default([]),
    networks: z.array(cityFact).default([]),
    monitoring: z.array(cityFact).default([]),
    sources: sources.min(1, "a city profile needs at least one source"),
    status: z.enum(STATUSES).default("published"),
  })
  .strict();
export const cityTranslationSchema = z.object({ name: line(LIMITS.name), summary: multiline(LIMITS.summary) }).strict();

const coLevel = z.enum(CO_CITIES_LEVELS).optional();
const coCities = z
  .object(Object.fromEntries(CO_CITIES_DIMENSIONS.map((d) => [d, coLevel])) as Record<(typeof CO_CITIES_DIMENSIONS)[number], typeof coLevel>)
  .strict();

export const practiceFileSchema = z
  .object({
    city: slugSchema,
    language,
    title: line(LIMITS.title),
    summary: multiline(LIMITS.summary),
    themes: z.array(slugSchema).min(1, "name at least one theme"),
    question_types: slugList,
    udhr_articles: numberList(30),
    sdgs: numberList(17),
    start_year: year.optional(),
    end_year: year.optional(),
    ongoing: z.boolean().optional(),
    partners: z
      .array(
        z
          .object({
            name: line(LIMITS.name),
            role: z.enum(PARTNER_ROLES),
            formality: z.enum(PARTNER_FORMALITIES).optional(),
            /** The slug of the partner's page in organisations/, when it has one. */
            organisation: slugSchema.optional(),
          })
          .strict(),
      )
      .default([]),
    outcomes: z.array(line(LIMITS.line)).max(LIMITS.lines, `too_many:${LIMITS.lines}`).default([]),
    continuity: multiline(LIMITS.continuity).optional(),
    co_cities: coCities.optional(),
    sources: sources.min(1, "a practice needs at least one source"),
    featured: z.boolean().default(false),
    status: z.enum(STATUSES).default("published"),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.start_year !== undefined && p.end_year !== undefined && p.end_year < p.start_year) {
      ctx.addIssue({ code: "custom", path: ["end_year"], message: "must not be before start_year" });
    }
    if (p.end_year !== undefined && p.ongoing === true) {
      ctx.addIssue({ code: "custom", path: ["ongoing"], message: "an item with an end_year cannot be ongoing" });
    }
  });
export const practiceTranslationSchema = z
  .object({
    title: line(LIMITS.title),
    summary: multiline(LIMITS.summary),
    outcomes: z.array(line(LIMITS.line)).max(LIMITS.lines, `too_many:${LIMITS.lines}`).optional(),
    continuity: multiline(LIMITS.continuity).optional(),
  })
  .strict();

export const questionFileSchema = z
  .object({
    question_type: slugSchema,
    language,
    title: line(LIMITS.title),
    summary: multiline(LIMITS.summary),
    themes: slugList,
    featured: z.boolean().default(false),
    status: z.enum(STATUSES).default("published"),
  })
  .strict();
export const questionTranslationSchema = z.object({ title: line(LIMITS.title), summary: multiline(LIMITS.summary) }).strict();

export const answerFileSchema = z
  .object({
    language,
    summary: multiline(LIMITS.summary),
    sources: sources.min(1, "an answer needs at least one source"),
    status: z.enum(STATUSES).default("published"),
  })
  .strict();
export const answerTranslationSchema = z.object({ summary: multiline(LIMITS.summary) }).strict();

export const toolkitFileSchema = z
  .object({
    language,
    title: line(LIMITS.title),
    summary: multiline(LIMITS.summary),
    curator: line(LIMITS.name),
    themes: slugList,
    question_types: slugList,
    sources: sources.default([]),
    featured: z.boolean().default(false),
    status: z.enum(STATUSES).default("published"),
  })
  .strict();
export const chapterFileSchema = z
  .object({
    title: line(LIMITS.title),
    summary: multiline(LIMITS.summary),
    practices: slugList,
    questions: slugList,
    cities: slugList,
    sources: sources.default([]),
  })
  .strict();
export const titledTranslationSchema = z.object({ title: line(LIMITS.title), summary: multiline(LIMITS.summary) }).strict();

export const organisationFileSchema = z
  .object({
    language,
    name: line(LIMITS.name),
    /** Left out for a national or international body that belongs to no one city. */
    city: slugSchema.optional(),
    kind: z.enum(ORGANISATION_KINDS),
    themes: z.array(slugSchema).min(1, "name at least one theme"),
    website: url.optional(),
    /** Only where a source says the organisation belongs to the city's human rights coalition. */
    coalition: z
      .object({ role: z.enum(COALITION_ROLES), since: year.optional() })
      .strict()
      .optional(),
    sources: sources.min(1, "an organisation needs at least one source"),
    status: z.enum(STATUSES).default("published"),
  })
  .strict()
  .refine((o) => !o.coalition || o.city, {
    path: ["coalition"],
    message: "a coalition is a city's coalition: give the organisation a city, or describe the membership in the text",
  });
export const organisationTranslationSchema = z.object({ name: line(LIMITS.name) }).strict();
