import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageBadge } from "#app/components/content-language-notice.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { listCities } from "#app/models/cities.server.ts";
import { countryName, formatAlternatives, formatPartialDate } from "#app/utils/format.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const t = await getT(lang);
  return { lang, cities: listCities(lang), meta: { title: t("cities.title"), description: t("cities.intro") } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function Cities() {
  const { lang, cities } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("cities.title")}</h1>
      <p className="lead">{t("cities.intro")}</p>
      <div className="card-grid">
        {cities.map((c) => (
          <article key={c.slug} className="card">
            <h2>
              <Link to={`/${lang}/cities/${c.slug}`}>{c.name}</Link>
            </h2>
            <p className="card-meta">
              {countryName(c.country, lang)}
              {" · "}
              {c.hrCityStatus === "no-formal-declaration"
                ? t("cities.noFormalDeclaration")
                : c.hrCitySinceCertainty === "confirmed" && c.hrCitySince[0]
                  ? `${t("cities.since")} ${formatPartialDate(c.hrCitySince[0], lang)}`
                  : c.hrCitySinceCertainty === "disputed"
                    ? t("cities.sinceDisputedShort", {
                        values: formatAlternatives(
                          c.hrCitySince.map((s) => formatPartialDate(s, lang)),
                          lang,
                        ),
                      })
                    : t("cities.sinceUnknownShort")}
              <LanguageBadge language={c.language} />
            </p>
            <p lang={c.language.shown}>{c.summary}</p>
          </article>
        ))}
      </div>
    </>
  );
}
