import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FACETS, type FacetParam } from "#app/search/facets.ts";
import type { SearchParams } from "#app/search/query.ts";
import type { SearchResult } from "#app/search/search.server.ts";
import type { FacetLabel } from "./use-facet-label.ts";

const OPEN_BY_DEFAULT: readonly FacetParam[] = ["type", "theme", "qtype", "city", "lang"];

/** The filters: one list of links per facet, each value with its count; a link toggles it. */
export function FacetPanel({
  facets,
  params,
  label,
  toggleHref,
}: {
  facets: SearchResult["facets"];
  params: SearchParams;
  label: FacetLabel;
  toggleHref: (param: FacetParam, value: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <aside className="facets" aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t("search.filters")}</h2>
      {FACETS.map(({ param }) => {
        const values = facets[param];
        if (!values.length) return null;
        const selected = params.filters[param] ?? [];
        return (
          <details key={param} className="facet" open={selected.length > 0 || OPEN_BY_DEFAULT.includes(param)}>
            <summary>{t(`search.facet.${param}`)}</summary>
            <ul data-facet={param}>
              {values.map(({ value, count }) => {
                const on = selected.includes(value);
                return (
                  <li key={value}>
                    <Link
                      to={toggleHref(param, value)}
                      className={on ? "facet-value on" : "facet-value"}
                      aria-current={on ? "true" : undefined}
                      preventScrollReset
                    >
                      <span className="box" aria-hidden="true">
                        {on ? "☑" : "☐"}
                      </span>
                      <span className="facet-label">{label(param, value)}</span>
                      {on ? <span className="visually-hidden"> ({t("search.selected")})</span> : null}
                      <span className="facet-count">{count}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </aside>
  );
}
