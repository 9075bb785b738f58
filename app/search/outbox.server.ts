import type { DB } from "#db/client.ts";
import { allEntityKeys, dependentKeys } from "./documents.server.ts";
import { refreshFallback } from "./fallback-index.server.ts";
import { SYNONYMS_ENTITY } from "./synonyms.server.ts";

/**
 * Records that entities changed: their dependants are added, the fallback index is refreshed and one
 * outbox row per entity is written, all on the caller's connection, i.e. inside its transaction.
 */
export function recordChanges(db: DB, keys: Iterable<string>, opts: { everything?: boolean } = {}): number {
  const all = new Set<string>();
  for (const key of opts.everything ? allEntityKeys(db) : keys) {
    all.add(key);
    for (const dep of dependentKeys(db, key)) all.add(dep);
  }
  if (opts.everything) for (const key of keys) all.add(key);
  refreshFallback(db, all);
  enqueue(db, all);
  return all.size;
}

/** One pending outbox row per entity, on the caller's connection. */
function enqueue(db: DB, entities: Iterable<string>): void {
  const insert = db.$client.prepare("INSERT INTO search_outbox (entity, created_at, available_at, attempts) VALUES (?, ?, ?, 0)");
  const now = Date.now();
  for (const entity of entities) insert.run(entity, now, now);
}

/**
 * Records that the synonyms in SQLite changed: one outbox row (SYNONYMS_ENTITY) on the caller's
 * connection, i.e. inside its transaction; the sync worker then updates the index settings. The
 * fallback needs nothing: it reads the synonyms from SQLite on every query.
 */
export function recordSynonymsChange(db: DB): void {
  enqueue(db, [SYNONYMS_ENTITY]);
}

export type OutboxRow = { id: number; entity: string; attempts: number };

/** Pending rows whose time has come, oldest first. */
export function claimBatch(db: DB, limit = 500): OutboxRow[] {
  return db.$client
    .prepare("SELECT id, entity, attempts FROM search_outbox WHERE processed_at IS NULL AND available_at <= ? ORDER BY id LIMIT ?")
    .all(Date.now(), limit) as OutboxRow[];
}

export function markProcessed(db: DB, ids: number[]): void {
  if (!ids.length) return;
  const now = Date.now();
  const stmt = db.$client.prepare("UPDATE search_outbox SET processed_at = ?, last_error = NULL WHERE id = ?");
  db.$client.transaction(() => ids.forEach((id) => stmt.run(now, id)))();
}

/** Exponential back-off: 2 s, 4 s, 8 s … capped at 5 minutes. Nothing is dropped. */
export function markFailed(db: DB, rows: OutboxRow[], error: string): void {
  const stmt = db.$client.prepare("UPDATE search_outbox SET attempts = attempts + 1, available_at = ?, last_error = ? WHERE id = ?");
  db.$client.transaction(() => {
    for (const row of rows) stmt.run(Date.now() + Math.min(300_000, 2_000 * 2 ** row.attempts), error.slice(0, 500), row.id);
  })();
}

export function pendingCount(db: DB): number {
  return (db.$client.prepare("SELECT count(*) n FROM search_outbox WHERE processed_at IS NULL").get() as { n: number }).n;
}

/** Processed rows are kept a day for rebuild replays, then pruned. */
export function pruneProcessed(db: DB, olderThanMs = 86_400_000): number {
  return db.$client.prepare("DELETE FROM search_outbox WHERE processed_at IS NOT NULL AND processed_at < ?").run(Date.now() - olderThanMs).changes;
}

export function highWaterMark(db: DB): number {
  return (db.$client.prepare("SELECT coalesce(max(id), 0) m FROM search_outbox").get() as { m: number }).m;
}

export function entitiesSince(db: DB, mark: number): string[] {
  return (db.$client.prepare("SELECT DISTINCT entity FROM search_outbox WHERE id > ?").all(mark) as { entity: string }[]).map((r) => r.entity);
}
