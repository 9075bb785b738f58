import { env, type Env } from "#app/utils/env.server.ts";

/**
 * Where the search server is and which keys to use. Production sets MEILI_URL (+ MEILI_ADMIN_KEY and
 * MEILI_SEARCH_KEY, or MEILI_MASTER_KEY to look them up); locally the app server starts its own
 * Meilisearch. Either way server/search-setup.ts works out the result at start-up and hands it over
 * with setSearchConfig().
 */
export type SearchConfig = { url: string; adminKey: string; searchKey: string; index: string };

/** The configuration the settings give on their own, when they name a server and both keys. */
export function searchConfigFromEnv(settings: Env): SearchConfig | null {
  const { MEILI_URL: url, MEILI_ADMIN_KEY: adminKey, MEILI_SEARCH_KEY: searchKey, MEILI_INDEX: index } = settings;
  return url && adminKey && searchKey ? { url, adminKey, searchKey, index } : null;
}

// Kept on globalThis, not in this module: server/index.ts (run by tsx) and the Remix build (bundled
// by Vite) each load their own copy of this file, and the build's loaders must see what the
// server found. Tests set it the same way.
const found = globalThis as unknown as { __rceSearchConfig?: SearchConfig | null };

/** What start-up found (null: no search server, basic search only). */
export function setSearchConfig(config: SearchConfig | null): void {
  found.__rceSearchConfig = config;
}

/**
 * The search server to query, or null for basic search only: what start-up found, else the
 * settings (`remix vite:dev` has no start-up of ours).
 */
export function searchConfig(): SearchConfig | null {
  if (found.__rceSearchConfig !== undefined) return found.__rceSearchConfig;
  const settings = env();
  return settings.SEARCH_DISABLED ? null : searchConfigFromEnv(settings);
}
