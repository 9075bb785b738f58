/**
 * The master key only creates keys. Indexing uses the default admin key, the read path the default
 * search key; both are fetched from the server with the master key at start-up, never stored.
 */
export async function fetchApiKeys(url: string, masterKey: string): Promise<{ adminKey: string; searchKey: string }> {
  const res = await fetch(`${url}/keys?limit=100`, { headers: { Authorization: `Bearer ${masterKey}` }, signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`could not list Meilisearch keys (HTTP ${res.status}): is the master key right?`);
  const { results } = (await res.json()) as { results: { key: string; name: string | null; actions: string[]; indexes: string[] }[] };
  const admin = results.find((k) => k.name === "Default Admin API Key");
  const search = results.find((k) => k.name === "Default Search API Key");
  if (!admin || !search) throw new Error("the Meilisearch server has no default admin and search keys");
  return { adminKey: admin.key, searchKey: search.key };
}
