import fs from "node:fs";
import path from "node:path";
import type { ContentProblem } from "./front-matter.server.ts";
import { chapterFileSchema, questionFileSchema, questionTranslationSchema, titledTranslationSchema, toolkitFileSchema } from "./schemas.server.ts";
import { answerFileSchema, answerFileTranslationSchema } from "#app/content-types/answer.ts";
import { cityFileSchema, cityFileTranslationSchema } from "#app/content-types/city.ts";
import { organisationFileSchema, organisationFileTranslationSchema } from "#app/content-types/organisation.ts";
import { practiceFileSchema, practiceFileTranslationSchema } from "#app/content-types/practice.ts";
import { checkReferences } from "./check-references.server.ts";
import { Collector } from "./collector.server.ts";
import type { AnswerItem, ChapterItem, ContentModel, ToolkitItem } from "./content-model.ts";
import { loadTaxonomies } from "./load-taxonomies.server.ts";

/** Reads and validates every file under `root`. Never touches the database. */
export function loadContent(root: string): { model: ContentModel; problems: ContentProblem[] } {
  const c = new Collector(path.resolve(root));
  const { taxonomies, synonyms } = loadTaxonomies(c);
  const cities = c.items(path.join(c.root, "cities"), cityFileSchema, cityFileTranslationSchema);
  const organisations = c.items(path.join(c.root, "organisations"), organisationFileSchema, organisationFileTranslationSchema);
  const practices = c.items(path.join(c.root, "practices"), practiceFileSchema, practiceFileTranslationSchema);
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
      for (const item of c.items(dir, answerFileSchema, answerFileTranslationSchema)) {
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
