import { z } from "zod";
import { COALITION_ROLES, ORGANISATION_KINDS } from "#app/domain/enums.ts";
import { LANGUAGES, type Language } from "#app/i18n/languages.ts";
import { httpUrl, LIMITS, line, markdown, optional, pick, pickMany, sources, year } from "./fields.ts";
import { language, slugSchema, sources as fileSources, status, url, year as fileYear } from "./file-fields.ts";
import type { SourceRow } from "./snapshot-types.ts";

/** Organisations, the part the browser shares: snapshot, edit form schema, form ↔ snapshot (storage in organisation.server.ts). */

export type OrganisationText = { name: string; bodyMd: string };
export type OrganisationSnapshot = {
  slug: string;
  cityId: number | null;
  originalLanguage: Language;
  kind: (typeof ORGANISATION_KINDS)[number];
  themes: string[];
  website: string | null;
  coalitionRole: (typeof COALITION_ROLES)[number] | null;
  coalitionSince: number | null;
  sources: SourceRow[];
  translations: Partial<Record<Language, OrganisationText>>;
};

/**
 * An organisation: its name and description per language, what kind of body it is, its themes, and
 * its coalition membership where a source says so. Themes and sources are required, as in content files.
 */
/**
 * `create.noCity`: the creator may leave the city out (curators, for a national or international
 * body); such an organisation cannot be a member of a city's coalition.
 */
export function organisationSchema(themes: string[], create?: { cities: [string, ...string[]]; noCity?: boolean }) {
  const base = z.object({
    ...(create ? { city: create.noCity ? optional(pick(create.cities)) : pick(create.cities), language: pick(LANGUAGES) } : {}),
    ...organisationText,
    kind: pick(ORGANISATION_KINDS),
    themes: pickMany(themes).pipe(z.array(z.string()).min(1, "required")),
    website: optional(httpUrl()),
    coalitionRole: optional(pick(COALITION_ROLES)),
    coalitionSince: optional(year()),
    sources: sources().pipe(z.array(z.any()).min(1, "required")),
  });
  return base.superRefine((v, ctx) => {
    if (create && !(v as { city?: string }).city && v.coalitionRole) ctx.addIssue({ code: "custom", path: ["coalitionRole"], message: "coalition_city" });
  });
}

const organisationText = { name: line(LIMITS.name), body: markdown() };
export const organisationTranslationSchema = z.object(organisationText);

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

// Content files (toolkit-content/): the same type as a file writes it; the import maps it to a snapshot.

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
      .object({ role: z.enum(COALITION_ROLES), since: fileYear.optional() })
      .strict()
      .optional(),
    sources: fileSources.min(1, "an organisation needs at least one source"),
    status: status,
  })
  .strict()
  .refine((o) => !o.coalition || o.city, {
    path: ["coalition"],
    message: "a coalition is a city's coalition: give the organisation a city, or describe the membership in the text",
  });
export const organisationFileTranslationSchema = z.object({ name: line(LIMITS.name) }).strict();
