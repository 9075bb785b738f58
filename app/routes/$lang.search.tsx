import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Highlighted } from "#app/components/highlighted.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import type { Language } from "#app/i18n/languages.ts";
import { cityNames } from "#app/models/cities.server.ts";
import { listAllTerms } from "#app/models/taxonomy.server.ts";
import { FACETS, type FacetParam } from "#app/search/facets.ts";
import { parseSearchParams, searchHref, toggleFilter, type SearchParams } from "#app/search/query.ts";
import { knownValues, search } from "#app/search/search.server.ts";
import { countryName } from "#app/utils/format.ts";
import { cachedByDataVersion } from "#app/utils/data-version-cache.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

const VOCABULARY_OF: Partial<Record<FacetParam, string>> = {
  type: "content_type",
  theme: "theme",
  qtype: "question_type",
  region: "region",
  udhr: "udhr_article",
  sdg: "sdg",
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const t = await getT(lang);
  const parsed = parseSearchParams(new URL(request.url).searchParams, knownValues());
  const result = await search(parsed.params, lang, parsed.notices);
  // Labels only for the values on this page, in the reader's language.
  const all = facetLabels(lang);
  const labels: FacetLabels = {};
  const want = (facet: FacetParam, value: string) => {
    const label = all[facet]?.[value];
    if (label) (labels[facet] ??= {})[value] = label;
  };
  for (const { param } of FACETS) for (const { value } of result.facets[param]) want(param, value);
  for (const hit of result.hits) {
    want("type", hit.type);
    if (hit.city) want("city", hit.city);
  }
  const title = parsed.params.q ? `${t("search.title")}: ${parsed.params.q}` : t("search.title");
  return { lang, params: parsed.params, result, labels, meta: { title, description: t("search.label") } };
}

type FacetLabels = Partial<Record<FacetParam, Record<string, string>>>;

function computeFacetLabels(lang: Language): FacetLabels {
  const labels: FacetLabels = {};
  for (const term of listAllTerms(lang)) {
    const facet = (Object.entries(VOCABULARY_OF).find(([, v]) => v === term.vocabulary)?.[0] ?? null) as FacetParam | null;
    if (facet) (labels[facet] ??= {})[term.slug] = term.label;
  }
  labels.city = Object.fromEntries([...cityNames(lang).values()].map((c) => [c.slug, c.name]));
  return labels;
}

/** Term and city labels per language, kept until the database changes. */
const labelsCache = cachedByDataVersion(() => new Map<Language, FacetLabels>());
function facetLabels(lang: Language): FacetLabels {
  const cache = labelsCache(getDb());
  if (!cache.has(lang)) cache.set(lang, computeFacetLabels(lang));
  return cache.get(lang)!;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex, follow" }];

function useFacetLabel(labels: Partial<Record<FacetParam, Record<string, string>>>, lang: Language) {
  const { t } = useTranslation();
  return (facet: FacetParam, value: string): string => {
    if (facet === "country") return countryName(value, lang);
    if (facet === "lang") return t(`languages.${value as Language}`);
    return labels[facet]?.[value] ?? value;
  };
}

function HiddenFilters({ params, skipSort = false }: { params: SearchParams; skipSort?: boolean }) {
  return (
    <>
      {FACETS.flatMap(({ param }) => (params.filters[param] ?? []).map((v) => <input key={`${param}-${v}`} type="hidden" name={param} value={v} />))}
      {!skipSort && params.sort !== "relevance" ? <input type="hidden" name="sort" value={params.sort} /> : null}
    </>
  );
}

export default function SearchPage() {
  const { lang, params, result, labels } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/${lang}/search`;
  const label = useFacetLabel(labels, lang);
  const submit = useSubmit();
  const navigation = useNavigation();
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<number | undefined>(undefined);

  // Keep the box in step with the URL (back button), unless the reader is typing in it.
  useEffect(() => {
    if (input.current && document.activeElement !== input.current) input.current.value = params.q;
  }, [params.q]);

  const searching = navigation.state === "loading" && navigation.location.pathname === base;
  const active = FACETS.flatMap(({ param }) => (params.filters[param] ?? []).map((value) => ({ param, value })));
  const chipHref = (param: FacetParam, value: string) => searchHref(base, params, { filters: toggleFilter(params.filters, param, value) });

  return (
    <div className="search-page">
      <h1>{t("search.title")}</h1>
      <Form method="get" action={base} role="search" className="search-form" aria-label={t("search.title")}>
        <label htmlFor="search-q">{t("search.label")}</label>
        <div className="search-row">
          <input
            ref={input}
            id="search-q"
            type="search"
            name="q"
            defaultValue={params.q}
            placeholder={t("search.placeholder")}
            maxLength={400}
            autoComplete="off"
            onChange={(event) => {
              const form = event.currentTarget.form;
              window.clearTimeout(timer.current);
              timer.current = window.setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), 300);
            }}
          />
          <HiddenFilters params={params} />
          <button type="submit">{t("search.submit")}</button>
        </div>
      </Form>

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
        <aside className="facets" aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t("search.filters")}</h2>
          {FACETS.map(({ param }) => {
            const values = result.facets[param];
            if (!values.length) return null;
            const selected = params.filters[param] ?? [];
            return (
              <details key={param} className="facet" open={selected.length > 0 || ["type", "theme", "qtype", "city", "lang"].includes(param)}>
                <summary>{t(`search.facet.${param}`)}</summary>
                <ul data-facet={param}>
                  {values.map(({ value, count }) => {
                    const on = selected.includes(value);
                    return (
                      <li key={value}>
                        <Link to={chipHref(param, value)} className={on ? "facet-value on" : "facet-value"} aria-current={on ? "true" : undefined} preventScrollReset>
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

        <section className="results" aria-labelledby="results-heading" aria-busy={searching}>
          <h2 id="results-heading" className="result-count" role="status" aria-live="polite">
            {searching
              ? t("search.searching")
              : params.q
                ? t("search.resultCountFor", { count: result.total, q: params.q })
                : t("search.resultCount", { count: result.total })}
          </h2>

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

          {active.length ? (
            <div className="active-filters">
              <h3 className="visually-hidden">{t("search.activeFilters")}</h3>
              <ul className="chips">
                {active.map(({ param, value }) => (
                  <li key={`${param}-${value}`}>
                    <Link className="chip removable" to={chipHref(param, value)} aria-label={t("search.removeFilter", { label: `${t(`search.facet.${param}`)}: ${label(param, value)}` })}>
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
          ) : null}

          {result.hits.length === 0 ? (
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
                        <Link to={chipHref(param, value)}>
                          {t(`search.facet.${param}`)}: {label(param, value)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <p>{params.q || active.length ? t("search.emptyOtherLanguage") : t("search.emptyNoQuery")}</p>
            </div>
          ) : (
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
          )}

          {result.pages > 1 ? (
            <nav className="pagination" aria-label={t("search.pagination")}>
              <p className="muted">{t("search.pageOf", { page: result.page, pages: result.pages })}</p>
              <ul>
                {result.page > 1 ? (
                  <li>
                    <Link rel="prev" to={searchHref(base, params, { page: result.page - 1 })}>
                      ← {t("search.previous")}
                    </Link>
                  </li>
                ) : null}
                {Array.from({ length: result.pages }, (_, i) => i + 1)
                  .filter((p) => Math.abs(p - result.page) <= 3 || p === 1 || p === result.pages)
                  .map((p) => (
                    <li key={p}>
                      {p === result.page ? (
                        <span aria-current="page">{p}</span>
                      ) : (
                        <Link to={searchHref(base, params, { page: p })} aria-label={t("search.pageN", { page: p })}>
                          {p}
                        </Link>
                      )}
                    </li>
                  ))}
                {result.page < result.pages ? (
                  <li>
                    <Link rel="next" to={searchHref(base, params, { page: result.page + 1 })}>
                      {t("search.next")} →
                    </Link>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  );
}
