import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { searchHref, type SearchParams } from "#app/search/query.ts";

/** Previous, next and the pages near the current one (plus the first and last). */
export function Pagination({ base, params, page, pages }: { base: string; params: SearchParams; page: number; pages: number }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("search.pagination")}>
      <p className="muted">{t("search.pageOf", { page, pages })}</p>
      <ul>
        {page > 1 ? (
          <li>
            <Link rel="prev" to={searchHref(base, params, { page: page - 1 })}>
              ← {t("search.previous")}
            </Link>
          </li>
        ) : null}
        {Array.from({ length: pages }, (_, i) => i + 1)
          .filter((p) => Math.abs(p - page) <= 3 || p === 1 || p === pages)
          .map((p) => (
            <li key={p}>
              {p === page ? (
                <span aria-current="page">{p}</span>
              ) : (
                <Link to={searchHref(base, params, { page: p })} aria-label={t("search.pageN", { page: p })}>
                  {p}
                </Link>
              )}
            </li>
          ))}
        {page < pages ? (
          <li>
            <Link rel="next" to={searchHref(base, params, { page: page + 1 })}>
              {t("search.next")} →
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
