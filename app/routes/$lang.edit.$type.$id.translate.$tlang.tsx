import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp } from "#app/auth/auth.server.ts";
import { FormErrorSummary, useErrorText } from "#app/components/form-fields.tsx";
import { AnswerTextFields, CityTextFields, OrganisationTextFields, PracticeTextFields } from "#app/components/editor/text-fields.tsx";
import { HtmlContent } from "#app/components/html-content.tsx";
import { answerToForm } from "#app/content-types/answer.ts";
import { cityToForm } from "#app/content-types/city.ts";
import { organisationToForm } from "#app/content-types/organisation.ts";
import { practiceText, practiceToForm } from "#app/content-types/practice.ts";
import { itemLabel } from "#app/editorial/editing.server.ts";
import type { EditableType } from "#db/schema/index.ts";
import { requireItem, SEGMENT_OF } from "#app/editorial/route-helpers.server.ts";
import { translationSchema } from "#app/editorial/schema-for.ts";
import { htmlForDisplay, renderBodies, renderErrorCode } from "#app/editorial/rendered-bodies.server.ts";
import type { Snapshot } from "#app/content-types/snapshot-types.ts";
import { storedBody } from "#app/editorial/snapshots.server.ts";
import { workingSnapshot } from "#app/editorial/items.server.ts";
import { saveEdit } from "#app/editorial/saving.server.ts";
import { ENDONYMS, isLanguage, type Language } from "#app/i18n/languages.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm } from "#app/utils/form.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

function targetLanguage(raw: string | undefined, original: Language): Language {
  if (!isLanguage(raw) || raw === original) notFound();
  return raw;
}

/** Per type: the form of one language. Which of its fields are translated, the translation schema says. */
const TO_FORM = { practice: practiceToForm, answer: answerToForm, city: cityToForm, organisation: organisationToForm } as const;

function formFor(type: EditableType, snap: Snapshot, lang: Language) {
  const all = TO_FORM[type](snap as never, lang);
  const keys = Object.keys(translationSchema(type).shape);
  return Object.fromEntries(keys.map((k) => [k, (all as Record<string, unknown>)[k]])) as Record<string, string>;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lang, item } = requireItem(request, params, context, "edit");
  const db = getDb();
  const snap = workingSnapshot(db, item)!;
  const target = targetLanguage(params.tlang, snap.originalLanguage);
  const original = formFor(item.type, snap, snap.originalLanguage);
  const title = itemLabel(db, item.type, snap, lang);
  return {
    lang,
    type: item.type,
    id: item.id,
    base: `/${lang}/edit/${SEGMENT_OF[item.type]}/${item.id}`,
    title,
    originalLanguage: snap.originalLanguage,
    target,
    // The stored HTML where the original is unchanged: a body is rendered once, not on every visit.
    original: { ...original, ...(await htmlForDisplay(original.body ?? "", storedBody(db, item.type, item.id, snap.originalLanguage))) },
    defaults: formFor(item.type, snap, target),
    meta: { title: `${title} · ${ENDONYMS[target]}` },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  // Built once to render the bodies (which waits for the worker), then again from the item as it is
  // at the moment of writing.
  const build = () => {
    const { lang, user, item } = requireItem(request, params, context, "edit");
    const base = workingSnapshot(getDb(), item)!;
    const target = targetLanguage(params.tlang, base.originalLanguage);
    const submission = parseWithZod(form, { schema: translationSchema(item.type) });
    if (submission.status !== "success") return { ok: false as const, submission };
    const v = submission.value as Record<string, string> & { outcomes?: string[] };
    const text =
      item.type === "practice"
        ? practiceText(v as never)
        : item.type === "answer"
          ? { summary: v.summary!, bodyMd: v.body! }
          : item.type === "organisation"
            ? { name: v.name!, bodyMd: v.body! }
            : { name: v.name!, summary: v.summary!, bodyMd: v.body! };
    const snapshot = { ...base, translations: { ...base.translations, [target]: text } } as Snapshot;
    return { ok: true as const, submission, lang, user, item, snapshot };
  };
  const first = build();
  if (!first.ok) return data({ result: first.submission.reply() }, { status: 400 });
  const rendered = await renderBodies(first.snapshot);
  if (!rendered.ok) return data({ result: first.submission.reply({ fieldErrors: { body: [renderErrorCode(rendered)] } }) }, { status: 400 });
  const now = build();
  if (!now.ok) return data({ result: now.submission.reply() }, { status: 400 });
  const { lang, user, item, snapshot } = now;
  const { changed } = saveEdit(getDb(), user, item, snapshot, rendered.html, { ip: clientIp(context) });
  return redirect(`/${lang}/edit/${SEGMENT_OF[item.type]}/${item.id}?${changed ? "saved" : "unchanged"}=1`, { status: 303 });
}

export default function Translate() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const schema = translationSchema(data.type);
  const [form, fields] = useForm({
    id: `translate-${data.type}-${data.id}-${data.target}`,
    lastResult: actionData?.result,
    defaultValue: data.defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const f = fields as unknown as Parameters<typeof PracticeTextFields>[0]["fields"];
  const o = data.original as Record<string, string>;
  return (
    <>
      <p>
        <Link to={data.base}>← {data.title}</Link>
      </p>
      <h1>{t("editor.translationTitle", { language: ENDONYMS[data.target] })}</h1>
      <div className="side-by-side">
        <section aria-labelledby="original-h" lang={data.originalLanguage} className="original-text">
          <h2 id="original-h">{t("editor.original", { language: ENDONYMS[data.originalLanguage] })}</h2>
          {o.title || o.name ? <h3>{o.title || o.name}</h3> : null}
          <p>
            <strong>{o.summary}</strong>
          </p>
          {data.original.error ? (
            <p className="field-errors" role="alert">
              {errorText(data.original.error)}
            </p>
          ) : (
            <HtmlContent html={data.original.html ?? ""} lang={data.originalLanguage} />
          )}
          {o.outcomes ? <p className="preserve-lines">{o.outcomes}</p> : null}
          {o.continuity ? <p>{o.continuity}</p> : null}
        </section>
        <section aria-labelledby="translation-h">
          <h2 id="translation-h">{t("editor.translation", { language: ENDONYMS[data.target] })}</h2>
          <Form method="post" {...getFormProps(form)} className="stack">
            <FormErrorSummary count={Object.values(form.allErrors).length} />
            {data.type === "practice" ? (
              <PracticeTextFields fields={f} lang={data.target} />
            ) : data.type === "answer" ? (
              <AnswerTextFields fields={f} lang={data.target} />
            ) : data.type === "organisation" ? (
              <OrganisationTextFields fields={f} lang={data.target} />
            ) : (
              <CityTextFields fields={f} lang={data.target} />
            )}
            <button type="submit">{t("editor.save")}</button>
          </Form>
        </section>
      </div>
    </>
  );
}
