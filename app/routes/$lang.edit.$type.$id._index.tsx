import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { clientIp } from "#app/auth/auth.server.ts";
import { FormErrorSummary, useErrorText } from "#app/components/form-fields.tsx";
import { CityStructureFields, OrganisationStructureFields, PracticeStructureFields, SourcesFields } from "#app/components/editor/structure-fields.tsx";
import { AnswerTextFields, CityTextFields, OrganisationTextFields, PracticeTextFields } from "#app/components/editor/text-fields.tsx";
import { StateBadge, WorkflowPanel } from "#app/components/editor/workflow-panel.tsx";
import { HtmlContent } from "#app/components/html-content.tsx";
import { PracticeDetail } from "#app/components/practice-detail.tsx";
import { answerFromForm } from "#app/content-types/answer.ts";
import { cityFromForm, type CityForm } from "#app/content-types/city.ts";
import { vocabSlugs } from "#app/content-types/fields.ts";
import { organisationFromForm, type OrganisationForm } from "#app/content-types/organisation.ts";
import { practiceFromForm, type PracticeForm } from "#app/content-types/practice.ts";
import { editFormDefaults, itemLabel, publicPath, vocabularies } from "#app/editorial/editing.server.ts";
import { allowedActions, requireItem, SEGMENT_OF } from "#app/editorial/route-helpers.server.ts";
import { editSchema } from "#app/editorial/schema-for.ts";
import type { AnswerSnapshot, CitySnapshot, OrganisationSnapshot, PracticeSnapshot } from "#app/content-types/snapshot-types.ts";
import { practicePreview } from "#app/editorial/preview.server.ts";
import { renderBodies, renderErrorCode } from "#app/editorial/rendered-bodies.server.ts";
import { workingSnapshot } from "#app/editorial/items.server.ts";
import { reviewTrail } from "#app/editorial/review-events.server.ts";
import { saveEdit } from "#app/editorial/saving.server.ts";
import { ENDONYMS, LANGUAGES } from "#app/i18n/languages.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm } from "#app/utils/form.server.ts";
import { renderMarkdownSafely } from "#app/utils/markdown-pool.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lang, user, item } = requireItem(request, params, context, "view");
  const db = getDb();
  const snap = workingSnapshot(db, item)!;
  const vocab = item.type === "practice" || item.type === "organisation" ? vocabularies(lang) : null;
  const original = snap.originalLanguage;
  const url = new URL(request.url);
  return {
    lang,
    type: item.type,
    id: item.id,
    segment: SEGMENT_OF[item.type],
    state: item.state,
    title: itemLabel(db, item.type, snap, lang),
    original,
    translations: LANGUAGES.filter((l) => l !== original).map((l) => ({ lang: l, exists: Boolean(snap.translations[l]) })),
    allowed: allowedActions(user, item),
    publicPath: item.status === "published" ? publicPath(db, lang, item.type, item.id) : null,
    contributorOnPublished: user.role === "contributor" && item.status === "published",
    vocab,
    defaults: editFormDefaults(item.type, snap),
    trail: reviewTrail(db, item).map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    notice: url.searchParams.get("saved") ? "saved" : url.searchParams.get("unchanged") ? "unchanged" : url.searchParams.get("done"),
    workflowError: url.searchParams.get("error"),
    meta: { title: itemLabel(db, item.type, snap, lang) },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const checked = requireItem(request, params, context, "edit");
  const vocab = checked.item.type === "practice" || checked.item.type === "organisation" ? vocabSlugs(vocabularies(checked.lang)) : null;
  const submission = parseWithZod(form, { schema: editSchema(checked.item.type, vocab) });
  if (form.get("intent") === "preview") {
    // A practice whose fields are valid is previewed whole, as its page will show it; otherwise the
    // body alone. The same limits as saving (a preview must not be a way around them), rendered off
    // the main thread.
    if (submission.status === "success" && checked.item.type === "practice") {
      const snapshot = practiceFromForm(submission.value as PracticeForm, workingSnapshot(getDb(), checked.item) as PracticeSnapshot);
      const rendered = await renderBodies({ ...snapshot, translations: { [snapshot.originalLanguage]: snapshot.translations[snapshot.originalLanguage] } });
      return rendered.ok
        ? data({ result: submission.reply(), preview: null, previewError: null, previewItem: practicePreview(snapshot, checked.lang, rendered.html) })
        : data({ result: submission.reply(), preview: null, previewError: renderErrorCode(rendered), previewItem: null });
    }
    const body = typeof form.get("body") === "string" ? String(form.get("body")).slice(0, 100_000) : "";
    const rendered = await renderMarkdownSafely(body);
    return data({
      result: submission.reply(),
      preview: rendered.ok ? rendered.html : null,
      previewError: rendered.ok ? null : renderErrorCode(rendered),
      previewItem: null,
    });
  }
  if (submission.status !== "success") return data({ result: submission.reply(), preview: null, previewError: null, previewItem: null }, { status: 400 });
  // The snapshot is built from the item as it is at the moment of writing: once to render its bodies
  // (which waits for the worker), then again after, so the check and the base text are current.
  const build = () => {
    const { lang, user, item } = requireItem(request, params, context, "edit");
    const base = workingSnapshot(getDb(), item)!;
    const snapshot =
      item.type === "practice"
        ? practiceFromForm(submission.value as PracticeForm, base as PracticeSnapshot)
        : item.type === "answer"
          ? answerFromForm(submission.value as { summary: string; body: string; sources: { title: string; url: string }[] }, base as AnswerSnapshot)
          : item.type === "organisation"
            ? organisationFromForm(submission.value as OrganisationForm, base as OrganisationSnapshot)
            : cityFromForm(submission.value as CityForm, base as CitySnapshot);
    return { lang, user, item, snapshot };
  };
  const rendered = await renderBodies(build().snapshot);
  if (!rendered.ok)
    return data(
      { result: submission.reply({ fieldErrors: { body: [renderErrorCode(rendered)] } }), preview: null, previewError: null, previewItem: null },
      { status: 400 },
    );
  const { lang, user, item, snapshot } = build();
  const { changed } = saveEdit(getDb(), user, item, snapshot, rendered.html, { ip: clientIp(context) });
  return redirect(`/${lang}/edit/${SEGMENT_OF[item.type]}/${item.id}?${changed ? "saved" : "unchanged"}=1`, { status: 303 });
}

const PREVIEW_SCHEMA = z.object({}).passthrough();

export default function EditItem() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const previewRef = useRef<HTMLElement>(null);
  // With JavaScript the preview is brought into view and focus; without, it is the first thing on the page.
  useEffect(() => previewRef.current?.focus(), [actionData]);
  const errorText = useErrorText();
  const { t } = useTranslation();
  const vocab = data.vocab ? vocabSlugs(data.vocab) : null;
  const schema = editSchema(data.type, vocab);
  const [form, fields] = useForm({
    id: `edit-${data.type}-${data.id}`,
    lastResult: actionData?.result,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    defaultValue: data.defaults as any,
    // A preview is not a save: it goes to the server even when fields are still invalid.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formData.get("intent") === "preview" ? PREVIEW_SCHEMA : schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const canEdit = data.allowed.includes("edit");
  const errorCount = Object.values(form.allErrors).length;
  const base = `/${data.lang}/edit/${data.segment}/${data.id}`;
  const f = fields as unknown as Parameters<typeof PracticeTextFields>[0]["fields"];
  return (
    <div className="editor-layout">
      <div className="editor-main">
        <p className="eyebrow">{t(`types.${data.type}`)}</p>
        <h1>{data.title}</h1>
        <p>
          <StateBadge state={data.state} /> · {t("editor.originalLanguage", { language: ENDONYMS[data.original] })}
          {data.publicPath ? (
            <>
              {" "}
              · <Link to={data.publicPath}>{t("editor.viewPublic")}</Link>
            </>
          ) : null}{" "}
          · <Link to={`${base}/history`}>{t("editor.history")}</Link> · <Link to={`${base}/review`}>{t("review.link")}</Link>
        </p>
        {canEdit ? null : (
          <p className="notice">
            {t("review.readOnlyOther")} <Link to={`${base}/review`}>{t("review.seeReadOnly")}</Link>
          </p>
        )}
        {data.notice === "saved" || data.notice === "unchanged" ? (
          <p className="notice" role="status">
            {t(data.notice === "saved" ? "editor.saved" : "editor.unchanged")}
          </p>
        ) : data.notice && data.notice in { submit: 1, withdraw: 1, publish: 1, request_changes: 1, reject: 1, unpublish: 1, archive: 1, reopen: 1 } ? (
          <p className="notice" role="status">
            {t(`workflow.done.${data.notice as "publish"}`)}
          </p>
        ) : null}
        {data.contributorOnPublished && canEdit ? <p className="notice">{t("workflow.pendingNotice")}</p> : null}
        {actionData?.preview != null || actionData?.previewError || actionData?.previewItem ? (
          <section className="preview" aria-labelledby="preview-h" tabIndex={-1} ref={previewRef}>
            <h2 id="preview-h">{t("editor.previewTitle")}</h2>
            {actionData.previewError ? (
              <p className="field-errors" role="alert">
                {errorText(actionData.previewError)}
              </p>
            ) : actionData.previewItem ? (
              <PracticeDetail lang={data.lang} practice={actionData.previewItem} level={2} />
            ) : (
              <>
                {data.type === "practice" ? <p className="muted">{t("editor.previewBodyOnly")}</p> : null}
                <HtmlContent html={actionData.preview ?? ""} lang={data.original} />
              </>
            )}
          </section>
        ) : null}
        {canEdit ? (
          <Form method="post" {...getFormProps(form)} className="stack editor-form">
            <FormErrorSummary count={errorCount} />
            <fieldset lang={data.original}>
              <legend>{t("editor.original", { language: ENDONYMS[data.original] })}</legend>
              {data.type === "practice" ? (
                <PracticeTextFields fields={f} lang={data.original} />
              ) : data.type === "answer" ? (
                <AnswerTextFields fields={f} lang={data.original} />
              ) : data.type === "organisation" ? (
                <OrganisationTextFields fields={f} lang={data.original} />
              ) : (
                <CityTextFields fields={f} lang={data.original} />
              )}
            </fieldset>
            {data.type === "practice" && data.vocab ? (
              <PracticeStructureFields fields={f} vocab={data.vocab} />
            ) : data.type === "city" ? (
              <CityStructureFields fields={f} />
            ) : data.type === "organisation" && data.vocab ? (
              <OrganisationStructureFields fields={f} themes={data.vocab.themes} />
            ) : (
              <SourcesFields fields={f} />
            )}
            <div className="button-row">
              <button type="submit" name="intent" value="save">
                {t("editor.save")}
              </button>
              <button type="submit" name="intent" value="preview" className="secondary" formNoValidate>
                {t("editor.preview")}
              </button>
            </div>
          </Form>
        ) : null}
        <section aria-labelledby="translations-h">
          <h2 id="translations-h">{t("editor.translations")}</h2>
          <ul className="translation-list">
            {data.translations.map((tr) => (
              <li key={tr.lang}>
                {canEdit ? (
                  <Link to={`${base}/translate/${tr.lang}`}>
                    {tr.exists ? t("editor.editTranslation", { language: ENDONYMS[tr.lang] }) : t("editor.translate", { language: ENDONYMS[tr.lang] })}
                  </Link>
                ) : (
                  <span>
                    {ENDONYMS[tr.lang]}: {tr.exists ? "✓" : t("editor.missingTranslation")}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <WorkflowPanel lang={data.lang} action={`${base}/workflow`} state={data.state} allowed={data.allowed} trail={data.trail} error={data.workflowError} />
    </div>
  );
}
