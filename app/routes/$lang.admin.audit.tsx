import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "#app/auth/auth.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { listAudit } from "#app/models/audit.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = langParam(params);
  requirePermission(request, lang, context, "view_audit");
  const t = await getT(lang);
  const before = Number(new URL(request.url).searchParams.get("before")) || undefined;
  const rows = listAudit(getDb(), before);
  return {
    lang,
    rows: rows.map((r) => ({ ...r.entry, at: r.entry.at.toISOString(), actor: r.actorEmail, detail: r.entry.detail ? JSON.stringify(r.entry.detail) : "" })),
    meta: { title: t("admin.auditTitle") },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

export default function Audit() {
  const { lang, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("admin.auditTitle")}</h1>
      <p>{t("admin.auditIntro")}</p>
      <table className="data-table audit-table">
        <thead>
          <tr>
            <th scope="col">{t("admin.when")}</th>
            <th scope="col">{t("admin.who")}</th>
            <th scope="col">{t("admin.what")}</th>
            <th scope="col">{t("admin.outcome")}</th>
            <th scope="col">{t("admin.target")}</th>
            <th scope="col">{t("admin.ip")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <time dateTime={r.at}>{r.at.replace("T", " ").slice(0, 19)}</time>
              </td>
              <td>{r.actor ?? "—"}</td>
              <td>
                <code>{r.action}</code> <small className="muted">{r.detail}</small>
              </td>
              <td>{r.outcome}</td>
              <td>{r.targetType ? `${r.targetType} ${r.targetId ?? ""}` : "—"}</td>
              <td>{r.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 100 ? (
        <p>
          <Link to={`/${lang}/admin/audit?before=${rows[rows.length - 1]!.id}`}>{t("admin.older")}</Link>
        </p>
      ) : null}
    </>
  );
}
