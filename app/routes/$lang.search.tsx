import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FacetPanel } from "#app/components/search/facet-panel.tsx";
import { HitList } from "#app/components/search/hit-list.tsx";
import { Pagination } from "#app/components/search/pagination.tsx";
import { ActiveFilters, SortForm } from "#app/components/search/result-controls.tsx";
import { SearchBox } from "#app/components/search/search-box.tsx";
import { useFacetLabel } from "#app/components/search/use-facet-label.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { facetLabelsFor } from "#app/search/facet-labels.server.ts";
import { FACETS, type FacetParam } from "#app/search/facets.ts";
import { parseSearchParams, searchHref, toggleFilter } from "#app/search/query.ts";
import { knownValues, search } from "#app/search/search.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const t = await getT(lang);
  const parsed = parseSearchParams(new URL(request.url).searchParams, knownValues());
  const result = await search(parsed.params, lang, parsed.notices);
  const title = parsed.params.q ? `${t("search.title")}: ${parsed.params.q}` : t("search.title");
  return { lang, params: parsed.params, result, labels: facetLabelsFor(result, lang), meta: { title, description: t("search.label") } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex, follow" }];

export default function SearchPage() {
  const { lang, params, result, labels } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/${lang}/search`;
  const label = useFacetLabel(labels, lang);
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === base;
  const active = FACETS.flatMap(({ param }) => (params.filters[param] ?? []).map((value) => ({ param, value })));
  const toggleHref = (param: FacetParam, value: string) => searchHref(base, params, { filters: toggleFilter(params.filters, param, value) });

  return (
    <div className="search-page">
      <h1>{t("search.title")}</h1>
      <SearchBox base={base} params={params} />

      {result.notices.map((n, i) => (
        <p key={i} className={`notice notice-${n.kind}`} role={n.kind === "basicSearch" ? "status" : undefined} data-testid={`notice-${n.kind}`}>
          {n.kind === "queryTruncated"
            ? t("search.noticeTruncated", { max: n.max })
            : n.kind === "unknownFilter"
              ? t("search.noticeUnknownFilter", { value: `${n.facet}=${n.value}` })
              : t("search.noticeBasic")}
        </p>
      ))}

      <div className="search-layout">
        <FacetPanel facets={result.facets} params={params} label={label} toggleHref={toggleHref} />
        <section className="results" aria-labelledby="results-heading" aria-busy={searching}>
          <h2 id="results-heading" className="result-count" role="status" aria-live="polite">
            {searching
              ? t("search.searching")
              : params.q
                ? t("search.resultCountFor", { count: result.total, q: params.q })
                : t("search.resultCount", { count: result.total })}
          </h2>
          <SortForm base={base} params={params} />
          <ActiveFilters base={base} params={params} active={active} label={label} toggleHref={toggleHref} />
          <HitList lang={lang} params={params} result={result} active={active} label={label} toggleHref={toggleHref} />
          <Pagination base={base} params={params} page={result.page} pages={result.pages} />
        </section>
      </div>
    </div>
  );
}
