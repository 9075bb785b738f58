import { z } from "zod";
import { CITY_FACT_KINDS } from "#app/domain/enums.ts";
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
  type SinceClaim,
} from "#app/domain/hr-city.ts";
import type { Language } from "#app/i18n/languages.ts";
import { dateValue, httpUrl, LIMITS, line, markdown, multiline, optional, pick, rows, sources, year } from "./fields.ts";
import { dateLike, language, slugSchema, sourceSchema, sources as fileSources, status, url, year as fileYear } from "./file-fields.ts";
import type { SourceRow } from "./snapshot-types.ts";

/** City profiles, the part the browser shares: snapshot, edit form schema, form ↔ snapshot (storage in city.server.ts). */

export type CityText = { name: string; summary: string; bodyMd: string };
export type CitySnapshot = {
  originalLanguage: Language;
  country: string;
  population: number | null;
  populationYear: number | null;
  populationSource: string | null;
  hrCityStatus: "declared" | "no-formal-declaration";
  /** Since when and how, as the sources say it (app/domain/hr-city.ts); the plain columns are derived on writing. */
  hrCitySinceCertainty: Certainty;
  hrCitySinceClaims: SinceClaim[];
  hrCityBasisCertainty: Certainty;
  hrCityBasisClaims: BasisClaim[];
  website: string | null;
  facts: { kind: (typeof CITY_FACT_KINDS)[number]; name: string; since: string | null; url: string | null }[];
  sources: SourceRow[];
  translations: Partial<Record<Language, CityText>>;
};

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

// Content files (toolkit-content/): the same type as a file writes it; the import maps it to a snapshot.

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
    population: z.object({ value: z.number().int().positive(), year: fileYear, source: url }).strict().optional(),
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
    sources: fileSources.min(1, "a city profile needs at least one source"),
    status: status,
  })
  .strict();
export const cityFileTranslationSchema = z.object({ name: line(LIMITS.name), summary: multiline(LIMITS.summary) }).strict();
