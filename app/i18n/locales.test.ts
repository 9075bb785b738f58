import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "./languages.ts";

type Tree = { [key: string]: string | Tree };
const load = (lang: string): Tree => JSON.parse(fs.readFileSync(path.join("locales", lang, "common.json"), "utf8"));
const flatten = (tree: Tree, prefix = ""): Map<string, string> =>
  new Map(Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v] as const] : [...flatten(v, `${prefix}${k}.`)])));
const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

// Proper names, symbols and loanwords that are legitimately spelt as in English (reviewed one by one).
const SAME_EVERYWHERE = ["site.name", "practices.fromTo"];
const SAME_AS_ENGLISH: Record<string, string[]> = {
  nl: [...SAME_EVERYWHERE, "nav.toolkits", "home.featuredToolkits", "toolkits.title", "cities.monitoring", "roles.media", "search.filters", "search.facet.sdg"],
  de: [...SAME_EVERYWHERE, "nav.toolkits", "home.featuredToolkits", "toolkits.title", "cities.monitoring", "types.organisation", "editor.organisationName"],
  es: SAME_EVERYWHERE,
  ko: SAME_EVERYWHERE,
};

const en = flatten(load("en"));
// A key is a plural form only when English has that base's "_other" form ("too_many" is not a plural).
const isPlural = (k: string) => PLURAL.test(k) && en.has(k.replace(PLURAL, "_other"));
const enPlainKeys = [...en.keys()].filter((k) => !isPlural(k));
const enPluralBases = [...new Set([...en.keys()].filter(isPlural).map((k) => k.replace(PLURAL, "")))];

describe.each(LANGUAGES.filter((l) => l !== "en"))("locale %s", (lang) => {
  const strings = flatten(load(lang));
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

  it("has every key of English, and no other", () => {
    const missing = enPlainKeys.filter((k) => !strings.has(k));
    const expectedPlural = enPluralBases.flatMap((b) => categories.map((c) => `${b}_${c}`));
    const missingPlural = expectedPlural.filter((k) => !strings.has(k));
    const extra = [...strings.keys()].filter((k) => !en.has(k) && !expectedPlural.includes(k));
    expect({ missing, missingPlural, extra }).toEqual({ missing: [], missingPlural: [], extra: [] });
  });

  it("keeps every {{placeholder}} of the English text", () => {
    const wrong = [...strings].filter(([k, v]) => {
      const source = en.get(k) ?? en.get(k.replace(PLURAL, "_other"));
      return source !== undefined && placeholders(source).join() !== placeholders(v).join();
    });
    expect(wrong).toEqual([]);
  });

  it("is actually translated (no English left behind)", () => {
    const untranslated = [...strings].filter(([k, v]) => !SAME_AS_ENGLISH[lang]!.includes(k) && v.trim() !== "" && v === en.get(k)).map(([k]) => k);
    expect(untranslated).toEqual([]);
  });
});

describe("English source", () => {
  it("has no empty values", () => {
    expect([...en].filter(([, v]) => v.trim() === "")).toEqual([]);
  });
});
