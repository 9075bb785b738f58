import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Highlighted } from "#app/components/highlighted.tsx";
import type { Language } from "#app/i18n/languages.ts";
import type { FacetParam } from "#app/search/facets.ts";
import type { SearchParams } from "#app/search/query.ts";
import type { SearchResult } from "#app/search/search.server.ts";
import type { ActiveFilter } from "./result-controls.tsx";
import type { FacetLabel } from "./use-facet-label.ts";

/** The hits of one page, numbered across pages; or, when there are none, what to try next. */
export function HitList({
  lang,
  params,
  result,
  active,
  label,
  toggleHref,
}: {
  lang: Language;
  params: SearchParams;
  result: Pick<SearchResult, "hits" | "page">;
  active: ActiveFilter[];
  label: FacetLabel;
  toggleHref: (param: FacetParam, value: string) => string;
}) {
  const { t } = useTranslation();
  if (result.hits.length === 0) {
    return (
      <div className="empty-state">
        <p>
          <strong>{t("search.emptyTitle")}</strong>
        </p>
        {active.length ? (
          <>
            <p>{t("search.emptyRemoveFilter")}</p>
            <ul>
              {active.map(({ param, value }) => (
                <li key={`${param}-${value}`}>
                  <Link to={toggleHref(param, value)}>
                    {t(`search.facet.${param}`)}: {label(param, value)}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>{params.q || active.length ? t("search.emptyOtherLanguage") : t("search.emptyNoQuery")}</p>
      </div>
    );
  }
  return (
    <ol className="hits" start={(result.page - 1) * 10 + 1}>
      {result.hits.map((hit) => (
        <li key={hit.id} className="hit">
          <p className="hit-meta">
            <span className="hit-type">{label("type", hit.type)}</span>
            {hit.city ? <> · {label("city", hit.city)}</> : null}
            {hit.year ? <> · {hit.year}</> : null}
            {hit.language !== lang ? <span className="badge">{t("search.inLanguage", { language: t(`languages.${hit.language}`) })}</span> : null}
          </p>
          <h3 lang={hit.language}>
            <Link to={`/${lang}/${hit.url}`}>
              <Highlighted segments={hit.title} />
            </Link>
          </h3>
          <p className="hit-snippet" lang={hit.language}>
            <Highlighted segments={hit.snippet} />
          </p>
        </li>
      ))}
    </ol>
  );
}
