import type { Language } from "#app/i18n/languages.ts";

const LOCALES: Record<Language, string> = { en: "en-GB", nl: "nl-NL", de: "de-DE", es: "es-ES", ko: "ko-KR" };

export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(value);
}

/** "2001", "2001-02" or "2001-02-08" rendered at the precision the source gives. */
export function formatPartialDate(value: string, lang: Language): string {
  const [y, m, d] = value.split("-").map(Number);
  if (!m) return String(y);
  const date = new Date(Date.UTC(y!, m - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = d
    ? { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }
    : { year: "numeric", month: "long", timeZone: "UTC" };
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(date);
}

/** "2010, 2012 or 2013" in the reader's language: the alternatives when sources disagree. */
export function formatAlternatives(values: string[], lang: Language): string {
  return new Intl.ListFormat(LOCALES[lang], { type: "disjunction" }).format(values);
}

export function formatDate(value: Date | string | number, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "long", timeZone: "UTC" }).format(new Date(value));
}

export function countryName(code: string, lang: Language): string {
  try {
    return new Intl.DisplayNames([LOCALES[lang]], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Date and time in UTC, the one zone every editor and the audit log agree on. */
export function formatDateTime(value: Date | string | number, lang: Language): string {
  return `${new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(value))} UTC`;
}
