import de from "../../locales/de/common.json";
import en from "../../locales/en/common.json";
import es from "../../locales/es/common.json";
import ko from "../../locales/ko/common.json";
import nl from "../../locales/nl/common.json";
import type { Language } from "./languages.ts";

export type Translations = typeof en;

/** Every locale must have the same shape as English; `npm test` checks it key by key. */
export const resources: Record<Language, { common: Translations }> = {
  en: { common: en },
  nl: { common: nl as Translations },
  de: { common: de as Translations },
  es: { common: es as Translations },
  ko: { common: ko as Translations },
};
