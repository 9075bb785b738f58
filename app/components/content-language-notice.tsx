import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ENDONYMS, pathInLanguage, type Language } from "#app/i18n/languages.ts";
import type { ContentLanguage } from "#app/models/localize.server.ts";

/**
 * Shown when the reader's language is missing: says which language they are reading and offers
 * the languages the item exists in (each link keeps the reader on the same page).
 */
export function ContentLanguageNotice({ language }: { language: ContentLanguage }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  if (!language.isFallback) return null;
  const reader = i18n.language as Language;
  return (
    <aside className="language-notice" role="note" data-testid="fallback-notice">
      <p>
        <strong>{t("content.originalIn", { language: t(`languages.${language.shown}`) })}</strong>{" "}
        {t("content.notTranslated", { language: t(`languages.${reader}`) })}
      </p>
      <p>
        {t("content.availableIn")}{" "}
        {language.available.map((l, i) => (
          <span key={l}>
            {i > 0 ? ", " : null}
            <a href={pathInLanguage(location.pathname, l)} hrefLang={l} lang={l}>
              {ENDONYMS[l]}
            </a>
          </span>
        ))}
      </p>
    </aside>
  );
}

/** A small badge for cards: the language a listed item will be shown in, when it isn't the reader's. */
export function LanguageBadge({ language }: { language: ContentLanguage }) {
  const { t } = useTranslation();
  if (!language.isFallback) return null;
  return <span className="badge">{t("content.originalIn", { language: t(`languages.${language.shown}`) })}</span>;
}
