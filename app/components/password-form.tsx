import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PasswordProblem } from "#app/auth/password.server.ts";

/** The set-a-password form of invitations and resets. */
export function SetPasswordForm({
  problem,
  askName,
  defaultName,
  submit,
}: {
  problem?: PasswordProblem | null;
  askName?: boolean;
  defaultName?: string;
  submit: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="stack">
      {askName ? (
        <div className="field">
          <label htmlFor="displayName">{t("auth.displayName")}</label>
          <input id="displayName" name="displayName" autoComplete="name" maxLength={200} defaultValue={defaultName} />
        </div>
      ) : null}
      <NewPasswordField problem={problem} />
      <button type="submit">{submit}</button>
    </Form>
  );
}

/** A new password, with the rules and, after a refusal, what was wrong (invitations, resets, the account page). */
export function NewPasswordField({ problem }: { problem?: PasswordProblem | null }) {
  const { t } = useTranslation();
  return (
    <div className={`field ${problem ? "has-error" : ""}`}>
      <label htmlFor="password">{t("auth.newPassword")}</label>
      <p className="field-help" id="password-help">
        {t("auth.passwordHelp")}
      </p>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={256}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? "password-help password-error" : "password-help"}
      />
      {problem ? (
        <ul className="field-errors" id="password-error">
          <li>{t(`auth.passwordProblem.${problem}`)}</li>
        </ul>
      ) : null}
    </div>
  );
}
