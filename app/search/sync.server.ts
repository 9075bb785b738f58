import type { Meilisearch } from "meilisearch";
import type { DB } from "#db/client.ts";
import { buildDocument, type SearchDocument } from "./documents.server.ts";
import { claimBatch, markFailed, markProcessed, pruneProcessed } from "./outbox.server.ts";
import { applyStoredSynonyms, SYNONYMS_ENTITY } from "./synonyms.server.ts";

/**
 * Projects entities into an index: full-document replace for searchable ones, delete for the rest.
 * Documents are re-read from SQLite now, so a stale outbox row can never write stale data. The
 * SYNONYMS_ENTITY row applies the synonyms stored in SQLite to the index settings instead.
 */
export async function projectEntities(db: DB, client: Meilisearch, indexUid: string, keys: string[]): Promise<void> {
  const upserts: SearchDocument[] = [];
  const deletes: string[] = [];
  const unique = new Set(keys);
  if (unique.delete(SYNONYMS_ENTITY)) await applyStoredSynonyms(db, client, indexUid);
  for (const key of unique) {
    const doc = buildDocument(db, key);
    if (doc) upserts.push(doc);
    else deletes.push(key);
  }
  const index = client.index<SearchDocument>(indexUid);
  const tasks = [];
  if (upserts.length) tasks.push(await index.addDocuments(upserts, { primaryKey: "id" }));
  if (deletes.length) tasks.push(await index.deleteDocuments(deletes));
  for (const enqueued of tasks) {
    const task = await client.tasks.waitForTask(enqueued.taskUid, { timeout: 60_000, interval: 25 });
    if (task.status !== "succeeded") throw new Error(`task ${task.uid} ${task.status}: ${task.error?.message ?? ""}`);
  }
}

/** One pass over the outbox. Failures keep their rows (with back-off); nothing is lost. */
export async function drainOutbox(db: DB, client: Meilisearch, indexUid: string, batchSize = 500): Promise<{ processed: number; failed: number }> {
  let processed = 0;
  for (;;) {
    const rows = claimBatch(db, batchSize);
    if (!rows.length) return { processed, failed: 0 };
    try {
      await projectEntities(
        db,
        client,
        indexUid,
        rows.map((r) => r.entity),
      );
      markProcessed(
        db,
        rows.map((r) => r.id),
      );
      processed += rows.length;
    } catch (error) {
      markFailed(db, rows, error instanceof Error ? error.message : String(error));
      return { processed, failed: rows.length };
    }
  }
}

/** Drains every `intervalMs`; one pass at a time. Returns a stop function that waits for the current pass. */
export function startSyncWorker(opts: { db: DB; client: Meilisearch; indexUid: string; intervalMs?: number; log?: (msg: string) => void }) {
  const { db, client, indexUid } = opts;
  const log = opts.log ?? (() => {});
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let lastFailure = "";
  let passes = 0;
  const tick = () => {
    running = (async () => {
      try {
        const { processed, failed } = await drainOutbox(db, client, indexUid);
        if (processed) log(`search sync: ${processed} entities indexed`);
        if (failed && lastFailure !== "failed") log(`search sync: Meilisearch unavailable, ${failed} changes wait in the outbox`);
        lastFailure = failed ? "failed" : "";
        if (++passes % 3600 === 0) pruneProcessed(db);
      } catch (error) {
        log(`search sync error: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void running.then(tick);
  }, opts.intervalMs ?? 1000);
  void tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
    drainNow: () => running.then(tick),
  };
}
