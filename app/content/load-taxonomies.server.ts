import fs from "node:fs";
import path from "node:path";
import type { Vocabulary } from "#db/schema/index.ts";
import type { Collector } from "./collector.server.ts";
import type { TaxonomyTerm } from "./content-model.ts";
import { ContentProblem, parseYamlFile } from "./front-matter.server.ts";
import { synonymsFileSchema, taxonomyFileSchema } from "./schemas.server.ts";

export const TAXONOMY_FILES: Record<string, Vocabulary> = {
  "themes.yaml": "theme",
  "question-types.yaml": "question_type",
  "content-types.yaml": "content_type",
  "regions.yaml": "region",
  "udhr-articles.yaml": "udhr_article",
  "sdgs.yaml": "sdg",
};

/** Reads taxonomies/: one YAML file per vocabulary (TAXONOMY_FILES) and the optional synonyms.yaml. */
export function loadTaxonomies(c: Collector): { taxonomies: Map<Vocabulary, TaxonomyTerm[]>; synonyms: string[][] } {
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
