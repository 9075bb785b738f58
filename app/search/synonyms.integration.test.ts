import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import { importContent } from "#app/content/import-content.server.ts";
import { synonymsFileSchema } from "#app/content/schemas.server.ts";
import { createTestDb } from "#app/testing/test-db.ts";
import { fetchApiKeys } from "./meili-keys.server.ts";

// The synonyms live in SQLite: the real content is imported into a temporary database, then the
// content folder is put out of reach (CONTENT_DIR is an empty folder, so is the working directory,
// and any read of a content folder during search is recorded) and search must still use them.
const meili = inject("meili");
const t = createTestDb();
const INDEX = `syn_${process.pid}`;
const CONTROL = `syn_control_${process.pid}`;
const REAL_CONTENT = path.resolve("toolkit-content");
const REAL_SYNONYMS = path.join(REAL_CONTENT, "taxonomies", "synonyms.yaml");
// A copy for the change test, named like the original so that items hash the same and stay unchanged.
const COPY_ROOT = fs.mkdtempSync(path.join(os.tmpdir(), "rce-syn-content-"));
const COPY = path.join(COPY_ROOT, "toolkit-content");
const EMPTY = fs.mkdtempSync(path.join(os.tmpdir(), "rce-syn-empty-"));
const startDir = process.cwd();

process.env.DATABASE_PATH = t.file;
const { searchConfig, setSearchConfig } = await import("./search-config.server.ts");
setSearchConfig({ url: meili.url, ...(await fetchApiKeys(meili.url, meili.masterKey)), index: INDEX });

const { adminClient, ensureIndex } = await import("./meili.server.ts");
const { drainOutbox, projectEntities } = await import("./sync.server.ts");
const { basicSearch, ftsQueryFor, meiliSearch, search } = await import("./search.server.ts");
const { pendingCount } = await import("./outbox.server.ts");
const { rebuildIndex } = await import("./reindex.server.ts");
const { findDrift, queueRepairs } = await import("./reconcile.server.ts");
const { allEntityKeys } = await import("./documents.server.ts");
const { readSynonyms, sameSynonyms, SYNONYMS_ENTITY, toMeiliSynonyms } = await import("./synonyms.server.ts");

const admin = () => adminClient(searchConfig()!);
const params = (q: string, filters: Record<string, string[]> = {}) => ({ q, page: 1, sort: "relevance" as const, filters });
const urls = (r: { hits: { url: string }[] }) => r.hits.map((h) => h.url);
const pending = () =>
  (t.db.$client.prepare("SELECT entity FROM search_outbox WHERE processed_at IS NULL ORDER BY id").all() as { entity: string }[]).map((r) => r.entity);

/** Every file-system call that names a content folder or a synonyms file while the guard is on. */
const contentReads: string[] = [];
const guard = { on: false };
const contentPath = (p: unknown) => {
  const s = String(p);
  return s.includes("synonyms.yaml") || s.includes("toolkit-content") || s.startsWith(EMPTY);
};
for (const name of ["readFileSync", "existsSync", "openSync", "readdirSync", "statSync", "lstatSync"] as const) {
  const original = (fs[name] as (...a: unknown[]) => unknown).bind(fs);
  vi.spyOn(fs as unknown as Record<string, (...a: unknown[]) => unknown>, name).mockImplementation((...args: unknown[]) => {
    if (guard.on && contentPath(args[0])) contentReads.push(`${name} ${String(args[0])}`);
    return original(...args);
  });
}

// A German query word that no document contains: only the synonym group (refugee, vluchteling, 난민, …) finds anything.
const SYNONYM_QUERY = "flüchtlinge";

beforeAll(async () => {
  const result = importContent(t.db, REAL_CONTENT);
  if (!result.ok) throw new Error(result.problems.map(String).join("\n"));
  fs.cpSync(REAL_CONTENT, COPY, { recursive: true });
  // Through the outbox like every other change: the index starts without synonyms, the worker's drain sets them.
  await ensureIndex(admin(), INDEX);
  await drainOutbox(t.db, admin(), INDEX);
  process.env.CONTENT_DIR = EMPTY;
  process.chdir(EMPTY);
  guard.on = true;
  // The guard sees what it should see.
  fs.existsSync(path.join(process.env.CONTENT_DIR, "taxonomies", "synonyms.yaml"));
  expect(contentReads).toHaveLength(1);
  contentReads.length = 0;
});
afterAll(async () => {
  guard.on = false;
  vi.restoreAllMocks();
  process.chdir(startDir);
  await admin().deleteIndex(INDEX).waitTask();
  t.close();
  for (const dir of [t.dir, COPY_ROOT, EMPTY]) fs.rmSync(dir, { recursive: true, force: true });
});

describe("synonyms come from SQLite, never from toolkit-content at run time", () => {
  it("the import stores the groups of taxonomies/synonyms.yaml, validated, in file order", () => {
    guard.on = false;
    const fromFile = synonymsFileSchema.parse(parseYaml(fs.readFileSync(REAL_SYNONYMS, "utf8")));
    guard.on = true;
    expect(fromFile.length).toBeGreaterThan(10);
    expect(readSynonyms(t.db)).toEqual(fromFile);
    expect(fs.existsSync("toolkit-content")).toBe(false); // the working directory has no content folder
    contentReads.length = 0;
  });

  it("Meilisearch finds content through a synonym, with the setting applied by the outbox drain", async () => {
    expect(pendingCount(t.db)).toBe(0);
    expect(sameSynonyms(await admin().index(INDEX).getSynonyms(), toMeiliSynonyms(readSynonyms(t.db)))).toBe(true);
    const result = await search(params(SYNONYM_QUERY, { type: ["practice"] }), "de", []);
    expect(result.mode).toBe("meilisearch");
    expect(result.total).toBeGreaterThan(0);
    expect(urls(result)).toEqual(expect.arrayContaining(["practices/barcelona-refuge-city", "practices/utrecht-plan-einstein"]));

    // Control: the same documents in an index without synonyms find nothing for the word.
    await ensureIndex(admin(), CONTROL);
    await projectEntities(t.db, admin(), CONTROL, allEntityKeys(t.db));
    try {
      expect((await meiliSearch(params(SYNONYM_QUERY, { type: ["practice"] }), "de", CONTROL)).total).toBe(0);
      expect((await meiliSearch(params("refugee", { type: ["practice"] }), "de", CONTROL)).total).toBeGreaterThan(0);
    } finally {
      await admin().deleteIndex(CONTROL).waitTask();
    }
    expect(contentReads).toEqual([]);
  });

  it("the SQLite fallback expands the query with the stored synonyms", () => {
    const direct = ftsQueryFor(SYNONYM_QUERY, []); // the word alone matches no row
    expect((t.db.$client.prepare("SELECT count(*) n FROM search_fts WHERE search_fts MATCH ?").get(direct) as { n: number }).n).toBe(0);
    const result = basicSearch(params(SYNONYM_QUERY, { type: ["practice"] }), "de", t.db);
    expect(result.total).toBeGreaterThan(0);
    expect(urls(result)).toEqual(expect.arrayContaining(["practices/barcelona-refuge-city", "practices/utrecht-plan-einstein"]));
    expect(contentReads).toEqual([]);
  });

  it("a changed synonyms.yaml reaches the fallback with the import and Meilisearch through the outbox, without a restart", async () => {
    fs.appendFileSync(path.join(COPY, "taxonomies", "synonyms.yaml"), "- [tranvía, tram]\n");
    guard.on = false;
    const result = importContent(t.db, COPY);
    guard.on = true;
    if (!result.ok) throw new Error(result.problems.map(String).join("\n"));
    expect(result.stats?.synonyms).toMatchObject({ created: 1, updated: 0, deleted: 0 });
    expect(result.stats?.practices).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(pending()).toEqual([SYNONYMS_ENTITY]); // one outbox row, for the setting; no document changed

    // The fallback reads the synonyms from SQLite per query: it knows the new group at once.
    expect(urls(basicSearch(params("tranvía"), "es", t.db))).toContain("practices/graz-human-rights-tram");
    // Meilisearch does not, until the sync worker has drained the outbox.
    expect((await meiliSearch(params("tranvía"), "es")).total).toBe(0);
    expect(await drainOutbox(t.db, admin(), INDEX)).toEqual({ processed: 1, failed: 0 });
    expect(pendingCount(t.db)).toBe(0);
    expect(urls(await meiliSearch(params("tranvía"), "es"))).toContain("practices/graz-human-rights-tram");

    // A second import of the same folder changes nothing and queues nothing.
    guard.on = false;
    const again = importContent(t.db, COPY);
    guard.on = true;
    expect(again.ok && again.stats?.synonyms).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(pendingCount(t.db)).toBe(0);
    expect(contentReads).toEqual([]);
  });

  it("search:reindex builds the new index with the stored synonyms", async () => {
    // Wipe the live setting first, so that only the rebuild can bring the synonyms back.
    await admin().index(INDEX).resetSynonyms().waitTask();
    const result = await rebuildIndex(t.db, admin(), INDEX);
    expect(result.documents).toBeGreaterThan(150);
    expect(sameSynonyms(await admin().index(INDEX).getSynonyms(), toMeiliSynonyms(readSynonyms(t.db)))).toBe(true);
    expect((await meiliSearch(params(SYNONYM_QUERY, { type: ["practice"] }), "de")).total).toBeGreaterThan(0);
    expect(urls(await meiliSearch(params("tranvía"), "es"))).toContain("practices/graz-human-rights-tram");
    expect(contentReads).toEqual([]);
  });

  it("the drift check notices an index whose synonyms differ from SQLite, and the worker repairs them", async () => {
    await admin()
      .index(INDEX)
      .updateSynonyms({ tranvía: ["bicycle"] })
      .waitTask();
    for (const deep of [false, true]) {
      const drift = await findDrift(t.db, admin(), INDEX, { deep });
      expect({ missing: drift.missing, extra: drift.extra, stale: drift.stale }).toEqual({ missing: [], extra: [], stale: [SYNONYMS_ENTITY] });
    }
    expect(queueRepairs(t.db, await findDrift(t.db, admin(), INDEX, { deep: false }))).toBe(1);
    await drainOutbox(t.db, admin(), INDEX);
    const after = await findDrift(t.db, admin(), INDEX);
    expect([...after.missing, ...after.extra, ...after.stale]).toEqual([]);
    expect(urls(await meiliSearch(params("tranvía"), "es"))).toContain("practices/graz-human-rights-tram");
    expect(contentReads).toEqual([]);
  });

  // Last: a failed request opens the breaker for a few seconds, and later tests would get the fallback.
  it("when Meilisearch does not answer, the fallback still finds content through a synonym", async () => {
    const saved = searchConfig()!;
    setSearchConfig({ ...saved, url: "http://127.0.0.1:9" }); // nothing listens here
    try {
      const result = await search(params(SYNONYM_QUERY, { type: ["practice"] }), "de", []);
      expect(result.mode).toBe("basic");
      expect(result.total).toBeGreaterThan(0);
      expect(urls(result)).toEqual(expect.arrayContaining(["practices/barcelona-refuge-city", "practices/utrecht-plan-einstein"]));
    } finally {
      setSearchConfig(saved);
    }
    expect(contentReads).toEqual([]);
  });
});
