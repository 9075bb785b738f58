import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "#app/auth/auth.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { listMail } from "#app/models/users.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { formatDateTime } from "#app/utils/format.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = langParam(params);
  requirePermission(request, lang, context, "view_mailbox");
  const t = await getT(lang);
  return { lang, mail: listMail(getDb()).map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })), meta: { title: t("admin.mailboxTitle") } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

export default function Mailbox() {
  const { lang, mail } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("admin.mailboxTitle")}</h1>
      <p>{t("admin.mailboxIntro")}</p>
      {mail.length === 0 ? <p className="muted">{t("admin.noMail")}</p> : null}
      {mail.map((m) => (
        <article key={m.id} className="mail card">
          <h2>{m.subject}</h2>
          <p className="card-meta">
            {t("admin.to")}: <span className="mail-to">{m.to}</span> · {formatDateTime(m.createdAt, lang)}
          </p>
          <pre className="mail-body">{m.body}</pre>
        </article>
      ))}
    </>
  );
}
