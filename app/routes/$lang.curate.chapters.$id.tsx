import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp, requirePermission } from "#app/auth/auth.server.ts";
import { CheckboxGroup, FormErrorSummary } from "#app/components/form-fields.tsx";
import { idParam } from "#app/editorial/route-helpers.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { chapterLinksSchema } from "#app/models/curation-forms.ts";
import { chapterLinks, curationOptions, saveChapterLinks } from "#app/models/curation.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm } from "#app/utils/form.server.ts";
import { langParam, notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = langParam(params);
  requirePermission(request, lang, context, "curate");
  const db = getDb();
  const links = chapterLinks(db, idParam(params)) ?? notFound();
  const options = curationOptions(db, lang);
  const toolkit = options.toolkits.find((tk) => tk.id === links.chapter.toolkitId);
  const title = toolkit?.chapters.find((c) => c.id === links.chapter.id)?.title ?? links.chapter.slug;
  const t = await getT(lang);
  return {
    lang,
    title,
    toolkit: toolkit?.title ?? "",
    practiceIds: links.practiceIds,
    questionIds: links.questionIds,
    practices: options.practices,
    questions: options.questions,
    saved: new URL(request.url).searchParams.has("saved"),
    meta: { title: `${t("curate.linksTitle", { chapter: title })}` },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = requirePermission(request, lang, context, "curate");
  const db = getDb();
  const id = idParam(params);
  if (!chapterLinks(db, id)) notFound();
  const submission = parseWithZod(await readForm(request), { schema: chapterLinksSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (!saveChapterLinks(db, { id: user.id, ip: clientIp(context) }, id, submission.value)) notFound();
  return redirect(`/${lang}/curate/chapters/${id}?saved=1`, { status: 303 });
}

export default function ChapterLinks() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "chapter-links",
    lastResult: actionData?.result,
    defaultValue: { practices: d.practiceIds.map(String), questions: d.questionIds.map(String) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: chapterLinksSchema }),
  });
  return (
    <>
      <p>
        <Link to={`/${d.lang}/curate`}>← {t("curate.title")}</Link>
      </p>
      <p className="eyebrow">{d.toolkit}</p>
      <h1>{t("curate.linksTitle", { chapter: d.title })}</h1>
      {d.saved ? (
        <p className="notice" role="status">
          {t("curate.saved")}
        </p>
      ) : null}
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary count={Object.values(form.allErrors).length} />
        <CheckboxGroup
          field={fields.practices}
          legend={t("curate.linkedPractices")}
          options={d.practices.map((p) => ({ value: String(p.id), label: p.title, note: p.city }))}
        />
        <CheckboxGroup
          field={fields.questions}
          legend={t("curate.linkedQuestions")}
          options={d.questions.map((q) => ({ value: String(q.id), label: q.title }))}
        />
        <button type="submit">{t("curate.saveLinks")}</button>
      </Form>
    </>
  );
}
