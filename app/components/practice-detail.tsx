import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ContentLanguageNotice } from "#app/components/content-language-notice.tsx";
import { HtmlContent } from "#app/components/html-content.tsx";
import { PracticePeriod } from "#app/components/practice-period.tsx";
import { SourcesList } from "#app/components/sources-list.tsx";
import { TermChips } from "#app/components/term-chips.tsx";
import { CO_CITIES_DIMENSIONS } from "#app/domain/co-cities.ts";
import type { Language } from "#app/i18n/languages.ts";
import type { PracticeView } from "#app/models/practices.server.ts";

/**
 * A practice as readers see it: on its public page (level 1: the title is the page's h1) and in the
 * editor's preview (level 2, under the preview heading). `footer` ends the main column.
 */
export function PracticeDetail({ lang, practice: p, level = 1, footer }: { lang: Language; practice: PracticeView; level?: 1 | 2; footer?: ReactNode }) {
  const { t } = useTranslation();
  const shown = p.language.shown;
  const coCities = CO_CITIES_DIMENSIONS.filter((d) => p.coCities[d]);
  const H1 = level === 1 ? "h1" : "h2";
  const H2 = level === 1 ? "h2" : "h3";
  const H3 = level === 1 ? "h3" : "h4";
  return (
    <>
      <header>
        <H1 lang={shown}>{p.title}</H1>
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
              <H2 id="outcomes">{t("practices.outcomes")}</H2>
              <ul lang={shown}>
                {p.outcomes.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {p.continuity ? (
            <section aria-labelledby="continuity">
              <H2 id="continuity">{t("practices.continuity")}</H2>
              <p lang={shown}>{p.continuity}</p>
            </section>
          ) : null}
          <SourcesList sources={p.sources} headingLevel={level === 1 ? 2 : 3} />
          {footer}
        </div>
        <aside className="facts" aria-label={t("cities.facts")}>
          <H2 className="visually-hidden">{t("cities.facts")}</H2>
          <H3>{t("content.themes")}</H3>
          <TermChips terms={p.terms.themes} label={t("content.themes")} hrefFor={(term) => `/${lang}/practices?theme=${term.slug}`} />
          {p.terms.questionTypes.length ? (
            <>
              <H3>{t("content.questionTypes")}</H3>
              <TermChips terms={p.terms.questionTypes} label={t("content.questionTypes")} hrefFor={(term) => `/${lang}/questions#${term.slug}`} />
            </>
          ) : null}
          {p.terms.udhr.length ? (
            <>
              <H3>{t("content.udhrArticles")}</H3>
              <TermChips terms={p.terms.udhr} label={t("content.udhrArticles")} />
            </>
          ) : null}
          {p.terms.sdgs.length ? (
            <>
              <H3>{t("content.sdgs")}</H3>
              <TermChips terms={p.terms.sdgs} label={t("content.sdgs")} />
            </>
          ) : null}
          {p.partners.length ? (
            <>
              <H3>{t("practices.partners")}</H3>
              <ul className="partners">
                {p.partners.map((partner) => (
                  <li key={partner.name}>
                    <strong>{partner.organisation ? <Link to={`/${lang}/organisations/${partner.organisation}`}>{partner.name}</Link> : partner.name}</strong>
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
              <H3>{t("practices.coCities")}</H3>
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
    </>
  );
}
