import type { FieldMetadata } from "@conform-to/react";
import { CODE_PATTERN } from "#app/auth/forms.ts";
import { TextField } from "./form-fields.tsx";

/** A 6-digit code from the authenticator app: at sign-in, to re-authenticate, or to confirm a new key. */
export function OneTimeCodeField({ field, label }: { field: FieldMetadata<unknown>; label: string }) {
  return <TextField field={field} label={label} autoComplete="one-time-code" inputMode="numeric" pattern={CODE_PATTERN} maxLength={7} required />;
}
