import { FACETS } from "#app/search/facets.ts";
import type { SearchParams } from "#app/search/query.ts";

/** The current filters (and sort) as hidden fields, so a GET form keeps them without JavaScript. */
export function HiddenFilters({ params, skipSort = false }: { params: SearchParams; skipSort?: boolean }) {
  return (
    <>
      {FACETS.flatMap(({ param }) => (params.filters[param] ?? []).map((v) => <input key={`${param}-${v}`} type="hidden" name={param} value={v} />))}
      {!skipSort && params.sort !== "relevance" ? <input type="hidden" name="sort" value={params.sort} /> : null}
    </>
  );
}
