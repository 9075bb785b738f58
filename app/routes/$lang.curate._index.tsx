import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp, requirePermission } from "#app/auth/auth.server.ts";
import { CheckboxGroup } from "#app/components/form-fields.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { featuredSchema, type Featurable } from "#app/models/curation-forms.ts";
import { curationOptions, saveFeatured } from "#app/models/curation.server.ts";
import { reviewPath } from "#app/editorial/review.server.ts";
import { IN_REVIEW, listWorkItems } from "#app/models/editorial.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm } from "#app/utils/form.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = langParam(params);
  requirePermission(request, lang, context, "curate");
  const t = await getT(lang);
  const queue = listWorkItems(getDb(), lang)
    .filter((i) => IN_REVIEW.includes(i.state))
    .map((i) => ({ key: `${i.type}-${i.id}`, type: i.type, title: i.title, href: reviewPath(lang, i.type, i.id) }));
  return { lang, queue, ...curationOptions(getDb(), lang), meta: { title: t("curate.title") } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = requirePermission(request, lang, context, "curate");
  const submission = parseWithZod(await readForm(request), { schema: featuredSchema });
  // Without a kind it is none of this page's forms.
  if (submission.status !== "success" && submission.error?.kind) throw new Response("Bad Request", { status: 400 });
  const kind = String(submission.payload.kind);
  if (submission.status !== "success") return data({ saved: undefined, kind, result: submission.reply() }, { status: 400 });
  saveFeatured(getDb(), { id: user.id, ip: clientIp(context) }, submission.value);
  return data({ saved: submission.value.kind, kind, result: submission.reply() });
}

function FeaturedForm({
  kind,
  legend,
  items,
  last,
}: {
  kind: Featurable;
  legend: string;
  items: { id: number; title: string; featured: boolean; city?: string }[];
  last?: { kind: string; result: SubmissionResult<string[]> };
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `featured-${kind}`,
    lastResult: last?.kind === kind ? last.result : undefined,
    defaultValue: { kind, featured: items.filter((i) => i.featured).map((i) => String(i.id)) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: featuredSchema }),
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="kind" value={kind} />
      <CheckboxGroup field={fields.featured} legend={legend} options={items.map((i) => ({ value: String(i.id), label: i.title, note: i.city }))} />
      <button type="submit">{t("curate.saveFeatured")}</button>
    </Form>
  );
}

export default function Curate() {
  const { lang, queue, practices, questions, toolkits } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  const saved = last?.saved;
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("curate.title")}</h1>
      <p>{t("curate.intro")}</p>
      {saved ? (
        <p className="notice" role="status">
          {t("curate.saved")}
        </p>
      ) : null}
      <section aria-labelledby="queue-h">
        <h2 id="queue-h">{t("dashboard.inReview")}</h2>
        {queue.length ? (
          <ul>
            {queue.map((i) => (
              <li key={i.key}>
                <Link to={i.href}>{i.title}</Link> <span className="muted">· {t(`types.${i.type}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("dashboard.noItems")}</p>
        )}
      </section>
      <section aria-labelledby="chapters-h">
        <h2 id="chapters-h">{t("curate.chapters")}</h2>
        {toolkits.map((tk) => (
          <div key={tk.id}>
            <h3>{tk.title}</h3>
            <ol>
              {tk.chapters.map((c) => (
                <li key={c.id}>
                  <Link to={`/${lang}/curate/chapters/${c.id}`}>{c.title}</Link>
                </li>
              ))}
            </ol>
          </div>
        ))}
      </section>
      <section aria-labelledby="featured-h">
        <h2 id="featured-h">{t("curate.featured")}</h2>
        <FeaturedForm kind="practice" legend={t("curate.featuredPractices")} items={practices} last={last} />
        <FeaturedForm kind="question" legend={t("curate.featuredQuestions")} items={questions} last={last} />
        <FeaturedForm kind="toolkit" legend={t("curate.featuredToolkits")} items={toolkits} last={last} />
      </section>
    </>
  );
}
