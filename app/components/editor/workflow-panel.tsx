import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ItemAction, ItemState } from "#app/auth/permissions.ts";
import { formatDateTime } from "#app/utils/format.ts";
import type { Language } from "#app/i18n/languages.ts";
import { useErrorText } from "#app/components/form-fields.tsx";

const TRANSITION_ORDER = ["submit", "withdraw", "publish", "request_changes", "reject", "unpublish", "archive", "reopen"] as const;
const NEEDS_COMMENT = new Set<string>(["request_changes", "reject"]);

export type TrailEvent = { id: number; action: string; fromState: string; toState: string; comment: string | null; createdAt: string; actor: string | null };

export function StateBadge({ state }: { state: ItemState }) {
  const { t } = useTranslation();
  return <span className={`state-badge state-${state}`}>{t(`states.${state}`)}</span>;
}

/** The review controls: one button per transition this user may make now, and the trail so far. */
export function WorkflowPanel({
  lang,
  action,
  state,
  allowed,
  trail,
  error,
}: {
  lang: Language;
  action: string;
  state: ItemState;
  allowed: ItemAction[];
  trail: TrailEvent[];
  error?: string | null;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const transitions = TRANSITION_ORDER.filter((a) => allowed.includes(a));
  const commentable = transitions.some((a) => NEEDS_COMMENT.has(a));
  return (
    <aside className="workflow-panel" aria-labelledby="workflow-h">
      <h2 id="workflow-h">{t("workflow.title")}</h2>
      <p>
        {t("workflow.state")}: <StateBadge state={state} />
      </p>
      {transitions.length ? (
        <Form method="post" action={action} className="stack">
          {commentable ? (
            <div className={`field ${error === "comment_required" ? "has-error" : ""}`}>
              <label htmlFor="review-comment">{t("workflow.comment")}</label>
              <p className="field-help" id="review-comment-help">
                {t("workflow.commentHelp")}
              </p>
              <textarea
                id="review-comment"
                name="comment"
                rows={3}
                maxLength={2000}
                aria-describedby={error === "comment_required" ? "review-comment-help review-comment-error" : "review-comment-help"}
              />
              {error === "comment_required" ? (
                <ul className="field-errors" id="review-comment-error">
                  <li>{t("workflow.commentRequired")}</li>
                </ul>
              ) : null}
            </div>
          ) : null}
          {error === "not_allowed_in_state" ? <p className="form-error-summary">{t("workflow.notInState")}</p> : null}
          {error?.startsWith("markdown_") ? (
            <p className="form-error-summary" role="alert">
              {errorText(error)}
            </p>
          ) : null}
          <div className="button-row">
            {transitions.map((a) => (
              <button key={a} type="submit" name="intent" value={a} className={a === "publish" || a === "submit" ? "" : "secondary"}>
                {t(`workflow.${a}`)}
              </button>
            ))}
          </div>
        </Form>
      ) : null}
      {trail.length ? (
        <>
          <h3>{t("workflow.trail")}</h3>
          <ol className="trail">
            {trail.map((e) => (
              <li key={e.id}>
                <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, lang)}</time>{" "}
                {t("workflow.event", {
                  actor: e.actor ?? t("workflow.someone"),
                  action: e.action === "create" ? t("workflow.create") : t(`workflow.${e.action as (typeof TRANSITION_ORDER)[number]}`),
                  from: t(`states.${e.fromState as ItemState}`),
                  to: t(`states.${e.toState as ItemState}`),
                })}
                {e.comment ? <blockquote className="review-comment">{e.comment}</blockquote> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </aside>
  );
}
