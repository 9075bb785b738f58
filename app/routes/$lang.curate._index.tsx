import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp, requirePermission } from "#app/auth/auth.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { reviewPath } from "#app/editorial/review.server.ts";
import { IN_REVIEW, listWorkItems } from "#app/models/editorial.server.ts";
import { curationOptions, FEATURABLE, setFeatured, type Featurable } from "#app/models/curation.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm, single } from "#app/utils/form.server.ts";
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
  const form = await readForm(request);
  const kind = single(form, "kind") as Featurable;
  if (!FEATURABLE.includes(kind)) throw new Response("Bad Request", { status: 400 });
  const ids = form
    .getAll("featured")
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
  const { changed } = setFeatured(getDb(), kind, ids);
  audit(getDb(), {
    actorId: user.id,
    action: "curate.featured",
    outcome: "ok",
    targetType: kind,
    ip: clientIp(context),
    detail: { featured: ids.length, changed },
  });
  return { saved: kind };
}

function FeaturedForm({ kind, legend, items }: { kind: Featurable; legend: string; items: { id: number; title: string; featured: boolean; city?: string }[] }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="kind" value={kind} />
      <fieldset className="checkbox-group">
        <legend>{legend}</legend>
        <div className="checkbox-grid">
          {items.map((i) => (
            <label key={i.id}>
              <input type="checkbox" name="featured" value={i.id} defaultChecked={i.featured} /> {i.title}
              {i.city ? <span className="muted"> · {i.city}</span> : null}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit">{t("curate.saveFeatured")}</button>
    </Form>
  );
}

export default function Curate() {
  const { lang, queue, practices, questions, toolkits } = useLoaderData<typeof loader>();
  const saved = useActionData<typeof action>()?.saved;
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
        <FeaturedForm kind="practice" legend={t("curate.featuredPractices")} items={practices} />
        <FeaturedForm kind="question" legend={t("curate.featuredQuestions")} items={questions} />
        <FeaturedForm kind="toolkit" legend={t("curate.featuredToolkits")} items={toolkits} />
      </section>
    </>
  );
}
