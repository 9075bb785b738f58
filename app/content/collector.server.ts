import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { LANGUAGES, type Language } from "#db/schema/index.ts";
import { ContentProblem, parseMarkdownFile, type ParsedFile } from "./front-matter.server.ts";
import type { Broken, Item } from "./content-model.ts";
import { MARKDOWN_LIMITS, markdownComplexity } from "#app/utils/markdown-limits.ts";
import en from "../../locales/en/common.json";

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

/** The files of one content tree: parses and validates them, and keeps the problems found and the files that failed validation. */
export class Collector {
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
