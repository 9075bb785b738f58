import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MAX, PASSWORD_MIN, SECRET_MAX } from "#app/auth/forms.ts";
import { TextField } from "./form-fields.tsx";

/** A new password, with the rules and, after a refusal, what was wrong (invitations, resets, the account page). */
export function NewPasswordField({ field }: { field: FieldMetadata<unknown> }) {
  const { t } = useTranslation();
  return (
    <TextField
      field={field}
      type="password"
      label={t("auth.newPassword")}
      help={t("auth.passwordHelp")}
      autoComplete="new-password"
      minLength={PASSWORD_MIN}
      maxLength={PASSWORD_MAX}
    />
  );
}

/**
 * "Current password", asked before changes that an open laptop should not allow. The browser asks
 * for it; the server treats a missing one as a wrong one (throttled and audited).
 */
export function CurrentPasswordField({ field }: { field: FieldMetadata<unknown> }) {
  const { t } = useTranslation();
  return <TextField field={field} type="password" label={t("account.currentPassword")} autoComplete="current-password" maxLength={SECRET_MAX} required />;
}
