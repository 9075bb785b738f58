import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { QuestionCard } from "#app/components/cards.tsx";
import { ContentLanguageNotice, LanguageBadge } from "#app/components/content-language-notice.tsx";
import { HtmlContent } from "#app/components/html-content.tsx";
import { InlineSources } from "#app/components/sources-list.tsx";
import { creatableCities } from "#app/editorial/editing.server.ts";
import { answerableCities, editLinkFor } from "#app/editorial/public-links.server.ts";
import { getQuestion } from "#app/models/questions.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { langParam, orNotFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const question = orNotFound(getQuestion(params.slug ?? "", lang));
  const canAnswer = answerableCities(request, question.id);
  return {
    lang,
    question,
    editLinks: Object.fromEntries(question.answers.map((a) => [a.id, editLinkFor(request, lang, "answer", a.id)])),
    answerFor: creatableCities(getDb(), { role: "contributor", cityIds: canAnswer }, lang).map((c) => ({ slug: c.slug, name: c.name })),
    meta: { title: question.title, description: question.summary },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function QuestionPage() {
  const { lang, question: q, editLinks, answerFor } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="detail">
      <nav aria-label={t("content.breadcrumb")} className="breadcrumb">
        <Link to={`/${lang}/questions`}>{t("nav.questions")}</Link> › <Link to={`/${lang}/questions#${q.type.slug}`}>{q.type.label}</Link>
      </nav>
      <header>
        <p className="eyebrow">{q.type.label}</p>
        <h1 lang={q.language.shown}>{q.title}</h1>
        <p className="lead" lang={q.language.shown}>
          {q.summary}
        </p>
      </header>
      <ContentLanguageNotice language={q.language} />
      {q.bodyHtml ? <HtmlContent html={q.bodyHtml} lang={q.language.shown} /> : null}
      <section aria-labelledby="answers">
        <h2 id="answers">
          {t("questions.compare")} <span className="muted">({t("questions.answerCount", { count: q.answers.length })})</span>
        </h2>
        {answerFor.length ? (
          <p className="button-row">
            {answerFor.map((c) => (
              <Link key={c.slug} className="button" to={`/${lang}/edit/answers/new?question=${q.slug}&city=${c.slug}`}>
                {t("questions.answerFor", { city: c.name })}
              </Link>
            ))}
          </p>
        ) : null}
        {q.answers.length === 0 ? (
          <p>{t("questions.noAnswers")}</p>
        ) : (
          <div className="answers-grid" data-testid="answers">
            {q.answers.map((a) => (
              <article key={a.city.slug} className="answer" aria-labelledby={`answer-${a.city.slug}`}>
                <h3 id={`answer-${a.city.slug}`}>
                  <Link to={`/${lang}/cities/${a.city.slug}`}>{a.city.name}</Link>
                </h3>
                <LanguageBadge language={a.language} />
                <p className="answer-summary" lang={a.language.shown}>
                  {a.summary}
                </p>
                <HtmlContent html={a.bodyHtml} lang={a.language.shown} />
                <InlineSources sources={a.sources} />
                {editLinks[a.id] ? (
                  <p>
                    <Link to={editLinks[a.id]!}>{t("content.edit")}</Link>
                  </p>
                ) : null}
              </article>
            ))}
          </div>
        )}
      </section>
      {q.related.length ? (
        <section aria-labelledby="related">
          <h2 id="related">{t("questions.otherQuestions")}</h2>
          <div className="card-grid">
            {q.related.map((r) => (
              <QuestionCard key={r.slug} question={r} lang={lang} />
            ))}
          </div>
        </section>
      ) : null}
    </article>
  );
}
