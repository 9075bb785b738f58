import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PracticeCard } from "#app/components/cards.tsx";
import { LanguageBadge } from "#app/components/content-language-notice.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { contentCounts } from "#app/models/health.server.ts";
import { listPractices, practiceCountsByTerm } from "#app/models/practices.server.ts";
import { listQuestions } from "#app/models/questions.server.ts";
import { listTerms } from "#app/models/taxonomy.server.ts";
import { listToolkits } from "#app/models/toolkits.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const t = await getT(lang);
  const themeCounts = practiceCountsByTerm("theme");
  const questionsByType = new Map<string, number>();
  for (const q of listQuestions(lang)) questionsByType.set(q.type, (questionsByType.get(q.type) ?? 0) + 1);
  return {
    lang,
    meta: { title: t("site.name"), description: t("site.tagline") },
    counts: contentCounts(),
    themes: listTerms("theme", lang).map((term) => ({ ...term, count: themeCounts.get(term.slug) ?? 0 })),
    questionTypes: listTerms("question_type", lang).map((term) => ({ ...term, count: questionsByType.get(term.slug) ?? 0 })),
    featured: listPractices(lang, { featured: true }).slice(0, 6),
    toolkits: listToolkits(lang),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function Home() {
  const { lang, counts, themes, questionTypes, featured, toolkits } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.intro")}</p>
        <p className="muted">{t("home.stats", { practices: counts.practices, cities: counts.cities, questions: counts.questions, answers: counts.answers })}</p>
      </section>

      <section aria-labelledby="by-theme">
        <h2 id="by-theme">{t("home.byTheme")}</h2>
        <ul className="entry-grid">
          {themes.map((theme) => (
            <li key={theme.slug}>
              <Link to={`/${lang}/search?theme=${theme.slug}`} className="entry">
                <span className="entry-label">{theme.label}</span>
                <span className="entry-count">{t("home.practiceCount", { count: theme.count })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="by-question">
        <h2 id="by-question">{t("home.byQuestionType")}</h2>
        <ul className="entry-grid">
          {questionTypes.map((type) => (
            <li key={type.slug}>
              <Link to={`/${lang}/search?qtype=${type.slug}`} className="entry">
                <span className="entry-label">{type.label}</span>
                <span className="entry-count">{t("home.questionCount", { count: type.count })}</span>
              </Link>
            </li>
          ))}
        </ul>
        <p>
          <Link to={`/${lang}/questions`}>{t("home.allQuestions")} →</Link>
        </p>
      </section>

      {featured.length ? (
        <section aria-labelledby="featured">
          <h2 id="featured">{t("home.featuredPractices")}</h2>
          <div className="card-grid">
            {featured.map((p) => (
              <PracticeCard key={p.slug} practice={p} lang={lang} />
            ))}
          </div>
          <p>
            <Link to={`/${lang}/practices`}>{t("home.allPractices")} →</Link>
          </p>
        </section>
      ) : null}

      {toolkits.length ? (
        <section aria-labelledby="toolkits">
          <h2 id="toolkits">{t("home.featuredToolkits")}</h2>
          <div className="card-grid">
            {toolkits.map((tk) => (
              <article key={tk.slug} className="card">
                <h3 lang={tk.language.shown}>
                  <Link to={`/${lang}/toolkits/${tk.slug}`}>{tk.title}</Link>
                </h3>
                <p className="card-meta">
                  {t("toolkits.chapterCount", { count: tk.chapterCount })}
                  <LanguageBadge language={tk.language} />
                </p>
                <p lang={tk.language.shown}>{tk.summary}</p>
              </article>
            ))}
          </div>
          <p>
            <Link to={`/${lang}/toolkits`}>{t("home.allToolkits")} →</Link>
          </p>
        </section>
      ) : null}

      <p>
        <Link to={`/${lang}/cities`}>{t("home.allCities")} →</Link>
      </p>
    </>
  );
}
