import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationCard } from "#app/components/cards.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { cityNames } from "#app/models/cities.server.ts";
import { listOrganisations } from "#app/models/organisations.server.ts";
import { listTerms } from "#app/models/taxonomy.server.ts";
import { ORGANISATION_KINDS } from "#app/domain/enums.ts";
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
  const kind = ORGANISATION_KINDS.find((k) => k === url.searchParams.get("kind"));
  const organisations = listOrganisations(lang, { theme, city, kind });
  const chosen = [
    cities.find((x) => x.slug === city)?.name,
    kind ? t(`organisations.kinds.${kind}`) : undefined,
    themes.find((x) => x.slug === theme)?.label,
  ].filter((x): x is string => Boolean(x));
  return {
    lang,
    meta: { title: [t("organisations.title"), ...chosen].join(" · "), description: t("organisations.intro") },
    organisations,
    themes,
    cities,
    selected: { theme, city, kind },
    chosen,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function Organisations() {
  const { lang, organisations, themes, cities, selected, chosen } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const filtered = Boolean(selected.theme || selected.city || selected.kind);
  return (
    <>
      <h1>
        {t("organisations.title")}
        {chosen.length ? <span className="subtitle">{chosen.join(" · ")}</span> : null}
      </h1>
      <p className="lead">{t("organisations.intro")}</p>
      <Form method="get" className="filters" aria-label={t("organisations.filters")}>
        <div className="field">
          <label htmlFor="filter-city">{t("organisations.city")}</label>
          <select id="filter-city" name="city" defaultValue={selected.city ?? ""} key={`city-${selected.city ?? ""}`}>
            <option value="">{t("organisations.anyCity")}</option>
            {cities.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-kind">{t("organisations.kind")}</label>
          <select id="filter-kind" name="kind" defaultValue={selected.kind ?? ""} key={`kind-${selected.kind ?? ""}`}>
            <option value="">{t("organisations.anyKind")}</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`organisations.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-theme">{t("organisations.theme")}</label>
          <select id="filter-theme" name="theme" defaultValue={selected.theme ?? ""} key={`theme-${selected.theme ?? ""}`}>
            <option value="">{t("organisations.anyTheme")}</option>
            {themes.map((th) => (
              <option key={th.slug} value={th.slug}>
                {th.label}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit">{t("organisations.apply")}</button>
          {filtered ? <Link to={`/${lang}/organisations`}>{t("organisations.clear")}</Link> : null}
        </div>
      </Form>
      <p role="status" className="result-count">
        {t("organisations.count", { count: organisations.length })}
      </p>
      {organisations.length === 0 ? (
        <p>{t("organisations.empty")}</p>
      ) : (
        <div className="card-grid">
          {organisations.map((o) => (
            <OrganisationCard key={o.slug} organisation={o} lang={lang} headingLevel={2} />
          ))}
        </div>
      )}
    </>
  );
}
