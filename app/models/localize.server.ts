import type { Language } from "#app/i18n/languages.ts";

/** What a page needs to say about the language of a content item it shows. */
export type ContentLanguage = {
  /** Language of the text actually shown. */
  shown: Language;
  original: Language;
  /** True when the reader's language is missing and the original is shown instead. */
  isFallback: boolean;
  available: Language[];
};

/**
 * Picks the reader's language, else the original. Never mixes languages inside one item: a
 * half-translated item would mislead more than a clearly labelled original.
 */
export function pickTranslation<T extends { lang: Language }>(rows: T[], lang: Language, original: Language): { text: T; language: ContentLanguage } | null {
  const text = rows.find((r) => r.lang === lang) ?? rows.find((r) => r.lang === original) ?? rows[0];
  if (!text) return null;
  const available = rows.map((r) => r.lang).sort();
  return { text, language: { shown: text.lang, original, isFallback: text.lang !== lang, available } };
}

/** Groups translation rows by their owner's id. */
export function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
