import type { Meilisearch } from "meilisearch";
import type { DB } from "#db/client.ts";
import { allEntityKeys, buildDocument, type SearchDocument } from "./documents.server.ts";
import { indexHasStoredSynonyms, SYNONYMS_ENTITY } from "./synonyms.server.ts";

export type Drift = { missing: string[]; extra: string[]; stale: string[]; checked: number };

/**
 * Compares what the index holds with what SQLite says it should hold. Deep: every field of every
 * document; shallow (cheap enough for start-up on a large index): ids and dates only. Both compare the
 * synonyms setting with the synonyms in SQLite; when they differ, `stale` lists SYNONYMS_ENTITY.
 */
export async function findDrift(db: DB, client: Meilisearch, indexUid: string, opts: { deep?: boolean } = { deep: true }): Promise<Drift> {
  const expected = new Map<string, SearchDocument>();
  for (const key of allEntityKeys(db)) {
    const doc = buildDocument(db, key);
    if (doc) expected.set(key, doc);
  }
  const indexed = new Map<string, Record<string, unknown>>();
  const index = client.index(indexUid);
  for (let offset = 0; ; offset += 1000) {
    const page = await index.getDocuments(opts.deep === false ? { offset, limit: 1000, fields: ["id", "date"] } : { offset, limit: 1000 });
    for (const d of page.results as unknown as Record<string, unknown>[]) indexed.set(String(d.id), d);
    if (page.results.length < 1000) break;
  }
  const synonymsOk = await indexHasStoredSynonyms(db, client, indexUid);
  const same = (a: unknown, b: unknown) => JSON.stringify(a, Object.keys(a as object).sort()) === JSON.stringify(b, Object.keys(b as object).sort());
  return {
    missing: [...expected.keys()].filter((k) => !indexed.has(k)),
    extra: [...indexed.keys()].filter((k) => !expected.has(k)),
    stale: [...expected]
      .filter(([k, doc]) => indexed.has(k) && (opts.deep === false ? doc.date !== indexed.get(k)!.date : !same(doc, indexed.get(k))))
      .map(([k]) => k)
      .concat(synonymsOk ? [] : [SYNONYMS_ENTITY]),
    checked: expected.size,
  };
}

/** Queues every drifted entity in the outbox; the sync worker repairs them. */
export function queueRepairs(db: DB, drift: Drift): number {
  const keys = [...drift.missing, ...drift.extra, ...drift.stale];
  const insert = db.$client.prepare("INSERT INTO search_outbox (entity, created_at, available_at, attempts) VALUES (?, ?, ?, 0)");
  const now = Date.now();
  db.$client.transaction(() => keys.forEach((k) => insert.run(k, now, now)))();
  return keys.length;
}
