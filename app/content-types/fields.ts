import { z } from "zod";
import { markdownComplexity } from "#app/utils/markdown-limits.ts";
import { BAD_CHARS, line as lineOf, pick, str } from "#app/utils/form-schema.ts";

/**
 * The validators and limits every content type's schema is built from: the edit forms (Conform, in
 * the browser and again in the action) and the content files alike, so one rule gives one message
 * wherever a text comes from. Messages are codes (`too_long:200`) that the form translates next to
 * the field and the content import words in English.
 */
export { pick };

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

export const httpUrl = () =>
  line(LIMITS.url).refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && Boolean(u.hostname);
    } catch {
      return false;
    }
  }, "url");

export const year = () => z.coerce.number({ invalid_type_error: "year" }).int("year").min(1900, "year").max(2100, "year");

/** Lines of a textarea as a list (outcomes). */
export const lines = () =>
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
export function rows<T extends z.ZodRawShape>(shape: T, required: (keyof T & string)[], together: (keyof T & string)[] = []) {
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

export const sources = () => rows({ title: line(LIMITS.longName), url: httpUrl() }, ["title", "url"]);

export const pickMany = (values: readonly string[]) =>
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

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
export const dateValue = () => line(10).pipe(z.string().regex(DATE, "date"));
