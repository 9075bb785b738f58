import path from "node:path";
import { fetchApiKeys } from "#app/search/meili-keys.server.ts";
import { masterKeyFor } from "#app/search/meili-process.server.ts";
import { readEndpoint } from "#app/search/meili.server.ts";
import { searchConfigFromEnv, type SearchConfig } from "#app/search/search-config.server.ts";
import { env, type Env } from "#app/utils/env.server.ts";

/**
 * For CLI tools: the search server of MEILI_URL (+ keys), else the local one that `npm start` runs
 * (found through data/meili/endpoint.json and its master key). Returned, never put in process.env.
 */
export async function connectSearch(settings: Env = env()): Promise<SearchConfig> {
  const { MEILI_URL: url, MEILI_ADMIN_KEY, MEILI_MASTER_KEY, MEILI_INDEX: index } = settings;
  if (url && !MEILI_ADMIN_KEY && MEILI_MASTER_KEY) return { url, ...(await fetchApiKeys(url, MEILI_MASTER_KEY)), index };
  const fromEnv = searchConfigFromEnv(settings);
  if (fromEnv) return fromEnv;
  const dataDir = path.resolve(settings.MEILI_DATA_DIR);
  const endpoint = readEndpoint(dataDir);
  if (!endpoint) throw new Error("no search server: start the app (npm start) or set MEILI_URL with its keys");
  return { url: endpoint.url, ...(await fetchApiKeys(endpoint.url, masterKeyFor(dataDir))), index };
}
