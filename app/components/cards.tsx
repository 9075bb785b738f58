import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "#app/i18n/languages.ts";
import type { OrganisationCard as OrganisationCardData } from "#app/models/organisations.server.ts";
import type { PracticeCard as PracticeCardData } from "#app/models/practices.server.ts";
import type { QuestionCard as QuestionCardData } from "#app/models/questions.server.ts";
import { LanguageBadge } from "./content-language-notice.tsx";
import { PracticePeriod } from "./practice-period.tsx";

export function PracticeCard({ practice, lang, headingLevel = 3 }: { practice: PracticeCardData; lang: Language; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card">
      <Heading lang={practice.language.shown}>
        <Link to={`/${lang}/practices/${practice.slug}`}>{practice.title}</Link>
      </Heading>
      <p className="card-meta">
        <Link to={`/${lang}/cities/${practice.city.slug}`}>{practice.city.name}</Link>
        {" · "}
        <PracticePeriod start={practice.startYear} end={practice.endYear} ongoing={practice.ongoing} />
        <LanguageBadge language={practice.language} />
      </p>
      <p lang={practice.language.shown}>{practice.summary}</p>
      {practice.themes.length ? (
        <p className="card-terms">
          <span className="visually-hidden">{t("content.themes")}: </span>
          {practice.themes.map((th) => th.label).join(" · ")}
        </p>
      ) : null}
    </article>
  );
}

export function QuestionCard({ question, lang, headingLevel = 3 }: { question: QuestionCardData; lang: Language; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card">
      <Heading lang={question.language.shown}>
        <Link to={`/${lang}/questions/${question.slug}`}>{question.title}</Link>
      </Heading>
      <p className="card-meta">
        {t("questions.answerCount", { count: question.answerCount })}
        <LanguageBadge language={question.language} />
      </p>
      <p lang={question.language.shown}>{question.summary}</p>
    </article>
  );
}

export function OrganisationCard({ organisation: o, lang, headingLevel = 3 }: { organisation: OrganisationCardData; lang: Language; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card">
      <Heading lang={o.language.shown}>
        <Link to={`/${lang}/organisations/${o.slug}`}>{o.name}</Link>
      </Heading>
      <p className="card-meta">
        {o.city ? <Link to={`/${lang}/cities/${o.city.slug}`}>{o.city.name}</Link> : t("organisations.noCity")}
        {" · "}
        {t(`organisations.kinds.${o.kind}`)}
        <LanguageBadge language={o.language} />
      </p>
      <p lang={o.language.shown}>{o.summary}</p>
    </article>
  );
}
