import { Form, Link, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FacetParam } from "#app/search/facets.ts";
import { searchHref, type SearchParams } from "#app/search/query.ts";
import { HiddenFilters } from "./hidden-filters.tsx";
import type { FacetLabel } from "./use-facet-label.ts";

export type ActiveFilter = { param: FacetParam; value: string };

/** Sort order: a GET form with a button, submitted on change when JavaScript runs. */
export function SortForm({ base, params }: { base: string; params: SearchParams }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  return (
    <Form method="get" action={base} className="sort-form">
      <input type="hidden" name="q" value={params.q} />
      <HiddenFilters params={params} skipSort />
      <label htmlFor="search-sort">{t("search.sort")}</label>{" "}
      <select id="search-sort" name="sort" defaultValue={params.sort} key={params.sort} onChange={(e) => submit(e.currentTarget.form)}>
        <option value="relevance">{t("search.sortRelevance")}</option>
        <option value="date">{t("search.sortDate")}</option>
      </select>{" "}
      <button type="submit" className="secondary">
        {t("search.apply")}
      </button>
    </Form>
  );
}

/** The chosen filters as chips that remove themselves, and a link that clears them all. */
export function ActiveFilters({
  base,
  params,
  active,
  label,
  toggleHref,
}: {
  base: string;
  params: SearchParams;
  active: ActiveFilter[];
  label: FacetLabel;
  toggleHref: (param: FacetParam, value: string) => string;
}) {
  const { t } = useTranslation();
  if (!active.length) return null;
  return (
    <div className="active-filters">
      <h3 className="visually-hidden">{t("search.activeFilters")}</h3>
      <ul className="chips">
        {active.map(({ param, value }) => (
          <li key={`${param}-${value}`}>
            <Link
              className="chip removable"
              to={toggleHref(param, value)}
              aria-label={t("search.removeFilter", { label: `${t(`search.facet.${param}`)}: ${label(param, value)}` })}
            >
              {t(`search.facet.${param}`)}: {label(param, value)} <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
        <li>
          <Link to={searchHref(base, params, { filters: {} })} className="clear-all">
            {t("search.clearAll")}
          </Link>
        </li>
      </ul>
    </div>
  );
}
