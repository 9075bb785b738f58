import i18next, { type i18n } from "i18next";
import { useMemo } from "react";
import { initReactI18next } from "react-i18next";
import type { Language } from "./languages.ts";

/**
 * One i18next instance per language and per render tree. The server decides the language (it is in
 * the URL) and the root loader sends that language's strings, so the server render and hydration
 * use identical, synchronously initialised instances: no flash of untranslated text, no fetch.
 */
export function useI18nInstance(lang: Language, strings: Record<string, unknown>): i18n {
  return useMemo(() => {
    const instance = i18next.createInstance();
    void instance.use(initReactI18next).init({
      lng: lang,
      fallbackLng: false,
      ns: ["common"],
      defaultNS: "common",
      resources: { [lang]: { common: strings } },
      interpolation: { escapeValue: false },
      initImmediate: false,
    });
    return instance;
  }, [lang, strings]);
}
