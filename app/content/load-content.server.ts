import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { LANGUAGES, type Language, type Vocabulary } from "#db/schema/index.ts";
import { ContentProblem, parseMarkdownFile, parseYamlFile, type ParsedFile } from "./front-matter.server.ts";
import {
  answerFileSchema,
  answerTranslationSchema,
  chapterFileSchema,
  cityFileSchema,
  cityTranslationSchema,
  organisationFileSchema,
  organisationTranslationSchema,
  practiceFileSchema,
  practiceTranslationSchema,
  questionFileSchema,
  questionTranslationSchema,
  synonymsFileSchema,
  taxonomyFileSchema,
  titledTranslationSchema,
  toolkitFileSchema,
} from "./schemas.server.ts";
import { MARKDOWN_LIMITS, markdownComplexity } from "#app/utils/markdown-limits.ts";
import en from "../../locales/en/common.json";

export const TAXONOMY_FILES: Record<string, Vocabulary> = {
  "themes.yaml": "theme",
  "question-types.yaml": "question_type",
  "content-types.yaml": "content_type",
  "regions.yaml": "region",
  "udhr-articles.yaml": "udhr_article",
  "sdgs.yaml": "sdg",
};

export type Translation<T> = { lang: Language; file: string; data: T; body: string };
export type Item<T, U> = { slug: string; file: string; data: T; body: string; translations: Translation<U>[] };
/** A file that failed validation: kept so references to it don't cascade into more errors. */
export type Broken = { slug: string; file: string; raw: Record<string, unknown> };

export type TaxonomyTerm = z.output<typeof taxonomyFileSchema>[number];
export type CityItem = Item<z.output<typeof cityFileSchema>, z.output<typeof cityTranslationSchema>>;
export type OrganisationItem = Item<z.output<typeof organisationFileSchema>, z.output<typeof organisationTranslationSchema>>;
export type PracticeItem = Item<z.output<typeof practiceFileSchema>, z.output<typeof practiceTranslationSchema>>;
export type QuestionItem = Item<z.output<typeof questionFileSchema>, z.output<typeof questionTranslationSchema>>;
export type AnswerItem = Item<z.output<typeof answerFileSchema>, z.output<typeof answerTranslationSchema>> & {
  question: string;
  city: string;
};
export type ChapterItem = Item<z.output<typeof chapterFileSchema>, z.output<typeof titledTranslationSchema>> & {
  position: number;
};
export type ToolkitItem = Item<z.output<typeof toolkitFileSchema>, z.output<typeof titledTranslationSchema>> & {
  chapters: ChapterItem[];
};

export type ContentModel = {
  taxonomies: Map<Vocabulary, TaxonomyTerm[]>;
  /** Groups of taxonomies/synonyms.yaml, in file order; empty when the file is absent. */
  synonyms: string[][];
  cities: CityItem[];
  organisations: OrganisationItem[];
  practices: PracticeItem[];
  questions: QuestionItem[];
  answers: AnswerItem[];
  toolkits: ToolkitItem[];
};

/**
 * The forms' validators speak in codes (`too_long:200`) that the UI translates; a content file's
 * problem is told in English, with the very words the English form uses.
 */
function inEnglish(message: string): string {
  const [code, arg] = message.split(":");
  const errors = en.form.errors as Record<string, string>;
  const text = code && Object.hasOwn(errors, code) ? errors[code]! : undefined;
  return text ? text.replace(/\{\{\s*\w+\s*\}\}/g, arg ?? "") : message;
}

const MD_NAME = new RegExp(`^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\\.([a-z]{2}))?\\.md$`);

class Collector {
  readonly problems: ContentProblem[] = [];
  readonly broken = new Map<string, Broken[]>();
  constructor(readonly root: string) {}

  rel(abs: string) {
    return path.relative(path.dirname(this.root), abs).split(path.sep).join("/");
  }

  validate<S extends z.ZodTypeAny>(parsed: ParsedFile, schema: S): z.output<S> | undefined {
    const result = schema.safeParse(parsed.data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        // Point at each misspelt key itself rather than at the object that contains it.
        for (const key of issue.keys) {
          const path = [...issue.path, key];
          this.problems.push(
            new ContentProblem(parsed.file, parsed.lineOf(path), path.join("."), "unknown field (see toolkit-content/README.md for the allowed fields)"),
          );
        }
        continue;
      }
      const field = issue.path.length ? issue.path.join(".") : "(front matter)";
      this.problems.push(new ContentProblem(parsed.file, parsed.lineOf(issue.path), field, inEnglish(issue.message)));
    }
    return undefined;
  }

  parse(abs: string): ParsedFile | undefined {
    const parsed = parseMarkdownFile(this.rel(abs), fs.readFileSync(abs, "utf8"));
    if (parsed instanceof ContentProblem) {
      this.problems.push(parsed);
      return undefined;
    }
    return parsed;
  }

  problem(file: string, line: number, field: string, message: string) {
    this.problems.push(new ContentProblem(file, line, field, message));
  }

  /** Reads `<slug>.md` originals and `<slug>.<lang>.md` translations of one folder. */
  items<S extends z.ZodTypeAny, T extends z.ZodTypeAny>(
    dir: string,
    mainSchema: S,
    translationSchema: T,
    opts: { requireBody: boolean; skip?: (name: string) => boolean } = { requireBody: true },
  ): Item<z.output<S>, z.output<T>>[] {
    if (!fs.existsSync(dir)) return [];
    const names = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith(".md") && !opts.skip?.(n))
      .sort();
    const mains = new Map<string, Item<z.output<S>, z.output<T>>>();
    const translations: { slug: string; lang: Language; parsed: ParsedFile }[] = [];
    for (const name of names) {
      const abs = path.join(dir, name);
      const match = MD_NAME.exec(name);
      if (!match) {
        this.problem(this.rel(abs), 1, "(file name)", "name files <slug>.md or <slug>.<lang>.md with a lowercase, hyphenated slug");
        continue;
      }
      const [, slug, langCode] = match as unknown as [string, string, string | undefined];
      if (langCode && !(LANGUAGES as readonly string[]).includes(langCode)) {
        this.problem(this.rel(abs), 1, "(file name)", `unknown language "${langCode}"; use one of ${LANGUAGES.join(", ")}`);
        continue;
      }
      const parsed = this.parse(abs);
      if (!parsed) continue;
      if (opts.requireBody && parsed.body.length === 0) {
        this.problem(parsed.file, 1, "(body)", "the Markdown body after the front matter is empty");
      }
      // The same shape limits as the editing forms: a body over them would take seconds to render.
      const rule = markdownComplexity(parsed.body);
      if (rule)
        this.problem(
          parsed.file,
          1,
          "(body)",
          `the Markdown body is over the limit "${rule}" (${MARKDOWN_LIMITS[rule]}): it would take too long to render; simplify it`,
        );
      if (langCode) {
        translations.push({ slug, lang: langCode as Language, parsed });
        continue;
      }
      const data = this.validate(parsed, mainSchema);
      if (data) mains.set(slug, { slug, file: parsed.file, data, body: parsed.body, translations: [] });
      else {
        mains.set(slug, undefined as never); // remember the slug so translations are not reported as orphans
        const raw = parsed.data && typeof parsed.data === "object" ? (parsed.data as Record<string, unknown>) : {};
        this.broken.set(dir, [...(this.broken.get(dir) ?? []), { slug, file: parsed.file, raw }]);
      }
    }
    for (const t of translations) {
      if (!mains.has(t.slug)) {
        this.problem(t.parsed.file, 1, "(file name)", `translation of "${t.slug}", but there is no ${t.slug}.md beside it`);
        continue;
      }
      const main = mains.get(t.slug);
      const data = this.validate(t.parsed, translationSchema);
      if (!main || !data) continue;
      if (main.data.language === t.lang) {
        this.problem(t.parsed.file, 1, "(file name)", `the original ${t.slug}.md is already in "${t.lang}"`);
        continue;
      }
      main.translations.push({ lang: t.lang, file: t.parsed.file, data, body: t.parsed.body });
    }
    return [...mains.values()].filter(Boolean);
  }
}

function loadTaxonomies(c: Collector): { taxonomies: Map<Vocabulary, TaxonomyTerm[]>; synonyms: string[][] } {
  const dir = path.join(c.root, "taxonomies");
  const result = new Map<Vocabulary, TaxonomyTerm[]>();
  let synonyms: string[][] = [];
  const present = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  for (const name of present) {
    const abs = path.join(dir, name);
    const vocabulary = TAXONOMY_FILES[name];
    if (!vocabulary) {
      if (name === "synonyms.yaml") {
        const parsed = parseYamlFile(c.rel(abs), fs.readFileSync(abs, "utf8"));
        if (parsed instanceof ContentProblem) c.problems.push(parsed);
        else synonyms = c.validate(parsed, synonymsFileSchema) ?? [];
      } else {
        c.problem(c.rel(abs), 1, "(file name)", `unknown taxonomy file; expected one of ${Object.keys(TAXONOMY_FILES).join(", ")}, synonyms.yaml`);
      }
      continue;
    }
    const parsed = parseYamlFile(c.rel(abs), fs.readFileSync(abs, "utf8"));
    if (parsed instanceof ContentProblem) {
      c.problems.push(parsed);
      continue;
    }
    const terms = c.validate(parsed, taxonomyFileSchema);
    if (!terms) continue;
    const seen = new Set<string>();
    terms.forEach((term, i) => {
      if (seen.has(term.slug)) c.problem(parsed.file, parsed.lineOf([i, "slug"]), `${i}.slug`, `duplicate slug "${term.slug}"`);
      seen.add(term.slug);
    });
    result.set(vocabulary, terms);
  }
  for (const [name, vocabulary] of Object.entries(TAXONOMY_FILES)) {
    if (!result.has(vocabulary) && !present.includes(name)) {
      c.problem(c.rel(path.join(dir, name)), 1, "(file)", "this taxonomy file is missing");
    }
  }
  return { taxonomies: result, synonyms };
}

/** Reads and validates every file under `root`. Never touches the database. */
export function loadContent(root: string): { model: ContentModel; problems: ContentProblem[] } {
  const c = new Collector(path.resolve(root));
  const { taxonomies, synonyms } = loadTaxonomies(c);
  const cities = c.items(path.join(c.root, "cities"), cityFileSchema, cityTranslationSchema);
  const organisations = c.items(path.join(c.root, "organisations"), organisationFileSchema, organisationTranslationSchema);
  const practices = c.items(path.join(c.root, "practices"), practiceFileSchema, practiceTranslationSchema);
  const questions = c.items(path.join(c.root, "questions"), questionFileSchema, questionTranslationSchema, {
    requireBody: false,
  });

  const answers: AnswerItem[] = [];
  const answersDir = path.join(c.root, "answers");
  if (fs.existsSync(answersDir)) {
    for (const question of fs.readdirSync(answersDir).sort()) {
      const dir = path.join(answersDir, question);
      if (!fs.statSync(dir).isDirectory()) {
        c.problem(c.rel(dir), 1, "(file name)", "answers/ holds one folder per question slug");
        continue;
      }
      for (const item of c.items(dir, answerFileSchema, answerTranslationSchema)) {
        answers.push({ ...item, question, city: item.slug });
      }
    }
  }

  const toolkits: ToolkitItem[] = [];
  const toolkitsDir = path.join(c.root, "toolkits");
  if (fs.existsSync(toolkitsDir)) {
    for (const slug of fs.readdirSync(toolkitsDir).sort()) {
      const dir = path.join(toolkitsDir, slug);
      if (!fs.statSync(dir).isDirectory()) continue;
      const [index] = c.items(dir, toolkitFileSchema, titledTranslationSchema, {
        requireBody: false,
        skip: (n) => !/^index(\.[a-z]{2})?\.md$/.test(n),
      });
      const chapterFiles = c.items(dir, chapterFileSchema, titledTranslationSchema, {
        requireBody: true,
        skip: (n) => /^index(\.[a-z]{2})?\.md$/.test(n),
      });
      if (!index) {
        if (!c.problems.some((p) => p.file.startsWith(c.rel(dir) + "/index"))) {
          c.problem(c.rel(path.join(dir, "index.md")), 1, "(file)", "a toolkit folder needs an index.md");
        }
        continue;
      }
      const chapters: ChapterItem[] = [];
      for (const ch of chapterFiles) {
        const m = /^(\d{2})-(.+)$/.exec(ch.slug);
        if (!m) {
          c.problem(ch.file, 1, "(file name)", "name chapters NN-<slug>.md, e.g. 01-foundations.md");
          continue;
        }
        chapters.push({ ...ch, slug: m[2]!, position: Number(m[1]) });
      }
      chapters.sort((a, b) => a.position - b.position);
      for (let i = 1; i < chapters.length; i++) {
        if (chapters[i]!.position === chapters[i - 1]!.position)
          c.problem(chapters[i]!.file, 1, "(file name)", `two chapters share the number ${String(chapters[i]!.position).padStart(2, "0")}`);
        if (chapters[i]!.slug === chapters[i - 1]!.slug) c.problem(chapters[i]!.file, 1, "(file name)", `two chapters share the slug "${chapters[i]!.slug}"`);
      }
      toolkits.push({ ...index, slug, chapters });
    }
  }

  const model: ContentModel = { taxonomies, synonyms, cities, organisations, practices, questions, answers, toolkits };
  checkReferences(c, model);
  return { model, problems: c.problems };
}

/** Values of a field, whether the file validated or not (then only the values of the right type). */
function rawList(value: unknown): (string | number)[] {
  return Array.isArray(value) ? value.filter((v): v is string | number => typeof v === "string" || typeof v === "number") : [];
}

function checkReferences(c: Collector, m: ContentModel) {
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
