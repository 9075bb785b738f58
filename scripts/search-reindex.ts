import { adminClient } from "#app/search/meili.server.ts";
import { rebuildIndex } from "#app/search/reindex.server.ts";
import { envOrExit } from "#app/utils/env.server.ts";
import { createDb, databasePath } from "#db/client.ts";
import { connectSearch } from "./search-connect.ts";

// Rebuilds the search index from SQLite into a new index and swaps it in: no moment of empty results.
const settings = envOrExit();
const config = await connectSearch(settings);
const db = createDb(databasePath(settings));
try {
  const result = await rebuildIndex(db, adminClient(config), config.index);
  console.log(
    `reindexed ${result.documents} documents into "${config.index}" in ${result.totalMs} ms (build ${result.buildMs} ms); replayed ${result.replayed} changes made meanwhile`,
  );
} catch (error) {
  console.error(`reindex failed, the live index is unchanged: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
