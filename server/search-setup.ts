import fs from "node:fs";
import path from "node:path";
import type { DB } from "#db/client.ts";
import { fetchApiKeys } from "#app/search/meili-keys.server.ts";
import { MeiliStartError, startMeili, type ManagedMeili } from "#app/search/meili-process.server.ts";
import { adminClient, endpointFile, ensureIndex, searchConfig } from "#app/search/meili.server.ts";
import { findDrift, queueRepairs } from "#app/search/reconcile.server.ts";
import { rebuildIndex } from "#app/search/reindex.server.ts";
import { startSyncWorker } from "#app/search/sync.server.ts";

export type SearchRuntime = { managed: ManagedMeili | null; stop: () => Promise<void> };

const log = (msg: string) => console.log(`[search] ${msg}`);

/**
 * Makes search ready: uses MEILI_URL when set (production), otherwise starts a local Meilisearch with
 * keys kept under data/meili. Then applies index settings, fills an empty index, repairs drift and
 * starts the outbox worker. The app also works when this fails: search falls back to SQLite.
 */
export async function startSearch(db: DB): Promise<SearchRuntime> {
  let managed: ManagedMeili | null = null;
  if (process.env.MEILI_URL) {
    if (!process.env.MEILI_ADMIN_KEY || !process.env.MEILI_SEARCH_KEY) {
      if (!process.env.MEILI_MASTER_KEY) throw new MeiliStartError("MEILI_URL is set: also set MEILI_ADMIN_KEY and MEILI_SEARCH_KEY, or MEILI_MASTER_KEY to look them up");
      Object.assign(process.env, await keysAsEnv(process.env.MEILI_URL, process.env.MEILI_MASTER_KEY));
    }
    log(`using Meilisearch at ${process.env.MEILI_URL}`);
  } else {
    const dataDir = path.resolve(process.env.MEILI_DATA_DIR || "data/meili");
    const port = Number(process.env.MEILI_PORT || 7700);
    managed = await startMeili({ dataDir, port, log: (line) => /\bERROR\b/.test(line) && log(line) });
    fs.writeFileSync(endpointFile(dataDir), JSON.stringify({ url: managed.url, pid: process.pid }) + "\n");
    Object.assign(process.env, { MEILI_URL: managed.url }, await keysAsEnv(managed.url, managed.masterKey));
    log(`started local Meilisearch at ${managed.url} (data in ${path.relative(process.cwd(), dataDir)})`);
  }
  const config = searchConfig()!;
  const admin = adminClient(config);
  await ensureIndex(admin, config.index);
  const stats = await admin.index(config.index).getStats();
  const entities = (db.$client.prepare("SELECT count(*) n FROM search_entities").get() as { n: number }).n;
  if (stats.numberOfDocuments === 0 && entities > 0) {
    const result = await rebuildIndex(db, admin, config.index);
    log(`built the index: ${result.documents} documents in ${result.totalMs} ms`);
  } else {
    const drift = await findDrift(db, admin, config.index, { deep: false });
    const queued = queueRepairs(db, drift);
    if (queued) log(`index drift: ${drift.missing.length} missing, ${drift.extra.length} extra, ${drift.stale.length} stale; repairs queued`);
  }
  const worker = startSyncWorker({ db, client: admin, indexUid: config.index, log, intervalMs: Number(process.env.SEARCH_SYNC_INTERVAL_MS || 500) });
  const reconcileEvery = Number(process.env.SEARCH_RECONCILE_MS || 10 * 60_000);
  const reconcile = setInterval(() => {
    findDrift(db, admin, config.index)
      .then((drift) => {
        const queued = queueRepairs(db, drift);
        if (queued) log(`reconciliation: ${queued} drifted documents queued for repair`);
      })
      .catch((error) => log(`reconciliation skipped: ${error instanceof Error ? error.message : String(error)}`));
  }, reconcileEvery);
  return {
    managed,
    stop: async () => {
      clearInterval(reconcile);
      await worker.stop();
      await managed?.stop();
    },
  };
}

async function keysAsEnv(url: string, masterKey: string) {
  const { adminKey, searchKey } = await fetchApiKeys(url, masterKey);
  return { MEILI_ADMIN_KEY: adminKey, MEILI_SEARCH_KEY: searchKey };
}
