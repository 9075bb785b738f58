import type { DB } from "#db/client.ts";
import type { ContentProblem } from "./front-matter.server.ts";
import { loadContent } from "./load-content.server.ts";
import { writeContent, type ImportStats } from "./write-content.server.ts";

export type ImportResult = { ok: true; stats: ImportStats | null; files: number } | { ok: false; problems: ContentProblem[] };

/**
 * Validates everything first and writes only when there is no problem at all, in one transaction,
 * so a broken file never leaves the database half-updated. `dryRun` validates without writing.
 */
export function importContent(db: DB | null, root: string, opts: { dryRun?: boolean } = {}): ImportResult {
  const { model, problems } = loadContent(root);
  if (problems.length) return { ok: false, problems };
  const files =
    [...model.taxonomies.keys()].length +
    [model.cities, model.practices, model.questions, model.answers].flat().reduce((n, i) => n + 1 + i.translations.length, 0) +
    model.toolkits.reduce((n, t) => n + 1 + t.translations.length + t.chapters.reduce((k, c) => k + 1 + c.translations.length, 0), 0);
  if (opts.dryRun || !db) return { ok: true, stats: null, files };
  try {
    return { ok: true, stats: writeContent(db, model), files };
  } catch (error) {
    // A constraint the validator could not see (e.g. a removed city still used by a contributed
    // practice). The transaction has rolled back; report it in the same shape as other problems.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ file: root, line: 0, field: "(database)", message, toString: () => `${root}:0 (database): ${message}` } as ContentProblem],
    };
  }
}
