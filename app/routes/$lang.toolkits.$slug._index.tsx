import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ContentLanguageNotice } from "#app/components/content-language-notice.tsx";
import { HtmlContent } from "#app/components/html-content.tsx";
import { SourcesList } from "#app/components/sources-list.tsx";
import { getToolkit } from "#app/models/toolkits.server.ts";
import { langParam, orNotFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export function loader({ params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const toolkit = orNotFound(getToolkit(params.slug ?? "", lang));
  return { lang, toolkit, meta: { title: toolkit.title, description: toolkit.summary } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function ToolkitPage() {
  const { lang, toolkit: tk } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const first = tk.chapters[0];
  return (
    <article className="detail">
      <nav aria-label={t("content.breadcrumb")} className="breadcrumb">
        <Link to={`/${lang}/toolkits`}>{t("nav.toolkits")}</Link>
      </nav>
      <header>
        <h1 lang={tk.language.shown}>{tk.title}</h1>
        <p className="lead" lang={tk.language.shown}>
          {tk.summary}
        </p>
        <p className="card-meta">{t("toolkits.curator", { curator: tk.curator })}</p>
      </header>
      <ContentLanguageNotice language={tk.language} />
      {tk.bodyHtml ? <HtmlContent html={tk.bodyHtml} lang={tk.language.shown} /> : null}
      <section aria-labelledby="chapters">
        <h2 id="chapters">{t("toolkits.chapters")}</h2>
        <ol className="chapter-list">
          {tk.chapters.map((c) => (
            <li key={c.slug}>
              <Link to={`/${lang}/toolkits/${tk.slug}/${c.slug}`} lang={c.language.shown}>
                {c.title}
              </Link>
              <p className="muted" lang={c.language.shown}>
                {c.summary}
              </p>
            </li>
          ))}
        </ol>
        {first ? (
          <p>
            <Link className="button" to={`/${lang}/toolkits/${tk.slug}/${first.slug}`}>
              {t("toolkits.start")} →
            </Link>
          </p>
        ) : null}
      </section>
      {tk.sources.length ? <SourcesList sources={tk.sources} /> : null}
    </article>
  );
}
