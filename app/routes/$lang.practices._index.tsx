import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PracticeCard } from "#app/components/cards.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { cityNames } from "#app/models/cities.server.ts";
import { listPractices } from "#app/models/practices.server.ts";
import { listTerms } from "#app/models/taxonomy.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const t = await getT(lang);
  const url = new URL(request.url);
  const themes = listTerms("theme", lang);
  const cities = [...cityNames(lang).values()].sort((a, b) => a.name.localeCompare(b.name, lang));
  // Unknown filter values are dropped rather than producing an empty page for a mistyped link.
  const theme = themes.find((x) => x.slug === url.searchParams.get("theme"))?.slug;
  const city = cities.find((x) => x.slug === url.searchParams.get("city"))?.slug;
  const practices = listPractices(lang, { theme, city });
  const themeLabel = themes.find((x) => x.slug === theme)?.label;
  const cityLabel = cities.find((x) => x.slug === city)?.name;
  const title = [t("practices.title"), themeLabel, cityLabel].filter(Boolean).join(" · ");
  return { lang, meta: { title, description: t("practices.intro") }, practices, themes, cities, selected: { theme, city }, themeLabel, cityLabel };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function Practices() {
  const { lang, practices, themes, cities, selected, themeLabel, cityLabel } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>
        {t("practices.title")}
        {themeLabel || cityLabel ? <span className="subtitle">{[themeLabel, cityLabel].filter(Boolean).join(" · ")}</span> : null}
      </h1>
      <p className="lead">{t("practices.intro")}</p>
      <Form method="get" className="filters" aria-label={t("practices.filters")}>
        <div className="field">
          <label htmlFor="filter-theme">{t("practices.theme")}</label>
          <select id="filter-theme" name="theme" defaultValue={selected.theme ?? ""} key={`theme-${selected.theme ?? ""}`}>
            <option value="">{t("practices.anyTheme")}</option>
            {themes.map((th) => (
              <option key={th.slug} value={th.slug}>
                {th.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-city">{t("practices.city")}</label>
          <select id="filter-city" name="city" defaultValue={selected.city ?? ""} key={`city-${selected.city ?? ""}`}>
            <option value="">{t("practices.anyCity")}</option>
            {cities.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit">{t("practices.apply")}</button>
          {selected.theme || selected.city ? <Link to={`/${lang}/practices`}>{t("practices.clear")}</Link> : null}
        </div>
      </Form>
      <p role="status" className="result-count">
        {t("practices.count", { count: practices.length })}
      </p>
      {practices.length === 0 ? (
        <p>{t("practices.empty")}</p>
      ) : (
        <div className="card-grid">
          {practices.map((p) => (
            <PracticeCard key={p.slug} practice={p} lang={lang} headingLevel={2} />
          ))}
        </div>
      )}
    </>
  );
}
