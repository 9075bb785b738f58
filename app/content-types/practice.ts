import { z } from "zod";
import { PARTNER_FORMALITIES, PARTNER_ROLES } from "#app/domain/enums.ts";
import { CO_CITIES_DIMENSIONS, CO_CITIES_LEVELS, type CoCitiesDimension, type CoCitiesLevel } from "#app/domain/co-cities.ts";
import { LANGUAGES, type Language } from "#app/i18n/languages.ts";
import { LIMITS, line, lines, markdown, multiline, optional, pick, pickMany, rows, sources, year, type Vocab } from "./fields.ts";
import { language, numberList, slugList, slugSchema, sources as fileSources, status, year as fileYear } from "./file-fields.ts";
import type { SourceRow } from "./snapshot-types.ts";

/**
 * Practices, the part the browser shares: the snapshot (the whole editable state, as revisions store
 * it), the edit form's schema, and form ↔ snapshot. Storage, the content-file mapping and the search
 * document are in practice.server.ts.
 */

export type PracticeText = { title: string; summary: string; bodyMd: string; outcomes: string[]; continuity: string | null };
export type PracticeSnapshot = {
  slug: string;
  cityId: number;
  originalLanguage: Language;
  startYear: number | null;
  endYear: number | null;
  ongoing: boolean | null;
  coCities: Partial<Record<CoCitiesDimension, CoCitiesLevel>>;
  themes: string[];
  questionTypes: string[];
  udhrArticles: string[];
  sdgs: string[];
  /** `organisationId` links a partner to its organisation page; older snapshots lack it (read as null). */
  partners: {
    name: string;
    role: (typeof PARTNER_ROLES)[number];
    formality: (typeof PARTNER_FORMALITIES)[number] | null;
    organisationId?: number | null;
  }[];
  sources: SourceRow[];
  translations: Partial<Record<Language, PracticeText>>;
};

const practiceTextFields = {
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
      ...practiceTextFields,
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

export const practiceTranslationSchema = z.object(practiceTextFields);

/** Form values ↔ snapshot. Forms edit one language at a time; the other languages are carried over. */
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

// Content files (toolkit-content/): the same type as a file writes it; the import maps it to a snapshot.

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
    start_year: fileYear.optional(),
    end_year: fileYear.optional(),
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
    sources: fileSources.min(1, "a practice needs at least one source"),
    featured: z.boolean().default(false),
    status: status,
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
export const practiceFileTranslationSchema = z
  .object({
    title: line(LIMITS.title),
    summary: multiline(LIMITS.summary),
    outcomes: z.array(line(LIMITS.line)).max(LIMITS.lines, `too_many:${LIMITS.lines}`).optional(),
    continuity: multiline(LIMITS.continuity).optional(),
  })
  .strict();
