import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PracticeCard } from "#app/components/cards.tsx";
import { CO_CITIES_DIMENSIONS } from "#app/domain/co-cities.ts";
import { ContentLanguageNotice } from "#app/components/content-language-notice.tsx";
import { HtmlContent } from "#app/components/html-content.tsx";
import { PracticePeriod } from "#app/components/practice-period.tsx";
import { SourcesList } from "#app/components/sources-list.tsx";
import { TermChips } from "#app/components/term-chips.tsx";
import { editLinkFor, lastPublication } from "#app/editorial/public-links.server.ts";
import { getPractice, listPractices } from "#app/models/practices.server.ts";
import { langParam, orNotFound } from "#app/utils/http.server.ts";
import { formatDate } from "#app/utils/format.ts";
import { pageMeta } from "#app/utils/meta.ts";

export function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const practice = orNotFound(getPractice(params.slug ?? "", lang));
  const more = listPractices(lang, { cityId: practice.cityId }).filter((p) => p.slug !== practice.slug).slice(0, 3);
  return {
    lang,
    practice,
    more,
    editLink: editLinkFor(request, lang, "practice", practice.id),
    publication: lastPublication("practice", practice.id),
    meta: { title: practice.title, description: practice.summary },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function PracticePage() {
  const { lang, practice: p, more, editLink, publication } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const shown = p.language.shown;
  const coCities = CO_CITIES_DIMENSIONS.filter((d) => p.coCities[d]);
  return (
    <article className="detail">
      <nav aria-label={t("content.breadcrumb")} className="breadcrumb">
        <Link to={`/${lang}/practices`}>{t("nav.practices")}</Link> ›{" "}
        <Link to={`/${lang}/cities/${p.city.slug}`}>{p.city.name}</Link>
      </nav>
      <header>
        <h1 lang={shown}>{p.title}</h1>
        <p className="lead" lang={shown}>
          {p.summary}
        </p>
        <p className="card-meta">
          <Link to={`/${lang}/cities/${p.city.slug}`}>{p.city.name}</Link> · <PracticePeriod start={p.startYear} end={p.endYear} ongoing={p.ongoing} />
        </p>
      </header>
      <ContentLanguageNotice language={p.language} />
      <div className="detail-grid">
        <div>
          <HtmlContent html={p.bodyHtml} lang={shown} />
          {p.outcomes.length ? (
            <section aria-labelledby="outcomes">
              <h2 id="outcomes">{t("practices.outcomes")}</h2>
              <ul lang={shown}>
                {p.outcomes.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {p.continuity ? (
            <section aria-labelledby="continuity">
              <h2 id="continuity">{t("practices.continuity")}</h2>
              <p lang={shown}>{p.continuity}</p>
            </section>
          ) : null}
          <SourcesList sources={p.sources} />
          <p className="muted small">{t("content.lastUpdated", { date: formatDate(p.updatedAt, lang) })}</p>
          {publication ? (
            <p className="muted small">{t("content.reviewedBy", { name: publication.by ?? t("workflow.someone"), date: formatDate(publication.at, lang) })}</p>
          ) : null}
          {editLink ? (
            <p>
              <Link to={editLink}>{t("content.edit")}</Link>
            </p>
          ) : null}
        </div>
        <aside className="facts" aria-label={t("cities.facts")}>
          <h2 className="visually-hidden">{t("cities.facts")}</h2>
          <h3>{t("content.themes")}</h3>
          <TermChips terms={p.terms.themes} label={t("content.themes")} hrefFor={(term) => `/${lang}/practices?theme=${term.slug}`} />
          {p.terms.questionTypes.length ? (
            <>
              <h3>{t("content.questionTypes")}</h3>
              <TermChips terms={p.terms.questionTypes} label={t("content.questionTypes")} hrefFor={(term) => `/${lang}/questions#${term.slug}`} />
            </>
          ) : null}
          {p.terms.udhr.length ? (
            <>
              <h3>{t("content.udhrArticles")}</h3>
              <TermChips terms={p.terms.udhr} label={t("content.udhrArticles")} />
            </>
          ) : null}
          {p.terms.sdgs.length ? (
            <>
              <h3>{t("content.sdgs")}</h3>
              <TermChips terms={p.terms.sdgs} label={t("content.sdgs")} />
            </>
          ) : null}
          {p.partners.length ? (
            <>
              <h3>{t("practices.partners")}</h3>
              <ul className="partners">
                {p.partners.map((partner) => (
                  <li key={partner.name}>
                    <strong>{partner.name}</strong>
                    <br />
                    <span className="muted">
                      {t(`roles.${partner.role}`)}
                      {partner.formality ? ` · ${t(`formality.${partner.formality}`)}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {coCities.length ? (
            <>
              <h3>{t("practices.coCities")}</h3>
              <p className="muted small">{t("practices.coCitiesNote")}</p>
              <dl className="co-cities">
                {coCities.map((d) => (
                  <div key={d}>
                    <dt>{t(`coCities.${d}`)}</dt>
                    <dd>{t(`coCities.${p.coCities[d]!}`)}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : null}
        </aside>
      </div>
      {more.length ? (
        <section aria-labelledby="more">
          <h2 id="more">{t("practices.otherFromCity", { city: p.city.name })}</h2>
          <div className="card-grid">
            {more.map((m) => (
              <PracticeCard key={m.slug} practice={m} lang={lang} />
            ))}
          </div>
        </section>
      ) : null}
    </article>
  );
}
