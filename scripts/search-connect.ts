import path from "node:path";
import { fetchApiKeys } from "#app/search/meili-keys.server.ts";
import { masterKeyFor } from "#app/search/meili-process.server.ts";
import { readEndpoint, searchConfig, type SearchConfig } from "#app/search/meili.server.ts";

/**
 * For CLI tools: the search server of MEILI_URL (+ keys), else the local one that `npm start` runs
 * (found through data/meili/endpoint.json and its master key).
 */
export async function connectSearch(): Promise<SearchConfig> {
  if (process.env.MEILI_URL && !process.env.MEILI_ADMIN_KEY && process.env.MEILI_MASTER_KEY) {
    Object.assign(process.env, await keyEnv(process.env.MEILI_URL, process.env.MEILI_MASTER_KEY));
  }
  const fromEnv = searchConfig();
  if (fromEnv) return fromEnv;
  const dataDir = path.resolve(process.env.MEILI_DATA_DIR || "data/meili");
  const endpoint = readEndpoint(dataDir);
  if (!endpoint) throw new Error("no search server: start the app (npm start) or set MEILI_URL with its keys");
  Object.assign(process.env, { MEILI_URL: endpoint.url }, await keyEnv(endpoint.url, masterKeyFor(dataDir)));
  return searchConfig()!;
}

async function keyEnv(url: string, masterKey: string) {
  const { adminKey, searchKey } = await fetchApiKeys(url, masterKey);
  return { MEILI_ADMIN_KEY: adminKey, MEILI_SEARCH_KEY: searchKey };
}
