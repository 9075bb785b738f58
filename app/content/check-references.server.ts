import fs from "node:fs";
import path from "node:path";
import type { Vocabulary } from "#db/schema/index.ts";
import type { Collector } from "./collector.server.ts";
import type { ContentModel } from "./content-model.ts";
import { ContentProblem, parseMarkdownFile } from "./front-matter.server.ts";

/** Values of a field, whether the file validated or not (then only the values of the right type). */
function rawList(value: unknown): (string | number)[] {
  return Array.isArray(value) ? value.filter((v): v is string | number => typeof v === "string" || typeof v === "number") : [];
}

/** Every slug a file names (city, organisation, taxonomy term, …) must exist; a practice's translations keep its number of outcomes. */
export function checkReferences(c: Collector, m: ContentModel) {
  const terms = (v: Vocabulary) => new Set((m.taxonomies.get(v) ?? []).map((t) => t.slug));
  const themes = terms("theme");
  const qtypes = terms("question_type");
  const regions = terms("region");
  const udhr = terms("udhr_article");
  const sdgs = terms("sdg");
  const broken = (folder: string) => c.broken.get(path.join(c.root, folder)) ?? [];
  // Slugs of files that exist but failed validation count as known: their own errors are reported once.
  const slugs = (items: { slug: string }[], folder: string) => new Set([...items.map((x) => x.slug), ...broken(folder).map((b) => b.slug)]);
  const cities = slugs(m.cities, "cities");
  const practices = slugs(m.practices, "practices");
  const organisations = slugs(m.organisations, "organisations");
  const questions = slugs(m.questions, "questions");
  const lineOf = (file: string, p: (string | number)[]) => {
    const parsed = parseMarkdownFile(file, fs.readFileSync(path.join(path.dirname(c.root), file), "utf8"));
    return parsed instanceof ContentProblem ? 1 : parsed.lineOf(p);
  };
  // A field the schema already rejected is reported once, not twice.
  const reported = (file: string, field: string) => c.problems.some((p) => p.file === file && p.field === field);
  const check = (file: string, field: string, value: unknown, known: Set<string>, what: string, hint = "") => {
    rawList(value).forEach((v, i) => {
      if (!known.has(String(v)) && !reported(file, `${field}.${i}`))
        c.problem(file, lineOf(file, [field, i]), `${field}.${i}`, `unknown ${what} "${v}"${hint}`);
    });
  };
  const one = (file: string, field: string, value: unknown, known: Set<string>, what: string, hint = "") => {
    if (typeof value === "string" && !known.has(value) && !reported(file, field))
      c.problem(
        file,
        lineOf(
          file,
          field.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
        ),
        field,
        `unknown ${what} "${value}"${hint}`,
      );
  };
  const all = <T extends { file: string; data: object }>(items: T[], folder: string) => [
    ...items.map((x) => ({ file: x.file, raw: x.data as Record<string, unknown>, item: x })),
    ...broken(folder).map((b) => ({ file: b.file, raw: b.raw, item: undefined })),
  ];

  for (const { file, raw } of all(m.cities, "cities")) one(file, "region", raw.region, regions, "region", " (see taxonomies/regions.yaml)");
  for (const { file, raw } of all(m.organisations, "organisations")) {
    one(file, "city", raw.city, cities, "city", " (no such file in cities/)");
    check(file, "themes", raw.themes, themes, "theme", " (see taxonomies/themes.yaml)");
  }
  for (const { file, raw, item } of all(m.practices, "practices")) {
    one(file, "city", raw.city, cities, "city", " (no such file in cities/)");
    (Array.isArray(raw.partners) ? (raw.partners as { organisation?: unknown }[]) : []).forEach((partner, i) => {
      if (partner && typeof partner === "object")
        one(file, `partners.${i}.organisation`, partner.organisation, organisations, "organisation", " (no such file in organisations/)");
    });
    check(file, "themes", raw.themes, themes, "theme", " (see taxonomies/themes.yaml)");
    check(file, "question_types", raw.question_types, qtypes, "question type", " (see taxonomies/question-types.yaml)");
    check(file, "udhr_articles", raw.udhr_articles, udhr, "UDHR article");
    check(file, "sdgs", raw.sdgs, sdgs, "SDG");
    for (const t of item?.translations ?? []) {
      if (t.data.outcomes && t.data.outcomes.length !== item!.data.outcomes.length) {
        c.problem(t.file, lineOf(t.file, ["outcomes"]), "outcomes", `has ${t.data.outcomes.length} items but the original has ${item!.data.outcomes.length}`);
      }
    }
  }
  for (const { file, raw } of all(m.questions, "questions")) {
    one(file, "question_type", raw.question_type, qtypes, "question type");
    check(file, "themes", raw.themes, themes, "theme");
  }
  for (const a of m.answers) {
    if (!questions.has(a.question)) c.problem(a.file, 1, "(folder)", `answers/${a.question}/ names no question in questions/`);
    if (!cities.has(a.city)) c.problem(a.file, 1, "(file name)", `"${a.city}" is not a city in cities/`);
  }
  for (const t of m.toolkits) {
    check(t.file, "themes", t.data.themes, themes, "theme");
    check(t.file, "question_types", t.data.question_types, qtypes, "question type");
    for (const ch of t.chapters) {
      check(ch.file, "practices", ch.data.practices, practices, "practice");
      check(ch.file, "questions", ch.data.questions, questions, "question");
      check(ch.file, "cities", ch.data.cities, cities, "city");
    }
  }
}
