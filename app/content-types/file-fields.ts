import { z } from "zod";
import { STATUSES } from "#app/domain/item-state.ts";
import { LANGUAGES } from "#app/i18n/languages.ts";
import { LIMITS, line } from "./fields.ts";

/**
 * The building blocks of content-file schemas (toolkit-content/): slugs, YAML numbers and dates,
 * addresses, sources. Texts use the forms' validators from fields.ts.
 */
export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens");
export const year = z.number().int("must be a whole year").min(1900).max(2100);
/** YAML reads `since: 2018` as a number; accept it and keep the value as text. */
export const dateLike = z
  .union([z.number().int(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use "YYYY", "YYYY-MM" or "YYYY-MM-DD"'));
export const url = z
  .string()
  .url("must be a URL")
  .regex(/^https?:\/\//, "must start with http:// or https://");
export const language = z.enum(LANGUAGES);
export const slugList = z.array(slugSchema).default([]);
export const numberList = (max: number) => z.array(z.number().int().min(1).max(max)).default([]);

export const sourceSchema = z.object({ title: line(LIMITS.longName), url }).strict();
export const sources = z.array(sourceSchema);

export const status = z.enum(STATUSES).default("published");
