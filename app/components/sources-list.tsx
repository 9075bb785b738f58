import { useTranslation } from "react-i18next";
import type { Source } from "#app/models/sources.server.ts";

export function SourcesList({ sources, headingLevel = 2 }: { sources: Source[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="sources" aria-labelledby="sources-heading">
      <Heading id="sources-heading">{t("content.sources")}</Heading>
      {sources.length === 0 ? (
        <p>{t("content.noSources")}</p>
      ) : (
        <ol>
          {sources.map((s) => (
            <li key={s.url + s.title}>
              <a href={s.url} rel="noopener noreferrer external">
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Compact source list inside an answer card (no section heading id, many per page). */
export function InlineSources({ sources }: { sources: Source[] }) {
  const { t } = useTranslation();
  if (!sources.length) return null;
  return (
    <details className="inline-sources">
      <summary>
        {t("content.sources")} ({sources.length})
      </summary>
      <ol>
        {sources.map((s) => (
          <li key={s.url + s.title}>
            <a href={s.url} rel="noopener noreferrer external">
              {s.title}
            </a>
          </li>
        ))}
      </ol>
    </details>
  );
}
