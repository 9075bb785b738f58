import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { PracticeCard } from "#app/components/cards.tsx";
import { ContentLanguageNotice, LanguageBadge } from "#app/components/content-language-notice.tsx";
import { HtmlContent } from "#app/components/html-content.tsx";
import type { Certainty } from "#app/domain/hr-city.ts";
import { SourcesList } from "#app/components/sources-list.tsx";
import { editLinkFor } from "#app/editorial/public-links.server.ts";
import type { Language } from "#app/i18n/languages.ts";
import { getCity } from "#app/models/cities.server.ts";
import { listOrganisations } from "#app/models/organisations.server.ts";
import { listPractices } from "#app/models/practices.server.ts";
import { listAnswersOfCity } from "#app/models/questions.server.ts";
import { countryName, formatAlternatives, formatDate, formatNumber, formatPartialDate } from "#app/utils/format.ts";
import { langParam, orNotFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const city = orNotFound(getCity(params.slug ?? "", lang));
  return {
    lang,
    city,
    editLink: editLinkFor(request, lang, "city", city.id),
    practices: listPractices(lang, { cityId: city.id }),
    organisations: listOrganisations(lang, { cityId: city.id }),
    answers: listAnswersOfCity(city.id, lang),
    meta: { title: city.name, description: city.summary },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

type Fact = { name: string; since: string | null; url: string | null };

function FactList({ title, facts, id }: { title: string; facts: Fact[]; id: string }) {
  const { i18n } = useTranslation();
  if (!facts.length) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul className="fact-list">
        {facts.map((f) => (
          <li key={f.name}>
            {f.url ? <a href={f.url}>{f.name}</a> : f.name}
            {f.since ? <span className="muted"> ({formatPartialDate(f.since, i18n.language as never)})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Claim = { value: string; label: string; sources: { title: string; url: string }[] };

/**
 * A fact as sure as its sources (ADR 003, addendum): the value when they agree, "Disputed: a, b or c"
 * when they do not, the unknown text when they are silent; then the sources (for each value, when disputed).
 */
function ClaimedFact({ certainty, claims, unknown, lang }: { certainty: Certainty; claims: Claim[]; unknown: string; lang: Language }) {
  const { t } = useTranslation();
  if (certainty === "unknown" || claims.length === 0) return <>{unknown}</>;
  const sourced = claims.filter((c) => c.sources.length);
  return (
    <>
      {certainty === "disputed"
        ? t("cities.disputedValues", {
            values: formatAlternatives(
              claims.map((c) => c.label),
              lang,
            ),
          })
        : claims[0]!.label}
      {sourced.length ? (
        <ul className="claim-sources small" aria-label={t("cities.claimSources")}>
          {sourced.map((c) => (
            <li key={c.value}>
              {certainty === "disputed" ? `${c.label}: ` : null}
              {c.sources.map((s, i) => (
                <Fragment key={s.url + s.title}>
                  {i ? "; " : ""}
                  <a href={s.url}>{s.title}</a>
                </Fragment>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export default function CityPage() {
  const { lang, city: c, practices, organisations, answers, editLink } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const since = c.hrCity.sinceClaims.map((x) => ({ value: x.date, label: formatPartialDate(x.date, lang), sources: x.sources }));
  const basis = c.hrCity.basisClaims.map((x) => ({ value: x.basis, label: t(`basis.${x.basis}`), sources: x.sources }));
  return (
    <article className="detail">
      <nav aria-label={t("content.breadcrumb")} className="breadcrumb">
        <Link to={`/${lang}/cities`}>{t("nav.cities")}</Link>
      </nav>
      <header>
        <h1>{c.name}</h1>
        <p className="lead" lang={c.language.shown}>
          {c.summary}
        </p>
      </header>
      <ContentLanguageNotice language={c.language} />
      <div className="detail-grid">
        <div>
          <HtmlContent html={c.bodyHtml} lang={c.language.shown} />
          <section aria-labelledby="city-practices">
            <h2 id="city-practices">{t("cities.practices", { city: c.name })}</h2>
            {practices.length === 0 ? (
              <p>{t("cities.noPractices")}</p>
            ) : (
              <div className="card-grid">
                {practices.map((p) => (
                  <PracticeCard key={p.slug} practice={p} lang={lang} />
                ))}
              </div>
            )}
          </section>
          <section aria-labelledby="city-organisations">
            <h2 id="city-organisations">{t("organisations.inCity", { city: c.name })}</h2>
            {organisations.length === 0 ? (
              <p>{t("organisations.noneInCity")}</p>
            ) : (
              <ul className="organisation-list">
                {organisations.map((o) => (
                  <li key={o.slug}>
                    <Link to={`/${lang}/organisations/${o.slug}`} lang={o.language.shown}>
                      {o.name}
                    </Link>{" "}
                    <span className="muted small">
                      {t(`organisations.kinds.${o.kind}`)}
                      {o.coalitionRole ? ` · ${t("organisations.coalitionIn", { role: t(`organisations.roles.${o.coalitionRole}`), city: c.name })}` : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {answers.length ? (
            <section aria-labelledby="city-answers">
              <h2 id="city-answers">{t("cities.answers", { city: c.name })}</h2>
              <ul className="answer-list">
                {answers.map((a) => (
                  <li key={a.question.slug}>
                    <Link to={`/${lang}/questions/${a.question.slug}`} lang={a.question.language.shown}>
                      {a.question.title}
                    </Link>
                    <p lang={a.language.shown}>
                      {a.summary} <LanguageBadge language={a.language} />
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <SourcesList sources={c.sources} />
          <p className="muted small">{t("content.lastUpdated", { date: formatDate(c.updatedAt, lang) })}</p>
          {editLink ? (
            <p>
              <Link to={editLink}>{t("content.edit")}</Link>
            </p>
          ) : null}
        </div>
        <aside className="facts" aria-labelledby="key-facts">
          <h2 id="key-facts">{t("cities.facts")}</h2>
          <dl className="fact-table">
            <div>
              <dt>{t("cities.country")}</dt>
              <dd>{countryName(c.country, lang)}</dd>
            </div>
            {c.region ? (
              <div>
                <dt>{t("cities.region")}</dt>
                <dd>{c.region.label}</dd>
              </div>
            ) : null}
            {c.population ? (
              <div>
                <dt>{t("cities.population")}</dt>
                <dd>
                  {c.population.source ? (
                    <a href={c.population.source}>{t("cities.populationValue", { value: formatNumber(c.population.value, lang), year: c.population.year })}</a>
                  ) : (
                    t("cities.populationValue", { value: formatNumber(c.population.value, lang), year: c.population.year })
                  )}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t("cities.since")}</dt>
              <dd>
                {c.hrCity.status === "no-formal-declaration" ? (
                  t("cities.noFormalDeclaration")
                ) : (
                  <ClaimedFact certainty={c.hrCity.sinceCertainty} claims={since} unknown={t("cities.sinceUnknown")} lang={lang} />
                )}
              </dd>
            </div>
            <div>
              <dt>{t("cities.basis")}</dt>
              <dd>
                <ClaimedFact certainty={c.hrCity.basisCertainty} claims={basis} unknown={t("cities.basisUnknown")} lang={lang} />
              </dd>
            </div>
            {c.website ? (
              <div>
                <dt>{t("cities.website")}</dt>
                <dd>
                  <a href={c.website}>{new URL(c.website).hostname}</a>
                </dd>
              </div>
            ) : null}
          </dl>
          <FactList id="institutions" title={t("cities.institutions")} facts={c.institutions} />
          <FactList id="charters" title={t("cities.charters")} facts={c.charters} />
          <FactList id="networks" title={t("cities.networks")} facts={c.networks} />
          <FactList id="monitoring" title={t("cities.monitoring")} facts={c.monitoring} />
        </aside>
      </div>
    </article>
  );
}
