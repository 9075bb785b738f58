/** UI languages, which are also the languages content may be written in. English is the source. */
export const LANGUAGES = ["en", "nl", "de", "es", "ko"] as const;
export type Language = (typeof LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = "en";

/** Each language named in itself, for the language switcher. */
export const ENDONYMS: Record<Language, string> = {
  en: "English",
  nl: "Nederlands",
  de: "Deutsch",
  es: "Español",
  ko: "한국어",
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Swaps (or adds) the language segment of a path: /nl/practices/x → /de/practices/x. */
export function pathInLanguage(pathname: string, lang: Language): string {
  const parts = pathname.split("/");
  if (isLanguage(parts[1])) parts[1] = lang;
  else parts.splice(1, 0, lang);
  const joined = parts.join("/");
  return joined.endsWith("/") && joined.length > 1 ? joined.slice(0, -1) : joined;
}
