import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { MARKDOWN_LIMITS, type MarkdownRule } from "#app/utils/markdown-limits.ts";

/**
 * Error codes from the form schemas (app/content-types/*.ts, app/auth/forms.ts, …: `too_long:200`,
 * `markdown_complex:brackets`, `throttled:30`) in the reader's language.
 */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (code: string) => {
    const [key, arg] = code.split(":");
    if (key === "markdown_complex" && arg && arg in MARKDOWN_LIMITS) {
      const rule = arg as MarkdownRule;
      return t("form.errors.markdown_complex", {
        rule: t(`form.markdownRules.${rule}`, { max: new Intl.NumberFormat(i18n.language).format(MARKDOWN_LIMITS[rule]) }),
      });
    }
    if (key === "markdown_render" && (arg === "slow" || arg === "large" || arg === "busy")) return t(`form.errors.markdown_render_${arg}`);
    // What only the server can tell (sign-in, account, administration), in the words those pages already use.
    const count = Math.max(1, Number(arg) || 1);
    switch (key) {
      case "invalid_credentials":
        return t("auth.invalidCredentials");
      case "throttled":
        return t("auth.throttled", { count });
      case "account_paused":
        return t("auth.accountPaused", { count });
      case "wrong_password":
        return t("account.wrongPassword");
      case "bad_code":
        return t("twoStep.invalidCode");
      case "setup_expired":
        return t("twoStep.setupExpired", { count });
      case "password_too_short":
      case "password_too_long":
      case "password_too_common":
        return t(`auth.passwordProblem.${key.slice("password_".length) as "too_short"}`);
      case "email_taken":
        return t("admin.emailTaken");
      case "city_required":
        return t("admin.cityRequired");
      case "self":
        return t("admin.self");
    }
    const known = [
      "required",
      "invalid",
      "too_long",
      "too_many",
      "bad_chars",
      "url",
      "year",
      "number",
      "date",
      "unknown_value",
      "end_before_start",
      "email",
      "answer_exists",
      "certainty_one",
      "certainty_two",
      "certainty_none",
      "coalition_city",
    ];
    return t(`form.errors.${(known.includes(key!) ? key : "invalid") as "invalid"}`, { max: arg });
  };
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => (
        <li key={e}>{text(e)}</li>
      ))}
    </ul>
  );
}

type Common = { label: string; help?: string; className?: string };

function Wrap({ field, label, help, className, children }: Common & { field: FieldMetadata<unknown>; children: ReactNode }) {
  return (
    <div className={`field ${className ?? ""} ${field.errors?.length ? "has-error" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      {help ? (
        <p className="field-help" id={`${field.id}-help`}>
          {help}
        </p>
      ) : null}
      {children}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

const describedBy = (field: FieldMetadata<unknown>, help?: string) =>
  [help ? `${field.id}-help` : "", field.errors?.length ? field.errorId : ""].filter(Boolean).join(" ") || undefined;

export function TextField({
  field,
  type = "text",
  ...rest
}: Common & {
  field: FieldMetadata<unknown>;
  type?: "text" | "url" | "email" | "number" | "password";
  autoComplete?: string;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  inputMode?: "numeric" | "email" | "text";
  /** Asked for by the browser even where the schema lets the server judge an empty value. */
  required?: boolean;
  lang?: string;
}) {
  const { label, help, className, autoComplete, lang, inputMode, ...limits } = rest;
  const props = getInputProps(field, { type, ariaDescribedBy: describedBy(field, help) });
  // Explicit limits win over those Conform reads from the schema; unset ones leave the schema's.
  const explicit = Object.fromEntries(
    Object.entries({ maxLength: limits.maxLength, minLength: limits.minLength, pattern: limits.pattern, required: limits.required }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  return (
    <Wrap field={field} label={label} help={help} className={className}>
      <input {...props} {...explicit} key={props.key} autoComplete={autoComplete} inputMode={inputMode} lang={lang} />
    </Wrap>
  );
}

export function TextArea({ field, rows = 4, lang, ...rest }: Common & { field: FieldMetadata<unknown>; rows?: number; lang?: string }) {
  const props = getTextareaProps(field, { ariaDescribedBy: describedBy(field, rest.help) });
  return (
    <Wrap field={field} {...rest}>
      <textarea {...props} key={props.key} rows={rows} lang={lang} />
    </Wrap>
  );
}

export function SelectField({
  field,
  options,
  empty,
  ...rest
}: Common & { field: FieldMetadata<unknown>; options: { value: string; label: string }[]; empty?: string }) {
  const props = getSelectProps(field, { ariaDescribedBy: describedBy(field, rest.help) });
  return (
    <Wrap field={field} {...rest}>
      <select {...props} key={props.key}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

/** A fieldset of checkboxes sharing one name (themes, rights, SDGs); `note` is quieter text after a label. */
export function CheckboxGroup({
  field,
  legend,
  options,
}: {
  field: FieldMetadata<unknown>;
  legend: string;
  options: { value: string; label: string; note?: string }[];
}) {
  const selected = new Set(([] as unknown[]).concat(field.initialValue ?? []).map(String));
  return (
    <fieldset className={`checkbox-group ${field.errors?.length ? "has-error" : ""}`} aria-describedby={field.errors?.length ? field.errorId : undefined}>
      <legend>{legend}</legend>
      <div className="checkbox-grid">
        {options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" name={field.name} value={o.value} defaultChecked={selected.has(o.value)} /> {o.label}
            {o.note ? <span className="muted"> · {o.note}</span> : null}
          </label>
        ))}
      </div>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

/** The form-level message: how many fields need attention. */
export function FormErrorSummary({ count }: { count: number }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <div className="form-error-summary" role="alert">
      {t("editor.fixErrors", { count })}
    </div>
  );
}

/** The form-level errors of a Conform form (what is wrong with the submission as a whole), announced. */
export function FormErrors({ id, errors }: { id?: string; errors?: string[] }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <p className="form-error-summary" role="alert" id={id}>
      {errors.map(text).join(" ")}
    </p>
  );
}
