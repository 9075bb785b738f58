import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp, requirePermission } from "#app/auth/auth.server.ts";
import { idParam } from "#app/editorial/route-helpers.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { chapterLinks, curationOptions, setChapterLinks } from "#app/models/curation.server.ts";
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
  const form = await readForm(request);
  const ids = (name: string) =>
    form
      .getAll(name)
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0);
  setChapterLinks(db, id, ids("practices"), ids("questions"));
  audit(db, {
    actorId: user.id,
    action: "curate.chapter_links",
    outcome: "ok",
    targetType: "chapter",
    targetId: id,
    ip: clientIp(context),
    detail: { practices: ids("practices").length, questions: ids("questions").length },
  });
  return redirect(`/${lang}/curate/chapters/${id}?saved=1`, { status: 303 });
}

export default function ChapterLinks() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const linkedP = new Set(d.practiceIds);
  const linkedQ = new Set(d.questionIds);
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
      <Form method="post" className="stack">
        <fieldset className="checkbox-group">
          <legend>{t("curate.linkedPractices")}</legend>
          <div className="checkbox-grid">
            {d.practices.map((p) => (
              <label key={p.id}>
                <input type="checkbox" name="practices" value={p.id} defaultChecked={linkedP.has(p.id)} /> {p.title}
                <span className="muted"> · {p.city}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="checkbox-group">
          <legend>{t("curate.linkedQuestions")}</legend>
          <div className="checkbox-grid">
            {d.questions.map((q) => (
              <label key={q.id}>
                <input type="checkbox" name="questions" value={q.id} defaultChecked={linkedQ.has(q.id)} /> {q.title}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit">{t("curate.saveLinks")}</button>
      </Form>
    </>
  );
}
