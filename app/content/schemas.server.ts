import { z } from "zod";
import {
  CITY_FACT_KINDS,
  CO_CITIES_DIMENSIONS,
  CO_CITIES_LEVELS,
  HR_CITY_BASES,
  HR_CITY_STATUSES,
  LANGUAGES,
  PARTNER_FORMALITIES,
  PARTNER_ROLES,
  STATUSES,
} from "#db/schema/index.ts";

// Front-matter schemas for toolkit-content/. `.strict()` everywhere: a misspelt field is an error,
// not a silently ignored value.

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens");
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

export const sourceSchema = z.object({ title: text(300), url }).strict();
const sources = z.array(sourceSchema);

const labels = z.object(Object.fromEntries(LANGUAGES.map((l) => [l, text(200)])) as Record<(typeof LANGUAGES)[number], ReturnType<typeof text>>).strict();
const descriptions = z
  .object(Object.fromEntries(LANGUAGES.map((l) => [l, text(600)])) as Record<(typeof LANGUAGES)[number], ReturnType<typeof text>>)
  .strict();

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

const cityFact = z.object({ name: text(300), since: dateLike.optional(), url: url.optional() }).strict();

export const cityFileSchema = z
  .object({
    language,
    name: text(120),
    summary: text(400),
    country: z.string().regex(/^[A-Z]{2}$/, "use an ISO 3166-1 alpha-2 code such as NL"),
    region: slugSchema,
    population: z
      .object({ value: z.number().int().positive(), year, source: url })
      .strict()
      .optional(),
    coordinates: z
      .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
      .strict()
      .optional(),
    human_rights_city: z
      .object({
        status: z.enum(HR_CITY_STATUSES),
        since: z.union([dateLike.transform((v) => [v]), z.array(dateLike).min(1)]).optional(),
        basis: z.enum(HR_CITY_BASES),
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
export const cityTranslationSchema = z.object({ name: text(120), summary: text(400) }).strict();
export const CITY_FACT_FIELDS = {
  institution: "institutions",
  charter: "charters",
  network: "networks",
  monitoring: "monitoring",
} as const satisfies Record<(typeof CITY_FACT_KINDS)[number], string>;

const coLevel = z.enum(CO_CITIES_LEVELS).optional();
const coCities = z
  .object(
    Object.fromEntries(CO_CITIES_DIMENSIONS.map((d) => [d, coLevel])) as Record<(typeof CO_CITIES_DIMENSIONS)[number], typeof coLevel>,
  )
  .strict();

export const practiceFileSchema = z
  .object({
    city: slugSchema,
    language,
    title: text(200),
    summary: text(400),
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
          .object({ name: text(200), role: z.enum(PARTNER_ROLES), formality: z.enum(PARTNER_FORMALITIES).optional() })
          .strict(),
      )
      .default([]),
    outcomes: z.array(text(600)).default([]),
    continuity: text(1200).optional(),
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
    title: text(200),
    summary: text(400),
    outcomes: z.array(text(600)).optional(),
    continuity: text(1200).optional(),
  })
  .strict();

export const questionFileSchema = z
  .object({
    question_type: slugSchema,
    language,
    title: text(200),
    summary: text(400),
    themes: slugList,
    featured: z.boolean().default(false),
    status: z.enum(STATUSES).default("published"),
  })
  .strict();
export const questionTranslationSchema = z.object({ title: text(200), summary: text(400) }).strict();

export const answerFileSchema = z
  .object({
    language,
    summary: text(400),
    sources: sources.min(1, "an answer needs at least one source"),
    status: z.enum(STATUSES).default("published"),
  })
  .strict();
export const answerTranslationSchema = z.object({ summary: text(400) }).strict();

export const toolkitFileSchema = z
  .object({
    language,
    title: text(200),
    summary: text(400),
    curator: text(200),
    themes: slugList,
    question_types: slugList,
    sources: sources.default([]),
    featured: z.boolean().default(false),
    status: z.enum(STATUSES).default("published"),
  })
  .strict();
export const chapterFileSchema = z
  .object({
    title: text(200),
    summary: text(400),
    practices: slugList,
    questions: slugList,
    cities: slugList,
    sources: sources.default([]),
  })
  .strict();
export const titledTranslationSchema = z.object({ title: text(200), summary: text(400) }).strict();
