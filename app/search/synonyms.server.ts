import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ContentProblem, parseYamlFile } from "#app/content/front-matter.server.ts";

export const synonymsFileSchema = z.array(z.array(z.string().trim().toLowerCase().min(1).max(50)).min(2, "a group needs at least two words"));
export type SynonymGroups = string[][];

export function contentDir(): string {
  return path.resolve(process.env.CONTENT_DIR || "toolkit-content");
}

/** Reads taxonomies/synonyms.yaml; the content import validates the same file with the same schema. */
export function loadSynonyms(root = contentDir()): SynonymGroups {
  const file = path.join(root, "taxonomies", "synonyms.yaml");
  if (!fs.existsSync(file)) return [];
  const parsed = parseYamlFile(file, fs.readFileSync(file, "utf8"));
  if (parsed instanceof ContentProblem) throw new Error(parsed.toString());
  return synonymsFileSchema.parse(parsed.data);
}

/** Meilisearch wants a map: every word of a group points at all the others (multi-way synonyms). */
export function toMeiliSynonyms(groups: SynonymGroups): Record<string, string[]> {
  const map: Record<string, Set<string>> = {};
  for (const group of groups) {
    for (const word of group) {
      map[word] ??= new Set();
      for (const other of group) if (other !== word) map[word]!.add(other);
    }
  }
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, [...v].sort()]));
}

/** For the fallback: the group of a query word, if any. */
export function expandWord(word: string, groups: SynonymGroups): string[] {
  const lower = word.toLowerCase();
  const group = groups.find((g) => g.includes(lower));
  return group ? [...new Set([lower, ...group])] : [lower];
}
