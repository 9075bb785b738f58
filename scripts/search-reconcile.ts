import { adminClient } from "#app/search/meili.server.ts";
import { findDrift, queueRepairs } from "#app/search/reconcile.server.ts";
import { envOrExit } from "#app/utils/env.server.ts";
import { createDb, databasePath } from "#db/client.ts";
import { connectSearch } from "./search-connect.ts";

// Reports drift between SQLite and the search index; with --repair, queues fixes for the sync worker.
const settings = envOrExit();
const config = await connectSearch(settings);
const db = createDb(databasePath(settings));
const drift = await findDrift(db, adminClient(config), config.index);
console.log(`checked ${drift.checked} documents: ${drift.missing.length} missing, ${drift.extra.length} extra, ${drift.stale.length} stale`);
for (const [kind, keys] of Object.entries({ missing: drift.missing, extra: drift.extra, stale: drift.stale }))
  if (keys.length) console.log(`  ${kind}: ${keys.slice(0, 20).join(", ")}${keys.length > 20 ? " …" : ""}`);
if (process.argv.includes("--repair")) console.log(`queued ${queueRepairs(db, drift)} repairs; the running app's sync worker applies them`);
db.$client.close();
