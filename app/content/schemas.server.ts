import { z } from "zod";
import { LIMITS, line, multiline } from "#app/content-types/fields.ts";
import { language, slugList, slugSchema, sources, status } from "#app/content-types/file-fields.ts";
import { LANGUAGES } from "#app/i18n/languages.ts";

// Front-matter schemas for toolkit-content/ that are not content types of the registry (taxonomies,
// synonyms, questions, toolkits; practices, answers, cities and organisations are in
// app/content-types/). `.strict()` everywhere: a misspelt field is an error, not a silently ignored value. Texts use the editing forms' validators and limits (one rule and one
// message per field, whether a text comes from a file or a form); the loader words the codes in English.

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `at most ${max} characters`);

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

export const questionFileSchema = z
  .object({
    question_type: slugSchema,
    language,
    title: line(LIMITS.title),
    summary: multiline(LIMITS.summary),
    themes: slugList,
    featured: z.boolean().default(false),
    status: status,
  })
  .strict();
export const questionTranslationSchema = z.object({ title: line(LIMITS.title), summary: multiline(LIMITS.summary) }).strict();

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
    status: status,
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
