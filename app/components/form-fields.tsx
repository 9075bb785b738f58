import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { MARKDOWN_LIMITS, type MarkdownRule } from "#app/utils/markdown-limits.ts";

/** Error codes from app/editorial/forms.ts (`too_long:200`, `markdown_complex:brackets`) in the reader's language. */
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
  lang?: string;
}) {
  const { label, help, className, autoComplete, maxLength, lang } = rest;
  const props = getInputProps(field, { type, ariaDescribedBy: describedBy(field, help) });
  return (
    <Wrap field={field} label={label} help={help} className={className}>
      <input {...props} key={props.key} autoComplete={autoComplete} maxLength={maxLength} lang={lang} />
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

/** A fieldset of checkboxes sharing one name (themes, rights, SDGs). */
export function CheckboxGroup({ field, legend, options }: { field: FieldMetadata<unknown>; legend: string; options: { value: string; label: string }[] }) {
  const selected = new Set(([] as unknown[]).concat(field.initialValue ?? []).map(String));
  return (
    <fieldset className={`checkbox-group ${field.errors?.length ? "has-error" : ""}`} aria-describedby={field.errors?.length ? field.errorId : undefined}>
      <legend>{legend}</legend>
      <div className="checkbox-grid">
        {options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" name={field.name} value={o.value} defaultChecked={selected.has(o.value)} /> {o.label}
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
