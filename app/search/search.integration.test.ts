import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { importContent } from "#app/content/import-content.server.ts";
import { createTestDb } from "#app/testing/test-db.ts";
import type { ManagedMeili } from "./meili-process.server.ts";
import { fetchApiKeys } from "./meili-keys.server.ts";
import { searchConfig, setSearchConfig } from "./search-config.server.ts";

// Real SQLite file + real Meilisearch 1.21 (started once by the global setup) + the real content.
const meili = inject("meili");
const t = createTestDb();
const INDEX = `it_${process.pid}`;
// getDb() opens DATABASE_PATH: this test process's setting, set before anything reads the settings.
process.env.DATABASE_PATH = t.file;
// The search server, handed over as server/search-setup.ts does at start-up.
setSearchConfig({ url: meili.url, ...(await fetchApiKeys(meili.url, meili.masterKey)), index: INDEX });

const { adminClient, ensureIndex } = await import("./meili.server.ts");
const { drainOutbox } = await import("./sync.server.ts");
const { basicSearch, meiliSearch, search } = await import("./search.server.ts");
const { recordChanges, pendingCount } = await import("./outbox.server.ts");
const { rebuildIndex } = await import("./reindex.server.ts");
const { findDrift } = await import("./reconcile.server.ts");
const { entityKey } = await import("./documents.server.ts");

const admin = () => adminClient(searchConfig()!);
const params = (q: string, filters: Record<string, string[]> = {}, page = 1) => ({ q, page, sort: "relevance" as const, filters });
const sql = <T>(query: string, ...args: unknown[]) => t.db.$client.prepare(query).all(...args) as T[];

beforeAll(async () => {
  const result = importContent(t.db, "toolkit-content");
  if (!result.ok) throw new Error(result.problems.map(String).join("\n"));
  await ensureIndex(admin(), INDEX);
  await drainOutbox(t.db, admin(), INDEX);
});
afterAll(async () => {
  await admin().deleteIndex(INDEX).waitTask();
  t.close();
  fs.rmSync(t.dir, { recursive: true, force: true });
});

describe("search on a real Meilisearch", () => {
  it("indexes every published entity exactly once (no drift after the outbox drained)", async () => {
    expect(pendingCount(t.db)).toBe(0);
    const drift = await findDrift(t.db, admin(), INDEX);
    expect({ missing: drift.missing, extra: drift.extra, stale: drift.stale }).toEqual({ missing: [], extra: [], stale: [] });
    expect(drift.checked).toBeGreaterThan(150);
  });

  it("gives disjunctive facet counts equal to counts computed from the content tables", async () => {
    const themes = ["housing-homelessness", "migration-refugees"];
    const result = await meiliSearch(params("", { type: ["practice"], theme: themes }), "en");
    // Practices with either theme, per city: straight from the content tables.
    const byCity = sql<{ slug: string; n: number }>(
      `SELECT c.slug, count(DISTINCT p.id) n FROM practices p JOIN cities c ON c.id = p.city_id
       JOIN practice_terms pt ON pt.practice_id = p.id JOIN taxonomy_terms t ON t.id = pt.term_id
       WHERE p.status = 'published' AND c.status = 'published' AND t.vocabulary = 'theme' AND t.slug IN (?, ?) GROUP BY c.slug`,
      ...themes,
    );
    expect(Object.fromEntries(result.facets.city.map((f) => [f.value, f.count]))).toEqual(Object.fromEntries(byCity.map((r) => [r.slug, r.n])));
    expect(result.total).toBe(byCity.reduce((n, r) => n + r.n, 0));
    // The theme facet ignores its own selection (OR within a facet): every theme's count among practices.
    const byTheme = sql<{ slug: string; n: number }>(
      `SELECT t.slug, count(DISTINCT p.id) n FROM practices p JOIN cities c ON c.id = p.city_id
       JOIN practice_terms pt ON pt.practice_id = p.id JOIN taxonomy_terms t ON t.id = pt.term_id
       WHERE p.status = 'published' AND c.status = 'published' AND t.vocabulary = 'theme' GROUP BY t.slug`,
    );
    expect(Object.fromEntries(result.facets.theme.map((f) => [f.value, f.count]))).toEqual(Object.fromEntries(byTheme.map((r) => [r.slug, r.n])));
  });

  it.each([
    ["", { type: ["answer"], city: ["graz", "gwangju"] }],
    ["human rights", { qtype: ["monitoring-indicators", "political-change"], lang: ["de"] }],
    ["refugee", {}],
    ["", { udhr: ["25"], sdg: ["11", "10"] }],
  ])("Meilisearch and the SQLite fallback agree on totals and facet counts: %s %j", async (q, filters) => {
    const a = await meiliSearch(params(q, filters), "en");
    const b = basicSearch(params(q, filters), "en", t.db);
    expect(a.total).toBeGreaterThan(0);
    for (const facet of ["type", "city", "theme", "qtype", "lang"] as const) {
      if (q) continue; // typo tolerance and prefix rules make text matching differ; unfiltered text counts are compared above
      expect(Object.fromEntries(a.facets[facet].map((f) => [f.value, f.count])), facet).toEqual(
        Object.fromEntries(b.facets[facet].map((f) => [f.value, f.count])),
      );
    }
    if (!q) expect(a.total).toBe(b.total);
  });

  it("finds content written in another language through the synonym list", async () => {
    const dutchOnly = await meiliSearch(params("vluchteling", { type: ["practice"] }), "nl");
    const korean = await meiliSearch(params("난민", { type: ["practice"] }), "ko");
    const english = await meiliSearch(params("refugees", { type: ["practice"] }), "en");
    expect(korean.total).toBeGreaterThan(0);
    expect(new Set(korean.hits.map((h) => h.id))).toEqual(new Set(english.hits.map((h) => h.id)));
    expect(dutchOnly.total).toBeGreaterThan(0);
  });

  it("tolerates typos and highlights matches as segments, never as HTML", async () => {
    const result = await meiliSearch(params("ombudsmn"), "en");
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.some((h) => [...h.title, ...h.snippet].some((s) => s.hit))).toBe(true);
    for (const h of result.hits) for (const s of [...h.title, ...h.snippet]) expect(s.text.includes("\u0001") || s.text.includes("\u0002")).toBe(false);
  });

  it("shows the reader's language when an item has it", async () => {
    const result = await meiliSearch(params("Bed Bath Bread", { city: ["utrecht"] }), "nl");
    const hit = result.hits.find((h) => h.url === "practices/utrecht-bed-bath-bread")!;
    expect(hit.language).toBe("nl");
  });

  it("keeps drafts, items in review and archived items out of the index", async () => {
    const [p] = sql<{ id: number; slug: string }>("SELECT id, slug FROM practices WHERE slug = 'utrecht-human-rights-cafes'");
    for (const status of ["draft", "in_review", "archived", "published"] as const) {
      t.db.$client.prepare("UPDATE practices SET status = ? WHERE id = ?").run(status, p!.id);
      recordChanges(t.db, [entityKey("practice", p!.id)]);
      await drainOutbox(t.db, admin(), INDEX);
      const found = await meiliSearch(params("", { city: ["utrecht"], type: ["practice"] }, 1), "en");
      const all = [...found.hits.map((h) => h.url)];
      for (let page = 2; page <= found.pages; page++)
        all.push(...(await meiliSearch(params("", { city: ["utrecht"], type: ["practice"] }, page), "en")).hits.map((h) => h.url));
      expect(all.includes(`practices/${p!.slug}`), status).toBe(status === "published");
    }
  });

  it("answers filter-injection attempts safely", async () => {
    for (const q of ['" OR type = "city', "\\", "'; DROP TABLE practices; --", "(((", "*", "__proto__", "🙂", "a".repeat(300)]) {
      const result = await search(params(q.slice(0, 200)), "en", []);
      expect(result.mode).toBe("meilisearch");
      expect(Array.isArray(result.hits)).toBe(true);
    }
    // A value that got past validation would still be quoted, never interpolated as filter syntax.
    const result = await meiliSearch(params("", { city: ['utrecht" OR city = "graz'] }), "en");
    expect(result.total).toBe(0);
    expect(sql<{ n: number }>("SELECT count(*) n FROM practices")[0]!.n).toBeGreaterThan(0);
  });
});

describe("sync through the outbox when Meilisearch goes away", () => {
  it("loses nothing while the server is down and drains when it is back; the fallback answers meanwhile", async () => {
    // A second, private server for this test, so stopping it does not disturb the other tests.
    const dataDir = fs.mkdtempSync(`${t.dir}/meili-`);
    const { startMeiliOnFreePort } = await import("./meili-process.server.ts");
    let server: ManagedMeili = await startMeiliOnFreePort({ dataDir });
    const keys = await fetchApiKeys(server.url, server.masterKey);
    const { meiliClient } = await import("./meili.server.ts");
    const client = () => meiliClient(server.url, keys.adminKey, 2000);
    const uid = "outage";
    await ensureIndex(client(), uid);
    await rebuildIndex(t.db, client(), uid);

    await server.stop();
    const [p] = sql<{ id: number }>("SELECT id FROM practices WHERE slug = 'graz-human-rights-tram'");
    t.db.$client
      .prepare("UPDATE practice_translations SET title = 'Tramway of rights, renamed during the outage' WHERE practice_id = ? AND lang = 'en'")
      .run(p!.id);
    recordChanges(t.db, [entityKey("practice", p!.id)]);
    const down = await drainOutbox(t.db, client(), uid);
    expect(down.failed).toBeGreaterThan(0);
    expect(pendingCount(t.db)).toBeGreaterThan(0);

    // Meanwhile the fallback already knows the change (it is updated in the same transaction).
    const fallback = basicSearch(params("renamed outage"), "en", t.db);
    expect(fallback.hits.map((h) => h.url)).toContain("practices/graz-human-rights-tram");

    server = await startMeiliOnFreePort({ dataDir }); // same data, possibly a new port
    t.db.$client.prepare("UPDATE search_outbox SET available_at = 0 WHERE processed_at IS NULL").run(); // skip the back-off wait
    const up = await drainOutbox(t.db, client(), uid);
    expect(up.failed).toBe(0);
    expect(pendingCount(t.db)).toBe(0);
    const drift = await findDrift(t.db, client(), uid);
    expect([...drift.missing, ...drift.extra, ...drift.stale]).toEqual([]);
    const res = await client().index(uid).search("renamed outage");
    expect(res.hits.map((h) => h.url)).toContain("practices/graz-human-rights-tram");
    await server.stop();
  });

  it("rebuilds into a new index and swaps it in with no moment of empty results", async () => {
    let searches = 0;
    let empty = 0;
    let done = false;
    const hammer = (async () => {
      while (!done) {
        const r = await admin().index(INDEX).search("human rights", { limit: 1 });
        searches++;
        if (r.estimatedTotalHits === 0) empty++;
      }
    })();
    const result = await rebuildIndex(t.db, admin(), INDEX);
    done = true;
    await hammer;
    expect(result.documents).toBeGreaterThan(150);
    expect(searches).toBeGreaterThan(5);
    expect(empty).toBe(0);
    const drift = await findDrift(t.db, admin(), INDEX);
    expect([...drift.missing, ...drift.extra, ...drift.stale]).toEqual([]);
  });

  it("falls back to SQLite within about a second when the server does not answer", async () => {
    const saved = searchConfig()!;
    setSearchConfig({ ...saved, url: "http://127.0.0.1:9" }); // nothing listens here
    try {
      const started = performance.now();
      const result = await search(params("monitoring"), "de", []);
      expect(result.mode).toBe("basic");
      expect(result.notices).toContainEqual({ kind: "basicSearch" });
      expect(result.total).toBeGreaterThan(0);
      expect(performance.now() - started).toBeLessThan(3000);
      // The health endpoint tells operators that search is degraded, while reading still works.
      const { loader } = await import("#app/routes/healthz.ts");
      const health = (await loader().json()) as { status: string; search: { status: string }; database: string };
      expect(health).toMatchObject({ status: "degraded", database: "ok", search: { status: "degraded" } });
    } finally {
      setSearchConfig(saved);
    }
  });
});
