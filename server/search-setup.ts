import fs from "node:fs";
import path from "node:path";
import type { DB } from "#db/client.ts";
import { fetchApiKeys } from "#app/search/meili-keys.server.ts";
import { MeiliStartError, startMeili, type ManagedMeili } from "#app/search/meili-process.server.ts";
import { adminClient, endpointFile, ensureIndex } from "#app/search/meili.server.ts";
import { findDrift, queueRepairs } from "#app/search/reconcile.server.ts";
import { rebuildIndex } from "#app/search/reindex.server.ts";
import { searchConfigFromEnv, setSearchConfig, type SearchConfig } from "#app/search/search-config.server.ts";
import { startSyncWorker } from "#app/search/sync.server.ts";
import type { Env } from "#app/utils/env.server.ts";

export type SearchRuntime = { managed: ManagedMeili | null; stop: () => Promise<void> };

const log = (msg: string) => console.log(`[search] ${msg}`);

/**
 * Makes search ready: uses MEILI_URL when set (production), otherwise starts a local Meilisearch with
 * keys kept under data/meili. Then applies index settings, fills an empty index, repairs drift and
 * starts the outbox worker. The app also works when this fails: search falls back to SQLite.
 * The server and keys it settles on go to the app through setSearchConfig().
 */
export async function startSearch(db: DB, settings: Env): Promise<SearchRuntime> {
  let managed: ManagedMeili | null = null;
  let config: SearchConfig;
  if (settings.MEILI_URL) {
    config = await configuredServer(settings.MEILI_URL, settings);
    log(`using Meilisearch at ${config.url}`);
  } else {
    const dataDir = path.resolve(settings.MEILI_DATA_DIR);
    managed = await startMeili({ dataDir, port: settings.MEILI_PORT, log: (line) => /\bERROR\b/.test(line) && log(line) });
    fs.writeFileSync(endpointFile(dataDir), JSON.stringify({ url: managed.url, pid: process.pid }) + "\n");
    config = { url: managed.url, ...(await fetchApiKeys(managed.url, managed.masterKey)), index: settings.MEILI_INDEX };
    log(`started local Meilisearch at ${managed.url} (data in ${path.relative(process.cwd(), dataDir)})`);
  }
  setSearchConfig(config);
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
  const worker = startSyncWorker({ db, client: admin, indexUid: config.index, log, intervalMs: settings.SEARCH_SYNC_INTERVAL_MS });
  const reconcile = setInterval(() => {
    findDrift(db, admin, config.index)
      .then((drift) => {
        const queued = queueRepairs(db, drift);
        if (queued) log(`reconciliation: ${queued} drifted documents queued for repair`);
      })
      .catch((error) => log(`reconciliation skipped: ${error instanceof Error ? error.message : String(error)}`));
  }, settings.SEARCH_RECONCILE_MS);
  return {
    managed,
    stop: async () => {
      clearInterval(reconcile);
      await worker.stop();
      await managed?.stop();
    },
  };
}

/** A server of our own choosing: its keys as given, or looked up with the master key. */
async function configuredServer(url: string, settings: Env): Promise<SearchConfig> {
  const given = searchConfigFromEnv(settings);
  if (given) return given;
  if (!settings.MEILI_MASTER_KEY)
    throw new MeiliStartError("MEILI_URL is set: also set MEILI_ADMIN_KEY and MEILI_SEARCH_KEY, or MEILI_MASTER_KEY to look them up");
  return { url, ...(await fetchApiKeys(url, settings.MEILI_MASTER_KEY)), index: settings.MEILI_INDEX };
}
