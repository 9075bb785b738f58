import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors } from "#app/components/form-fields.tsx";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any>;
export type RowFields = Record<string, AnyField>;

/** A repeated group (partners, sources, facts): one fieldset per row. */
export function RowGroup({
  rows,
  legend,
  help,
  list,
  children,
}: {
  rows: AnyField[];
  /** The list itself, for errors about the whole list ("at least one source"). */
  list?: AnyField;
  legend: string;
  help?: string;
  children: (row: RowFields, index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className={`row-group ${list?.errors?.length ? "has-error" : ""}`} aria-describedby={list?.errors?.length ? list.errorId : undefined}>
      <legend>{legend}</legend>
      {help ? <p className="field-help">{help}</p> : null}
      {list ? <FieldErrors id={list.errorId} errors={list.errors} /> : null}
      {rows.map((row, i) => (
        <fieldset key={row.key} className="row">
          <legend className="visually-hidden">{t("editor.row", { n: i + 1 })}</legend>
          {children((row as unknown as { getFieldset: () => RowFields }).getFieldset(), i)}
        </fieldset>
      ))}
    </fieldset>
  );
}
