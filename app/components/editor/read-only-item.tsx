import { useTranslation } from "react-i18next";
import { HtmlContent } from "#app/components/html-content.tsx";
import { PracticeDetail } from "#app/components/practice-detail.tsx";
import { SourcesList } from "#app/components/sources-list.tsx";
import { useErrorText } from "#app/components/form-fields.tsx";
import type { ReadOnlyItem } from "#app/editorial/review.server.ts";
import type { Language } from "#app/i18n/languages.ts";
import { countryName, formatNumber } from "#app/utils/format.ts";

function Body({ body, lang }: { body: { html: string | null; error: string | null }; lang: Language }) {
  const errorText = useErrorText();
  if (body.error) {
    return (
      <p className="field-errors" role="alert">
        {errorText(body.error)}
      </p>
    );
  }
  // Sanitised HTML only: stored with the item, or rendered from its Markdown by the one render path.
  return <HtmlContent html={body.html ?? ""} lang={lang} />;
}

/** A website as a fact of the item: the address in full, so a reviewer sees where it leads. */
function WebsiteFact({ label, url }: { label: string; url: string | null }) {
  if (!url) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className="break-anywhere">
        <a href={url} rel="noopener noreferrer external">
          {url}
        </a>
      </dd>
    </>
  );
}

/**
 * An item as readers will see it, not editable, under a level-2 heading: practices through the
 * public page's own component, answers and city profiles as their fields.
 */
export function ReadOnlyItemView({ lang, item }: { lang: Language; item: ReadOnlyItem }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (item.type === "practice") {
    return (
      <>
        {item.bodyError ? (
          <p className="field-errors" role="alert">
            {errorText(item.bodyError)}
          </p>
        ) : null}
        {item.practice ? <PracticeDetail lang={lang} practice={item.practice} level={2} /> : null}
      </>
    );
  }
  if (item.type === "organisation") {
    return (
      <>
        <h3 lang={item.language}>{item.name}</h3>
        <dl className="facts">
          <dt>{t("organisations.kind")}</dt>
          <dd>{t(`organisations.kinds.${item.kind}`)}</dd>
          <dt>{t("organisations.themes")}</dt>
          <dd>{item.themes.join(" · ")}</dd>
          {item.coalitionRole ? (
            <>
              <dt>{t("organisations.coalition")}</dt>
              <dd>
                {t(`organisations.roles.${item.coalitionRole}`)}
                {item.coalitionSince ? ` (${t("organisations.coalitionSince", { year: item.coalitionSince })})` : null}
              </dd>
            </>
          ) : null}
          <WebsiteFact label={t("organisations.website")} url={item.website} />
        </dl>
        <Body body={item.body} lang={item.language} />
        <SourcesList sources={item.sources} headingLevel={3} />
      </>
    );
  }
  if (item.type === "answer") {
    return (
      <>
        <p className="lead" lang={item.language}>
          {item.summary}
        </p>
        <Body body={item.body} lang={item.language} />
        <SourcesList sources={item.sources} headingLevel={3} />
      </>
    );
  }
  return (
    <>
      <h3 lang={item.language}>{item.name}</h3>
      <p className="lead" lang={item.language}>
        {item.summary}
      </p>
      <dl className="facts">
        <dt>{t("cities.country")}</dt>
        <dd>{countryName(item.country, lang)}</dd>
        {item.population !== null ? (
          <>
            <dt>{t("cities.population")}</dt>
            <dd>
              {item.populationYear
                ? t("cities.populationValue", { value: formatNumber(item.population, lang), year: item.populationYear })
                : formatNumber(item.population, lang)}
            </dd>
          </>
        ) : null}
        <dt>{t("editor.hrCityStatus")}</dt>
        <dd>{t(`editor.hrCityStatuses.${item.hrCityStatus}`)}</dd>
        <WebsiteFact label={t("cities.website")} url={item.website} />
      </dl>
      <Body body={item.body} lang={item.language} />
      {item.facts.length ? (
        <section aria-labelledby="review-facts-h">
          <h4 id="review-facts-h">{t("editor.cityFacts")}</h4>
          <ul className="fact-list">
            {item.facts.map((f, i) => (
              <li key={i}>
                {t(`editor.factKinds.${f.kind}`)}: {f.url ? <a href={f.url}>{f.name}</a> : f.name}
                {f.since ? <span className="muted"> ({f.since})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <SourcesList sources={item.sources} headingLevel={3} />
    </>
  );
}
