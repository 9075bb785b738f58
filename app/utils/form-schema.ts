import { z } from "zod";

/**
 * The building blocks every form schema shares (editorial, sign-in, administration, curation).
 * Messages are codes (`too_long:200`) that `useErrorText` translates next to the field.
 */

// Control characters (except tab and newline) and bidirectional overrides: invisible, and used to disguise text.
// eslint-disable-next-line no-control-regex
export const BAD_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

export const str = () => z.string({ required_error: "required", invalid_type_error: "invalid" });

/** One line of text, trimmed: required, at most `max` characters, no invisible characters. */
export const line = (max: number) =>
  str()
    .transform((v) => v.trim())
    .pipe(
      str()
        .min(1, "required")
        .max(max, `too_long:${max}`)
        .refine((v) => !BAD_CHARS.test(v) && !/[\r\n]/.test(v), "bad_chars"),
    );

/** A choice among fixed values; anything else is "unknown_value". */
export const pick = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { errorMap: () => ({ message: "unknown_value" }) });

/** Database ids from checkboxes or hidden fields (one value arrives as a list of one). */
export const idList = (max = 2000) =>
  z
    .array(z.coerce.number({ invalid_type_error: "invalid" }).int("invalid").positive("invalid").max(Number.MAX_SAFE_INTEGER, "invalid"), {
      invalid_type_error: "invalid",
    })
    .max(max, `too_many:${max}`)
    .default([]);
