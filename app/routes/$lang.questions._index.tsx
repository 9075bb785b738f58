import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { QuestionCard } from "#app/components/cards.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { listQuestionsByType } from "#app/models/questions.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const t = await getT(lang);
  return { lang, groups: listQuestionsByType(lang), meta: { title: t("questions.title"), description: t("questions.intro") } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function Questions() {
  const { lang, groups } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("questions.title")}</h1>
      <p className="lead">{t("questions.intro")}</p>
      <nav aria-labelledby="qtype-toc" className="toc">
        <h2 id="qtype-toc" className="visually-hidden">
          {t("questions.questionType")}
        </h2>
        <ul>
          {groups.map((g) => (
            <li key={g.type.slug}>
              <a href={`#${g.type.slug}`}>{g.type.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <section key={g.type.slug} id={g.type.slug} aria-labelledby={`h-${g.type.slug}`} className="question-group" tabIndex={-1}>
          <h2 id={`h-${g.type.slug}`}>{g.type.label}</h2>
          {g.type.description ? <p className="muted">{g.type.description}</p> : null}
          <div className="card-grid">
            {g.questions.map((q) => (
              <QuestionCard key={q.slug} question={q} lang={lang} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
