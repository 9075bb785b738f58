import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DiffTable } from "#app/components/editor/diff-table.tsx";
import { ReadOnlyItemView } from "#app/components/editor/read-only-item.tsx";
import { StateBadge, WorkflowPanel } from "#app/components/editor/workflow-panel.tsx";
import { reviewPage } from "#app/editorial/review.server.ts";
import { requireItem } from "#app/editorial/route-helpers.server.ts";
import { workflowAction } from "#app/editorial/workflow-action.server.ts";
import { TRANSITIONS } from "#app/editorial/transitions.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { ENDONYMS } from "#app/i18n/languages.ts";
import { getDb } from "#app/utils/db.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

/**
 * An item read-only, as readers will see it: its state, what the waiting change does to the
 * published version, the review trail with the reviewers' comments, and the transitions this user
 * may make. Curators review here; contributors follow their submitted items here.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lang, user, item } = requireItem(request, params, context, "view");
  const page = await reviewPage(getDb(), user, item, lang);
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  const t = await getT(lang);
  return {
    lang,
    ...page,
    done: done && (TRANSITIONS as readonly string[]).includes(done) ? (done as (typeof TRANSITIONS)[number]) : null,
    workflowError: url.searchParams.get("error"),
    meta: { title: t("review.title", { title: page.title }) },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

/** The review buttons post here: the same transition handler as the editor's panel, back to this page. */
export function action(args: ActionFunctionArgs) {
  return workflowAction(args, "review");
}

export default function ReviewItem() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const waiting = d.state === "in_review" || d.state === "published_in_review";
  return (
    <div className="editor-layout">
      <div className="editor-main">
        <p className="eyebrow">
          {t(`types.${d.type}`)}
          {d.city ? ` · ${d.city}` : ""}
        </p>
        <h1>{t("review.title", { title: d.title })}</h1>
        <p>
          <StateBadge state={d.state} /> · {t("editor.originalLanguage", { language: ENDONYMS[d.item.language] })}
          {d.canEdit ? (
            <>
              {" "}
              · <Link to={d.editPath}>{t("review.openEditor")}</Link>
            </>
          ) : null}{" "}
          · <Link to={`${d.editPath}/history`}>{t("editor.history")}</Link>
          {d.publicPath ? (
            <>
              {" "}
              · <Link to={d.publicPath}>{t("editor.viewPublic")}</Link>
            </>
          ) : null}
        </p>
        {d.done ? (
          <p className="notice" role="status">
            {t(`workflow.done.${d.done}`)}
          </p>
        ) : null}
        {!d.canEdit ? (
          <p className="notice">{t(waiting ? "review.readOnlyWaiting" : d.state === "archived" ? "review.readOnlyArchived" : "review.readOnlyOther")}</p>
        ) : null}
        <section aria-labelledby="changes-h">
          <h2 id="changes-h">{t("review.changes")}</h2>
          {d.comparison.kind === "first_publication" ? (
            <p>{t("review.firstPublication")}</p>
          ) : d.comparison.kind === "no_pending_change" ? (
            <p>{t("review.noPendingChange")}</p>
          ) : d.comparison.changes.length === 0 ? (
            <p>{t("review.noDifferences")}</p>
          ) : (
            <DiffTable changes={d.comparison.changes} caption={t("review.changes")} />
          )}
        </section>
        <section className="preview" aria-labelledby="as-readers-h">
          <h2 id="as-readers-h">{t("review.asReaders")}</h2>
          <ReadOnlyItemView lang={d.lang} item={d.item} />
        </section>
      </div>
      <WorkflowPanel lang={d.lang} action={d.reviewPath} state={d.state} allowed={d.allowed} trail={d.trail} error={d.workflowError} />
    </div>
  );
}
