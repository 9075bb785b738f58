import type { Meilisearch } from "meilisearch";
import type { DB } from "#db/client.ts";

/**
 * Cross-language synonym groups. The content import validates taxonomies/synonyms.yaml and stores
 * the groups in `search_synonyms`; search only ever reads them from SQLite (never the content folder),
 * so a synonym change needs no restart: it reaches the fallback at once and Meilisearch through the outbox.
 */
export type SynonymGroups = string[][];

/**
 * The outbox entity that makes the sync worker apply the stored synonyms to the index settings.
 * Not a document id (those are "<type>-<id>"), so document code paths skip it.
 */
export const SYNONYMS_ENTITY = "settings:synonyms";

/** The stored groups, in file order. */
export function readSynonyms(db: DB): SynonymGroups {
  const rows = db.$client.prepare("SELECT words FROM search_synonyms ORDER BY position").all() as { words: string }[];
  return rows.map((r) => JSON.parse(r.words) as string[]);
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

/** Whether two synonym maps say the same, whatever the order of their keys and values. */
export function sameSynonyms(a: Record<string, string[]> | null | undefined, b: Record<string, string[]> | null | undefined): boolean {
  const canonical = (m: Record<string, string[]> | null | undefined) =>
    JSON.stringify(
      Object.entries(m ?? {})
        .map(([k, v]) => [k, [...v].sort()] as const)
        .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)),
    );
  return canonical(a) === canonical(b);
}

/** Whether the index's synonyms setting is what SQLite holds (the drift check asks this). */
export async function indexHasStoredSynonyms(db: DB, client: Meilisearch, indexUid: string): Promise<boolean> {
  return sameSynonyms(await client.index(indexUid).getSynonyms(), toMeiliSynonyms(readSynonyms(db)));
}

/**
 * Sets the index's synonyms to what SQLite holds, when they differ, and waits for the task. What the
 * sync worker does for a SYNONYMS_ENTITY outbox row. Returns true if it changed the setting.
 */
export async function applyStoredSynonyms(db: DB, client: Meilisearch, indexUid: string): Promise<boolean> {
  if (await indexHasStoredSynonyms(db, client, indexUid)) return false;
  const task = await client
    .index(indexUid)
    .updateSynonyms(toMeiliSynonyms(readSynonyms(db)))
    .waitTask({ timeout: 120_000 });
  if (task.status !== "succeeded") throw new Error(`updating the synonyms of ${indexUid} failed: ${task.error?.message ?? task.status}`);
  return true;
}

/** For the fallback: the group of a query word, if any. */
export function expandWord(word: string, groups: SynonymGroups): string[] {
  const lower = word.toLowerCase();
  const group = groups.find((g) => g.includes(lower));
  return group ? [...new Set([lower, ...group])] : [lower];
}
