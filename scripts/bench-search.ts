/**
 * Search benchmark: numbers, not a test. `npm run bench:search [-- --sizes 10000,100000 --queries 200]`
 *
 * For each corpus size it generates a deterministic synthetic corpus (practices in the real mix of
 * languages, Korean included, with words drawn from toolkit-content/), loads it into a fresh SQLite
 * file and a fresh Meilisearch, and measures, in one run:
 *   - the same query mix directly against Meilisearch (the exact multi-search the app sends) and
 *     through the app's search route over HTTP (loader data and the full HTML page), p50/p95 and ratio;
 *   - our full rebuild (SQLite → documents → new index → swap) against Meilisearch's own ingest time
 *     of the same, pre-built documents;
 *   - publish-to-searchable latency through the outbox and the app's sync worker;
 *   - the SQLite FTS5 fallback on the same queries;
 *   - peak memory (VmHWM) of the app server and of Meilisearch.
 * Results go to bench/search-results.json.
 */
import fs from "node:fs";
import path from "node:path";
import type { Meilisearch } from "meilisearch";
import { importContent } from "#app/content/import-content.server.ts";
import { LANGUAGES, type Language } from "#app/i18n/languages.ts";
import { buildDocument, entityKey, type SearchDocument } from "#app/search/documents.server.ts";
import { refreshFallback } from "#app/search/fallback-index.server.ts";
import { fetchApiKeys } from "#app/search/meili-keys.server.ts";
import { freePort, startMeili } from "#app/search/meili-process.server.ts";
import { ensureIndex, meiliClient } from "#app/search/meili.server.ts";
import { recordChanges } from "#app/search/outbox.server.ts";
import { searchHref, type SearchParams } from "#app/search/query.ts";
import { rebuildIndex } from "#app/search/reindex.server.ts";
import { basicSearch, buildMeiliQueries } from "#app/search/search.server.ts";
import { peakMemoryKb, spawnServerProcess } from "#app/testing/server-process.ts";
import { createDb, type DB } from "#db/client.ts";
import { runMigrations } from "#db/migrate.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const SIZES = arg("sizes", "10000,100000").split(",").map(Number);
const QUERIES = Number(arg("queries", "200"));
const ROOT = path.resolve("data/bench");

// ---------- deterministic randomness and word pools ----------
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const pickN = <T>(r: () => number, xs: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => pick(r, xs)))];

/** The 400 most frequent words of each language in the real content: realistic text, stable across runs. */
function wordPools(): Record<Language, string[]> {
  const counts = Object.fromEntries(LANGUAGES.map((l) => [l, new Map<string, number>()])) as Record<Language, Map<string, number>>;
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
  for (const file of walk("toolkit-content")
    .filter((f) => f.endsWith(".md") && !f.endsWith("README.md"))
    .sort()) {
    const m = /\.(nl|de|es|ko)\.md$/.exec(file);
    const lang = (m?.[1] as Language | undefined) ?? "en";
    const text = fs.readFileSync(file, "utf8").split("\n---").slice(1).join(" ");
    for (const w of text.toLowerCase().match(/[\p{L}]{3,}/gu) ?? []) counts[lang].set(w, (counts[lang].get(w) ?? 0) + 1);
  }
  return Object.fromEntries(
    LANGUAGES.map((l) => [
      l,
      [...counts[l]]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 400)
        .map(([w]) => w),
    ]),
  ) as Record<Language, string[]>;
}

// ---------- corpus ----------
const COUNTRIES = ["NL", "AT", "DE", "ES", "KR", "SE", "GB", "FR", "IT", "BE", "PL", "PT", "CA", "MX", "AR", "CO", "US", "JP", "NO", "FI"];

function generateCorpus(db: DB, size: number, pools: Record<Language, string[]>) {
  const r = rng(size);
  const c = db.$client;
  const term = (v: string) => c.prepare("SELECT id, slug FROM taxonomy_terms WHERE vocabulary = ? ORDER BY position").all(v) as { id: number; slug: string }[];
  const themes = term("theme");
  const qtypes = term("question_type");
  const udhr = term("udhr_article");
  const sdgs = term("sdg");
  const regions = term("region");
  const now = Date.now();
  const sentence = (lang: Language, n: number) => Array.from({ length: n }, () => pick(r, pools[lang])).join(" ");
  const languageMix: Language[] = ["en", "en", "en", "en", "en", "nl", "nl", "de", "de", "de", "es", "es", "ko", "ko"];
  c.transaction(() => {
    const insCity = c.prepare(
      "INSERT INTO cities (slug, original_language, country, region_id, hr_city_status, hr_city_since, hr_city_basis, status, origin, created_at, updated_at) VALUES (?, 'en', ?, ?, 'declared', '[]', 'declaration', 'published', 'app', ?, ?)",
    );
    const insCityT = c.prepare("INSERT INTO city_translations (city_id, lang, name, summary, body_md, body_html) VALUES (?, 'en', ?, '', '', '')");
    for (let i = 1; i <= 60; i++) {
      const id = Number(insCity.run(`bench-city-${i}`, COUNTRIES[i % COUNTRIES.length], pick(r, regions).id, now, now).lastInsertRowid);
      insCityT.run(id, `Benchcity ${i}`);
    }
    const insP = c.prepare(
      "INSERT INTO practices (slug, city_id, original_language, start_year, status, origin, co_cities, featured, published_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'published', 'app', '{}', 0, ?, ?, ?)",
    );
    const insT = c.prepare(
      "INSERT INTO practice_translations (practice_id, lang, title, summary, body_md, body_html, outcomes) VALUES (?, ?, ?, ?, '', ?, '[]')",
    );
    const insTerm = c.prepare("INSERT OR IGNORE INTO practice_terms (practice_id, term_id) VALUES (?, ?)");
    for (let i = 1; i <= size; i++) {
      const original = pick(r, languageMix);
      const date = now - Math.floor(r() * 3650) * 86_400_000;
      const id = Number(insP.run(`bench-${i}`, 1 + Math.floor(r() * 60), original, 1995 + Math.floor(r() * 31), date, date, date).lastInsertRowid);
      const langs =
        r() < 0.3
          ? [
              original,
              pick(
                r,
                LANGUAGES.filter((l) => l !== original),
              ),
            ]
          : [original];
      for (const lang of langs) insT.run(id, lang, sentence(lang, 6), sentence(lang, 25), `<p>${sentence(lang, 120)}</p>`);
      for (const t of [
        ...pickN(r, themes, 1 + Math.floor(r() * 3)),
        ...pickN(r, qtypes, Math.floor(r() * 3)),
        ...pickN(r, udhr, Math.floor(r() * 3)),
        ...pickN(r, sdgs, Math.floor(r() * 3)),
      ])
        insTerm.run(id, t.id);
    }
  })();
}

// ---------- query mix ----------
function queryMix(n: number, pools: Record<Language, string[]>, db: DB): { params: SearchParams; reader: Language; kind: string }[] {
  const r = rng(7);
  const slugs = (v: string) => (db.$client.prepare("SELECT slug FROM taxonomy_terms WHERE vocabulary = ?").all(v) as { slug: string }[]).map((x) => x.slug);
  const facetChoices = {
    theme: slugs("theme"),
    qtype: slugs("question_type"),
    city: Array.from({ length: 60 }, (_, i) => `bench-city-${i + 1}`),
    lang: [...LANGUAGES],
    country: COUNTRIES,
  };
  const typo = (w: string) => (w.length < 5 ? w : w.slice(0, 2) + w.slice(3));
  const out: { params: SearchParams; reader: Language; kind: string }[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    const base = { page: 1, sort: "relevance" as const, filters: {} as SearchParams["filters"] };
    if (x < 0.4) out.push({ kind: "plain", reader: "en", params: { ...base, q: pickN(r, pools.en.slice(0, 200), 1 + Math.floor(r() * 2)).join(" ") } });
    else if (x < 0.55)
      out.push({
        kind: "typo",
        reader: "en",
        params: {
          ...base,
          q: typo(
            pick(
              r,
              pools.en.filter((w) => w.length >= 6),
            ),
          ),
        },
      });
    else if (x < 0.85) {
      const facets = pickN(r, Object.keys(facetChoices) as (keyof typeof facetChoices)[], 1 + Math.floor(r() * 3));
      const filters = Object.fromEntries(facets.map((f) => [f, pickN(r, facetChoices[f] as readonly string[], 1 + Math.floor(r() * 2))]));
      out.push({ kind: `facets${facets.length}`, reader: "en", params: { ...base, q: r() < 0.5 ? "" : pick(r, pools.en.slice(0, 100)), filters } });
    } else {
      const lang = pick(r, ["ko", "de", "nl"] as const);
      out.push({ kind: "other-language", reader: r() < 0.5 ? "en" : lang, params: { ...base, q: pick(r, pools[lang].slice(0, 200)) } });
    }
  }
  return out;
}

// ---------- measuring ----------
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10 : NaN;
};
const summary = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95), n: xs.length });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitTasks(client: Meilisearch, uids: number[]) {
  for (const uid of uids) {
    const t = await client.tasks.waitForTask(uid, { timeout: 3_600_000, interval: 100 });
    if (t.status !== "succeeded") throw new Error(`task ${uid} ${t.status}: ${t.error?.message}`);
  }
}

async function benchSize(size: number, pools: Record<Language, string[]>) {
  console.log(`\n== ${size.toLocaleString("en")} documents`);
  const dir = path.join(ROOT, String(size));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, "bench.db");
  const db = createDb(dbFile);
  runMigrations(db);
  // Taxonomies come from the real content; the corpus itself is synthetic.
  const taxDir = path.join(dir, "content");
  fs.cpSync("toolkit-content/taxonomies", path.join(taxDir, "taxonomies"), { recursive: true });
  const imported = importContent(db, taxDir);
  if (!imported.ok) throw new Error(imported.problems.map(String).join("\n"));
  let t = performance.now();
  generateCorpus(db, size, pools);
  const generateMs = performance.now() - t;
  const keys = (db.$client.prepare("SELECT id FROM practices").all() as { id: number }[]).map((r) => entityKey("practice", r.id));
  t = performance.now();
  db.$client.transaction(() => refreshFallback(db, keys))();
  const fallbackIndexMs = performance.now() - t;
  console.log(`corpus generated in ${Math.round(generateMs)} ms, fallback index in ${Math.round(fallbackIndexMs)} ms`);

  const meili = await startMeili({ dataDir: path.join(dir, "meili"), port: await freePort(), timeoutMs: 60_000 });
  const k = await fetchApiKeys(meili.url, meili.masterKey);
  // The same HTTP client the app uses, so "direct" and "through the app" differ only by the app.
  const admin = meiliClient(meili.url, k.adminKey, 600_000);
  const reader = meiliClient(meili.url, k.searchKey, 10_000);

  // Meilisearch's own ingest of the same documents, built beforehand.
  t = performance.now();
  const docs = keys.map((key) => buildDocument(db, key)).filter((d): d is SearchDocument => d !== null);
  const docBuildMs = performance.now() - t;
  await ensureIndex(admin, "raw_ingest");
  t = performance.now();
  const uids: number[] = [];
  for (let i = 0; i < docs.length; i += 1000) uids.push((await admin.index("raw_ingest").addDocuments(docs.slice(i, i + 1000), { primaryKey: "id" })).taskUid);
  await waitTasks(admin, uids);
  const rawIngestMs = performance.now() - t;
  await waitTasks(admin, [(await admin.deleteIndex("raw_ingest")).taskUid]);
  console.log(`raw ingest ${Math.round(rawIngestMs)} ms (documents built beforehand in ${Math.round(docBuildMs)} ms)`);

  // Our rebuild: from SQLite, into a new index, swapped in.
  const rebuild = await rebuildIndex(db, admin, "content");
  console.log(`rebuild ${rebuild.totalMs} ms (${rebuild.documents} documents)`);

  const app = await spawnServerProcess({
    databasePath: dbFile,
    search: { mode: "external", url: meili.url, adminKey: k.adminKey, searchKey: k.searchKey, index: "content" },
    host: "127.0.0.1",
    env: { SEARCH_RECONCILE_MS: "86400000", CONTENT_DIR: taxDir },
    startTimeoutMs: 300_000,
  });
  const base = app.url;
  const mix = queryMix(QUERIES, pools, db);
  const direct: number[] = [];
  const viaData: number[] = [];
  const viaHtml: number[] = [];
  const fallback: number[] = [];
  const byKind: Record<string, { direct: number[]; app: number[] }> = {};
  // Warm-up: caches and JIT, not measured.
  for (const q of mix.slice(0, 20)) {
    await reader.multiSearch({ queries: buildMeiliQueries(q.params, q.reader, "content") });
    await (await fetch(`${base}${searchHref(`/${q.reader}/search`, q.params, {})}`)).text();
  }
  for (const q of mix) {
    let s = performance.now();
    await reader.multiSearch({ queries: buildMeiliQueries(q.params, q.reader, "content") });
    const d = performance.now() - s;
    direct.push(d);
    const href = searchHref(`/${q.reader}/search`, q.params, {});
    const dataHref = href.replace(/\/search(\?|$)/, "/search.data$1");
    s = performance.now();
    const res = await fetch(`${base}${dataHref}`);
    await res.text();
    if (!res.ok) throw new Error(`${dataHref}: HTTP ${res.status}`);
    const a = performance.now() - s;
    viaData.push(a);
    s = performance.now();
    await (await fetch(`${base}${href}`)).text();
    viaHtml.push(performance.now() - s);
    s = performance.now();
    basicSearch(q.params, q.reader, db);
    fallback.push(performance.now() - s);
    (byKind[q.kind] ??= { direct: [], app: [] }).direct.push(d);
    byKind[q.kind]!.app.push(a);
  }

  // Publish → searchable through the outbox and the running app's sync worker.
  const publish: number[] = [];
  const [target] = db.$client.prepare("SELECT id FROM practices ORDER BY id LIMIT 1").all() as { id: number }[];
  for (let i = 0; i < 20; i++) {
    // Distinct letters per round so typo tolerance cannot match the previous round's token.
    const token = `${"bcdfghjklmnpqrstvwxz"[i]!.repeat(3)}publish${"aeiouy"[i % 6]!.repeat(2)}${i * 7919}`;
    db.$client.transaction(() => {
      db.$client.prepare("UPDATE practice_translations SET title = ? WHERE practice_id = ?").run(`Published ${token}`, target!.id);
      recordChanges(db, [entityKey("practice", target!.id)]);
    })();
    const s = performance.now();
    for (;;) {
      const r = await reader.index("content").search(token, { limit: 3 });
      if (r.hits.some((h) => JSON.stringify(h).includes(token))) break;
      if (performance.now() - s > 60_000) throw new Error("publish never became searchable");
      await sleep(20);
    }
    publish.push(performance.now() - s);
  }

  const memory = { appPeakMb: Math.round(app.peakMemoryKb() / 1024), meiliPeakMb: Math.round(peakMemoryKb(meili.process.pid) / 1024) };
  await app.stop();
  await meili.stop();
  db.$client.close();
  const dbMb = Math.round(fs.statSync(dbFile).size / 1048576);
  fs.rmSync(dir, { recursive: true, force: true });

  const d = summary(direct);
  const a = summary(viaData);
  const h = summary(viaHtml);
  const f = summary(fallback);
  return {
    documents: rebuild.documents,
    sqliteMb: dbMb,
    latencyMs: { meiliDirect: d, appRouteData: a, appRouteHtml: h, fallbackFts5: f },
    ratios: {
      appDataP95OverDirectP95: Math.round((a.p95 / d.p95) * 100) / 100,
      appHtmlP95OverDirectP95: Math.round((h.p95 / d.p95) * 100) / 100,
      fallbackP95OverDirectP95: Math.round((f.p95 / d.p95) * 100) / 100,
    },
    byKind: Object.fromEntries(Object.entries(byKind).map(([kind, v]) => [kind, { direct: summary(v.direct), app: summary(v.app) }])),
    indexing: {
      rawIngestMs: Math.round(rawIngestMs),
      documentBuildMs: Math.round(docBuildMs),
      rebuildMs: rebuild.totalMs,
      rebuildOverRawIngest: Math.round((rebuild.totalMs / rawIngestMs) * 100) / 100,
      fallbackIndexMs: Math.round(fallbackIndexMs),
    },
    publishToSearchableMs: summary(publish),
    memory,
  };
}

const pools = wordPools();
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version, meilisearch: "1.21.0", queries: QUERIES },
  sizes: {} as Record<string, unknown>,
};
for (const size of SIZES) {
  const r = await benchSize(size, pools);
  (results.sizes as Record<string, unknown>)[size] = r;
  console.log(JSON.stringify(r, null, 2));
}
fs.mkdirSync("bench", { recursive: true });
fs.writeFileSync("bench/search-results.json", JSON.stringify(results, null, 2) + "\n");
console.log("\nwritten to bench/search-results.json");
