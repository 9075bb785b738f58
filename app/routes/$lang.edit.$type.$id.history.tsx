import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp } from "#app/auth/auth.server.ts";
import { DiffTable } from "#app/components/editor/diff-table.tsx";
import { useErrorText } from "#app/components/form-fields.tsx";
import { diffSnapshots } from "#app/editorial/diff.ts";
import { renderBodies, renderErrorCode } from "#app/editorial/rendered-bodies.server.ts";
import { itemLabel } from "#app/editorial/editing.server.ts";
import { allowedActions, requireItem, SEGMENT_OF } from "#app/editorial/route-helpers.server.ts";
import type { Snapshot } from "#app/content-types/snapshot-types.ts";
import { currentSnapshot } from "#app/editorial/snapshots.server.ts";
import { workingSnapshot } from "#app/editorial/items.server.ts";
import { listRevisions } from "#app/editorial/revisions.server.ts";
import { saveEdit } from "#app/editorial/saving.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { formatDateTime } from "#app/utils/format.ts";
import { readForm, single } from "#app/utils/form.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

const HISTORY_PAGE = 20;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lang, user, item } = requireItem(request, params, context, "history");
  const db = getDb();
  // The newest versions first, a page at a time: each is compared with the one before it.
  const all = listRevisions(db, item);
  const page = Math.max(1, Math.min(10_000, Number(new URL(request.url).searchParams.get("page")) || 1));
  const revisions = all.slice((page - 1) * HISTORY_PAGE, page * HISTORY_PAGE + 1);
  const title = itemLabel(db, item.type, workingSnapshot(db, item), lang);
  return {
    lang,
    title,
    base: `/${lang}/edit/${SEGMENT_OF[item.type]}/${item.id}`,
    canRestore: allowedActions(user, item).includes("restore"),
    notice: new URL(request.url).searchParams.get("restored"),
    restoreError: new URL(request.url).searchParams.get("restoreError"),
    page,
    pages: Math.max(1, Math.ceil(all.length / HISTORY_PAGE)),
    revisions: revisions.slice(0, HISTORY_PAGE).map((r, i) => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      restoredFrom: r.restoredFrom,
      author: r.author,
      createdAt: r.createdAt.toISOString(),
      // Each version against the one before it (the list is newest first).
      changes: diffSnapshots(revisions[i + 1]?.snapshot, r.snapshot),
    })),
    meta: { title },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const number = Number(single(form, "revision"));
  // Read once to render the version's bodies (which waits for the worker), then again for the write,
  // so the permission check is that of the moment of writing.
  const find = () => {
    const { lang, user, item } = requireItem(request, params, context, "restore");
    const rev = listRevisions(getDb(), item).find((r) => r.number === number);
    if (!rev) throw new Response("Not Found", { status: 404 });
    return { lang, user, item, snapshot: currentSnapshot(item.type, rev.snapshot as Snapshot) };
  };
  const rendered = await renderBodies(find().snapshot);
  const { lang, user, item, snapshot } = find();
  const history = `/${lang}/edit/${SEGMENT_OF[item.type]}/${item.id}/history`;
  if (!rendered.ok) return redirect(`${history}?restoreError=${encodeURIComponent(renderErrorCode(rendered))}`, { status: 303 });
  saveEdit(getDb(), user, item, snapshot, rendered.html, { kind: "restore", restoredFrom: number, ip: clientIp(context) });
  return redirect(`${history}?restored=${number}`, { status: 303 });
}

export default function History() {
  const { lang, title, base, revisions, canRestore, notice, restoreError, page, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <>
      <p>
        <Link to={base}>← {title}</Link>
      </p>
      <h1>{t("history.title", { title })}</h1>
      {restoreError ? (
        <p className="field-errors" role="alert">
          {errorText(restoreError)}
        </p>
      ) : null}
      {notice ? (
        <p className="notice" role="status">
          {t("history.restored", { n: notice })}
        </p>
      ) : null}
      <ol className="revisions" reversed>
        {revisions.map((r, i) => (
          <li key={r.id} className="revision">
            <h2>
              {t("history.revision", { n: r.number })}{" "}
              <small>
                <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, lang)}</time>
                {r.author ? ` · ${t("history.by", { name: r.author })}` : ""} · {t(`history.kinds.${r.kind as "save"}`, { from: r.restoredFrom })}
              </small>
            </h2>
            {r.number === 1 ? <p className="muted">{t("history.first")}</p> : null}
            {r.changes.length === 0 ? (
              <p className="muted">{t("history.noChanges")}</p>
            ) : r.number === 1 ? null : (
              <DiffTable changes={r.changes} caption={t("history.changes")} />
            )}
            {canRestore && (i > 0 || page > 1) ? (
              <Form method="post">
                <input type="hidden" name="revision" value={r.number} />
                <button type="submit" className="secondary">
                  {t("history.restore")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav aria-label={t("search.pagination")} className="button-row">
          {page > 1 ? <Link to={`${base}/history?page=${page - 1}`}>{t("search.previous")}</Link> : null}
          <span>{t("search.pageOf", { page, pages })}</span>
          {page < pages ? <Link to={`${base}/history?page=${page + 1}`}>{t("search.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
