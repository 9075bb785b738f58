import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize } from "#app/auth/authorize.ts";
import { requirePermission } from "#app/auth/auth.server.ts";
import { StateBadge } from "#app/components/editor/workflow-panel.tsx";
import { reviewPath } from "#app/editorial/review.server.ts";
import { SEGMENT_OF } from "#app/editorial/route-helpers.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import type { Language } from "#app/i18n/languages.ts";
import { IN_REVIEW, listWorkItems, type WorkItem } from "#app/models/editorial.server.ts";
import { getUserById } from "#app/models/users.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { formatDateTime } from "#app/utils/format.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = requirePermission(request, lang, context, "dashboard");
  const t = await getT(lang);
  const db = getDb();
  const mine = user.role === "contributor" ? listWorkItems(db, lang, user.cityIds) : [];
  const isCurator = authorize(user, "review_queue").allowed;
  const queue = isCurator ? listWorkItems(db, lang).filter((i) => IN_REVIEW.includes(i.state)) : [];
  // Items waiting for review open read-only, with the review actions for those who may review.
  const withLink = (i: WorkItem) => ({
    ...i,
    href: IN_REVIEW.includes(i.state) ? reviewPath(lang, i.type, i.id) : `/${lang}/edit/${SEGMENT_OF[i.type]}/${i.id}`,
  });
  return {
    lang,
    name: user.displayName,
    // Accounts that publish for the whole network are asked to use two-step verification.
    needsTwoStep: user.role !== "contributor" && !getUserById(db, user.id)?.totpKey,
    isCurator,
    isAdmin: authorize(user, "manage_users").allowed,
    needsChanges: mine.filter((i) => i.changesRequested).map(withLink),
    drafts: mine.filter((i) => !i.changesRequested && (i.state === "draft" || i.state === "published_draft")).map(withLink),
    inReview: mine.filter((i) => IN_REVIEW.includes(i.state)).map(withLink),
    cityProfiles: mine.filter((i) => i.type === "city").map(withLink),
    queue: queue.map(withLink),
    queueByType: (["practice", "answer", "city", "organisation"] as const).map((type) => ({ type, count: queue.filter((i) => i.type === type).length })),
    meta: { title: t("dashboard.title") },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

type Row = WorkItem & { href: string };

function ItemTable({ items, lang, caption }: { items: Row[]; lang: Language; caption: string }) {
  const { t } = useTranslation();
  if (!items.length) return <p className="muted">{t("dashboard.noItems")}</p>;
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("editor.title")}</th>
          <th scope="col">{t("dashboard.byType")}</th>
          <th scope="col">{t("workflow.state")}</th>
          <th scope="col">{t("account.lastSeen")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={`${i.type}-${i.id}`}>
            <td>
              <Link to={i.href}>{i.title}</Link>
            </td>
            <td>{t(`types.${i.type}`)}</td>
            <td>
              <StateBadge state={i.state} />
            </td>
            <td>{formatDateTime(i.updatedAt, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function Dashboard() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p className="muted">{t("auth.signedInAs", { name: d.name })}</p>
      {d.needsTwoStep ? (
        <p className="notice">
          <Link to={`/${d.lang}/account`}>{t("twoStep.reminder")}</Link>
        </p>
      ) : null}
      {!d.isCurator ? (
        <>
          <p className="button-row">
            <Link className="button" to={`/${d.lang}/edit/practices/new`}>
              {t("dashboard.newPractice")}
            </Link>
            <Link className="button" to={`/${d.lang}/edit/answers/new`}>
              {t("dashboard.newAnswer")}
            </Link>
            <Link className="button" to={`/${d.lang}/edit/organisations/new`}>
              {t("editor.newOrganisation")}
            </Link>
            {d.cityProfiles.map((c) => (
              <Link key={c.id} className="button secondary" to={c.href}>
                {t("dashboard.editCity", { city: c.title })}
              </Link>
            ))}
          </p>
          <section aria-labelledby="changes-h">
            <h2 id="changes-h">{t("dashboard.needsChanges")}</h2>
            <ItemTable items={d.needsChanges} lang={d.lang} caption={t("dashboard.needsChanges")} />
          </section>
          <section aria-labelledby="drafts-h">
            <h2 id="drafts-h">{t("dashboard.yourDrafts")}</h2>
            <ItemTable items={d.drafts} lang={d.lang} caption={t("dashboard.yourDrafts")} />
          </section>
          <section aria-labelledby="review-h">
            <h2 id="review-h">{t("dashboard.inReview")}</h2>
            <ItemTable items={d.inReview} lang={d.lang} caption={t("dashboard.inReview")} />
          </section>
        </>
      ) : (
        <>
          <p className="button-row">
            <Link className="button" to={`/${d.lang}/edit/practices/new`}>
              {t("dashboard.newPractice")}
            </Link>
            <Link className="button" to={`/${d.lang}/edit/organisations/new`}>
              {t("editor.newOrganisation")}
            </Link>
          </p>
          <section aria-labelledby="queue-h">
            <h2 id="queue-h">{t("dashboard.reviewQueue")}</h2>
            <p>
              <strong>{t("dashboard.queueCount", { count: d.queue.length })}</strong>
              {": "}
              {d.queueByType.map((q) => `${t(`types.${q.type}`)} ${q.count}`).join(" · ")}
            </p>
            <ItemTable items={d.queue} lang={d.lang} caption={t("dashboard.reviewQueue")} />
          </section>
          <section aria-labelledby="admin-h">
            <h2 id="admin-h">{t("dashboard.admin")}</h2>
            <ul>
              <li>
                <Link to={`/${d.lang}/curate`}>{t("curate.dashboardLink")}</Link>
              </li>
              <li>
                <Link to={`/${d.lang}/admin/users`}>{t("dashboard.users")}</Link>
              </li>
              {d.isAdmin ? (
                <>
                  <li>
                    <Link to={`/${d.lang}/admin/audit`}>{t("dashboard.audit")}</Link>
                  </li>
                  <li>
                    <Link to={`/${d.lang}/admin/mailbox`}>{t("dashboard.mailbox")}</Link>
                  </li>
                </>
              ) : null}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
