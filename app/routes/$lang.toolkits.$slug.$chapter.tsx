import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PracticeCard, QuestionCard } from "#app/components/cards.tsx";
import { ContentLanguageNotice } from "#app/components/content-language-notice.tsx";
import { HtmlContent } from "#app/components/html-content.tsx";
import { SourcesList } from "#app/components/sources-list.tsx";
import { getChapter } from "#app/models/toolkits.server.ts";
import { langParam, orNotFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export function loader({ params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const data = orNotFound(getChapter(params.slug ?? "", params.chapter ?? "", lang));
  return { lang, ...data, meta: { title: `${data.chapter.title} · ${data.toolkit.title}`, description: data.chapter.summary } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function ChapterPage() {
  const { lang, toolkit, chapter, total, chapters, previous, next, practices, questions, cities, sources } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/${lang}/toolkits/${toolkit.slug}`;
  return (
    <div className="chapter-layout">
      <nav aria-label={t("toolkits.chapterNav")} className="chapter-nav">
        <p>
          <Link to={base}>{toolkit.title}</Link>
        </p>
        <ol>
          {chapters.map((c) => (
            <li key={c.slug}>
              <Link to={`${base}/${c.slug}`} aria-current={c.slug === chapter.slug ? "page" : undefined}>
                {c.title}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <article className="detail">
        <header>
          <p className="eyebrow">{t("toolkits.chapterOf", { number: chapter.number, total })}</p>
          <h1 lang={chapter.language.shown}>{chapter.title}</h1>
          <p className="lead" lang={chapter.language.shown}>
            {chapter.summary}
          </p>
        </header>
        <ContentLanguageNotice language={chapter.language} />
        <HtmlContent html={chapter.bodyHtml} lang={chapter.language.shown} />
        {practices.length ? (
          <section aria-labelledby="related-practices">
            <h2 id="related-practices">{t("toolkits.relatedPractices")}</h2>
            <div className="card-grid">
              {practices.map((p) => (
                <PracticeCard key={p.slug} practice={p} lang={lang} />
              ))}
            </div>
          </section>
        ) : null}
        {questions.length ? (
          <section aria-labelledby="related-questions">
            <h2 id="related-questions">{t("toolkits.relatedQuestions")}</h2>
            <div className="card-grid">
              {questions.map((q) => (
                <QuestionCard key={q.slug} question={q} lang={lang} />
              ))}
            </div>
          </section>
        ) : null}
        {cities.length ? (
          <section aria-labelledby="related-cities">
            <h2 id="related-cities">{t("toolkits.relatedCities")}</h2>
            <ul className="inline-list">
              {cities.map((c) => (
                <li key={c.slug}>
                  <Link to={`/${lang}/cities/${c.slug}`}>{c.name}</Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {sources.length ? <SourcesList sources={sources} /> : null}
        <nav className="pager" aria-label={t("toolkits.chapters")}>
          {previous ? (
            <Link rel="prev" to={`${base}/${previous.slug}`}>
              ← {t("toolkits.previous")}: {previous.title}
            </Link>
          ) : (
            <Link to={base}>← {t("toolkits.backToToolkit")}</Link>
          )}
          {next ? (
            <Link rel="next" to={`${base}/${next.slug}`}>
              {t("toolkits.next")}: {next.title} →
            </Link>
          ) : null}
        </nav>
      </article>
    </div>
  );
}
