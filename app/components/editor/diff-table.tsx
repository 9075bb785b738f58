import { useTranslation } from "react-i18next";
import type { FieldChange } from "#app/editorial/diff.ts";

/** Field-by-field differences between two versions: word by word for long text, else before and after. */
export function DiffTable({ changes, caption }: { changes: FieldChange[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <table className="data-table diff-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("history.field")}</th>
          <th scope="col">{t("history.before")}</th>
          <th scope="col">{t("history.after")}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">
              <code>{c.field}</code>
            </th>
            {c.pieces ? (
              <td colSpan={2} className="diff-text">
                {c.pieces.map((p, k) => (p.added ? <ins key={k}>{p.value}</ins> : p.removed ? <del key={k}>{p.value}</del> : <span key={k}>{p.value}</span>))}
              </td>
            ) : (
              <>
                <td>{c.before ? <del>{c.before}</del> : "—"}</td>
                <td>{c.after ? <ins>{c.after}</ins> : "—"}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
