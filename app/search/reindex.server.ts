import type { Meilisearch } from "meilisearch";
import type { DB } from "#db/client.ts";
import { allEntityKeys, buildDocument, type SearchDocument } from "./documents.server.ts";
import { ensureIndex } from "./meili.server.ts";
import { entitiesSince, highWaterMark } from "./outbox.server.ts";
import { projectEntities } from "./sync.server.ts";

async function waitOk(client: Meilisearch, taskUid: number, what: string) {
  const task = await client.tasks.waitForTask(taskUid, { timeout: 600_000, interval: 50 });
  if (task.status !== "succeeded") throw new Error(`${what} failed: ${task.error?.message ?? task.status}`);
}

/**
 * Rebuilds the index from SQLite into a fresh index and swaps it in atomically, so readers never see
 * an empty or half-built index; then replays whatever changed while it was building.
 */
export async function rebuildIndex(db: DB, client: Meilisearch, liveUid: string, opts: { batchSize?: number } = {}) {
  const started = performance.now();
  const mark = highWaterMark(db);
  const tmpUid = `${liveUid}_rebuild_${Date.now()}`;
  await ensureIndex(client, tmpUid, db); // with the synonyms stored in SQLite
  const docs = allEntityKeys(db)
    .map((key) => buildDocument(db, key))
    .filter((d): d is SearchDocument => d !== null);
  const index = client.index<SearchDocument>(tmpUid);
  const batch = opts.batchSize ?? 1000;
  const tasks: number[] = [];
  for (let i = 0; i < docs.length; i += batch) tasks.push((await index.addDocuments(docs.slice(i, i + batch), { primaryKey: "id" })).taskUid);
  for (const uid of tasks) await waitOk(client, uid, "adding documents");
  const built = performance.now();
  const stats = await index.getStats();
  if (stats.numberOfDocuments !== docs.length) throw new Error(`rebuilt index has ${stats.numberOfDocuments} documents, expected ${docs.length}`);
  await ensureIndex(client, liveUid);
  await waitOk(client, (await client.swapIndexes([{ indexes: [liveUid, tmpUid], rename: false }])).taskUid, "swapping indexes");
  await waitOk(client, (await client.deleteIndex(tmpUid)).taskUid, "deleting the old index");
  const replayed = entitiesSince(db, mark);
  if (replayed.length) await projectEntities(db, client, liveUid, replayed);
  return { documents: docs.length, replayed: replayed.length, buildMs: Math.round(built - started), totalMs: Math.round(performance.now() - started) };
}
