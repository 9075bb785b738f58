import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PracticeCard } from "#app/components/cards.tsx";
import { ContentLanguageNotice } from "#app/components/content-language-notice.tsx";
import { HtmlContent } from "#app/components/html-content.tsx";
import { SourcesList } from "#app/components/sources-list.tsx";
import { TermChips } from "#app/components/term-chips.tsx";
import { getOrganisation } from "#app/models/organisations.server.ts";
import { formatDate } from "#app/utils/format.ts";
import { langParam, orNotFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export function loader({ params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const organisation = orNotFound(getOrganisation(params.slug ?? "", lang));
  return { lang, organisation, meta: { title: organisation.name, description: organisation.summary } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function Organisation() {
  const { lang, organisation: o } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="detail">
      <nav aria-label={t("content.breadcrumb")} className="breadcrumb">
        <Link to={`/${lang}/organisations`}>{t("nav.organisations")}</Link>
      </nav>
      <header>
        <h1 lang={o.language.shown}>{o.name}</h1>
        <p className="lead">
          {t(`organisations.kinds.${o.kind}`)}
          {" · "}
          {o.city ? <Link to={`/${lang}/cities/${o.city.slug}`}>{o.city.name}</Link> : t("organisations.noCity")}
        </p>
      </header>
      <ContentLanguageNotice language={o.language} />
      <div className="detail-grid">
        <div>
          <HtmlContent html={o.bodyHtml} lang={o.language.shown} />
          <section aria-labelledby="organisation-practices">
            <h2 id="organisation-practices">{t("organisations.practices")}</h2>
            {o.practices.length === 0 ? (
              <p>{t("organisations.noPractices")}</p>
            ) : (
              <div className="card-grid">
                {o.practices.map((p) => (
                  <PracticeCard key={p.slug} practice={p} lang={lang} />
                ))}
              </div>
            )}
          </section>
          <SourcesList sources={o.sources} />
          <p className="muted small">{t("content.lastUpdated", { date: formatDate(o.updatedAt, lang) })}</p>
        </div>
        <aside className="facts" aria-labelledby="organisation-facts">
          <h2 id="organisation-facts">{t("cities.facts")}</h2>
          <dl className="fact-table">
            {o.coalition && o.city ? (
              <div>
                <dt>{t("organisations.coalition")}</dt>
                <dd>
                  {t("organisations.coalitionIn", { role: t(`organisations.roles.${o.coalition.role}`), city: o.city.name })}
                  {o.coalition.since ? ` (${t("organisations.coalitionSince", { year: o.coalition.since })})` : null}
                </dd>
              </div>
            ) : null}
            {o.website ? (
              <div>
                <dt>{t("organisations.website")}</dt>
                <dd>
                  <a href={o.website}>{new URL(o.website).hostname}</a>
                </dd>
              </div>
            ) : null}
          </dl>
          {o.themes.length ? (
            <>
              <h3>{t("organisations.themes")}</h3>
              <TermChips terms={o.themes} label={t("organisations.themes")} hrefFor={(term) => `/${lang}/organisations?theme=${term.slug}`} />
            </>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
