import fs from "node:fs";
import path from "node:path";
import { Meilisearch, type Settings } from "meilisearch";
import type { DB } from "#db/client.ts";
import { LANGUAGES } from "#app/i18n/languages.ts";
import { env } from "#app/utils/env.server.ts";
import { FACET_FIELDS } from "./facets.ts";
import { nodeHttpClient } from "./http-client.server.ts";
import type { SearchConfig } from "./search-config.server.ts";
import { readSynonyms, sameSynonyms, toMeiliSynonyms, type SynonymGroups } from "./synonyms.server.ts";

/** A file a running app leaves behind so that CLI tools (reindex, reconcile) find its local server. */
export function endpointFile(dataDir: string): string {
  return path.join(dataDir, "endpoint.json");
}
export function readEndpoint(dataDir: string): { url: string } | null {
  try {
    return JSON.parse(fs.readFileSync(endpointFile(dataDir), "utf8")) as { url: string };
  } catch {
    return null;
  }
}

/** The read path: search key only, and a short timeout so a slow server falls back instead of hanging. */
export function searchClient(config: SearchConfig, timeoutMs = env().SEARCH_TIMEOUT_MS) {
  return meiliClient(config.url, config.searchKey, timeoutMs);
}

export function adminClient(config: SearchConfig) {
  return meiliClient(config.url, config.adminKey, 30_000);
}

/** Every Meilisearch client goes through node:http (see http-client.server.ts for why). */
export function meiliClient(host: string, apiKey: string, timeout: number) {
  return new Meilisearch({ host, apiKey, timeout, httpClient: nodeHttpClient });
}

const byLanguage = (field: string) => LANGUAGES.map((l) => `${field}_${l}`);

/**
 * Index settings, declared once; applied idempotently (only when they differ). Synonyms come from
 * SQLite (see synonyms.server.ts); without them the index's current synonyms are left as they are.
 */
export function indexSettings(synonyms?: SynonymGroups): Settings {
  return {
    searchableAttributes: [...byLanguage("title"), ...byLanguage("summary"), "labels", ...byLanguage("body")],
    filterableAttributes: [...FACET_FIELDS],
    sortableAttributes: ["date", "year", ...LANGUAGES.map((l) => `has_${l}`)],
    // "sort" after the relevance rules: sorting (by date, or by "has the reader's language") orders
    // items within a relevance tier, so the reader's language wins among equally relevant results.
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
    ...(synonyms ? { synonyms: toMeiliSynonyms(synonyms) } : {}),
    faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { "*": "count" } },
    pagination: { maxTotalHits: 1000 },
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 }, disableOnNumbers: true },
    searchCutoffMs: 800,
  };
}

function sameSettings(current: Settings, wanted: Settings): boolean {
  return Object.entries(wanted).every(([key, value]) =>
    key === "synonyms" ? sameSynonyms(current.synonyms, wanted.synonyms) : JSON.stringify((current as Record<string, unknown>)[key]) === JSON.stringify(value),
  );
}

/**
 * Creates the index if needed and applies the settings when they changed. Returns true if it changed
 * anything. With `db`, the synonyms stored there are part of the settings; without, they are left alone
 * (the outbox and the drift check keep them in step).
 */
export async function ensureIndex(client: Meilisearch, uid: string, db?: DB): Promise<boolean> {
  let changed = false;
  try {
    await client.getIndex(uid);
  } catch {
    await client.createIndex(uid, { primaryKey: "id" }).waitTask({ timeout: 30_000 });
    changed = true;
  }
  const index = client.index(uid);
  const wanted = indexSettings(db ? readSynonyms(db) : undefined);
  if (!sameSettings(await index.getSettings(), wanted)) {
    const task = await index.updateSettings(wanted).waitTask({ timeout: 120_000 });
    if (task.status !== "succeeded") throw new Error(`updating settings of ${uid} failed: ${task.error?.message ?? task.status}`);
    changed = true;
  }
  return changed;
}
