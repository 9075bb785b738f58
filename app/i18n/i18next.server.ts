import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { FALLBACK_LANGUAGE, LANGUAGES, isLanguage, type Language } from "./languages.ts";
import { resources } from "./resources.server.ts";

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: FALLBACK_LANGUAGE,
    cookie: languageCookie,
    // The URL carries the language on every content page; detection only serves "/" and paths
    // whose language segment is missing or unsupported.
    order: ["cookie", "header"],
  },
  i18next: { resources, defaultNS: "common", fallbackLng: FALLBACK_LANGUAGE },
});

/** The language the reader most likely wants: cookie, then Accept-Language, then English. */
export async function detectLanguage(request: Request): Promise<Language> {
  const found = await i18nServer.getLocale(request);
  return isLanguage(found) ? found : FALLBACK_LANGUAGE;
}

export function getT(lang: Language) {
  return i18nServer.getFixedT(lang, "common");
}
