import { useTranslation } from "react-i18next";

/** A 6-digit code from the authenticator app: at sign-in, to re-authenticate, or to confirm a new key. */
export function OneTimeCodeField({ id, label, wrong, wait }: { id: string; label: string; wrong: boolean; wait?: number }) {
  const { t } = useTranslation();
  return (
    <div className={`field ${wrong ? "has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]{6,7}"
        maxLength={7}
        required
        aria-invalid={wrong || undefined}
        aria-describedby={wrong ? `${id}-error` : undefined}
      />
      {wrong ? (
        <ul className="field-errors" id={`${id}-error`}>
          <li>{wait ? t("auth.throttled", { count: wait }) : t("twoStep.invalidCode")}</li>
        </ul>
      ) : null}
    </div>
  );
}
