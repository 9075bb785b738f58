import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyContent, createTestDb, dumpDb } from "#app/testing/test-db.ts";
import { importContent } from "./import-content.server.ts";

const MINI = path.resolve("app/content/__fixtures__/mini");
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setup() {
  const t = createTestDb();
  const content = copyContent(MINI);
  cleanups.push(
    t.close,
    () => fs.rmSync(t.dir, { recursive: true, force: true }),
    () => fs.rmSync(content, { recursive: true, force: true }),
  );
  return { ...t, content };
}
const edit = (root: string, file: string, fn: (s: string) => string) =>
  fs.writeFileSync(path.join(root, file), fn(fs.readFileSync(path.join(root, file), "utf8")));
const problemsOf = (result: ReturnType<typeof importContent>) => (result.ok ? [] : result.problems.map(String));

describe("content import into a real SQLite file", () => {
  it("imports every kind of item with its translations, terms, partners and sources", () => {
    const { db, content } = setup();
    const result = importContent(db, content);
    expect(problemsOf(result)).toEqual([]);
    const q = (sql: string) => db.$client.prepare(sql).all();
    expect(q("SELECT slug, hr_city_since FROM cities")).toEqual([{ slug: "testville", hr_city_since: '["2010","2012"]' }]);
    expect(q("SELECT hr_city_since_certainty, hr_city_since_claims, hr_city_basis, hr_city_basis_certainty FROM cities")).toEqual([
      {
        hr_city_since_certainty: "disputed",
        hr_city_since_claims: JSON.stringify([
          { date: "2010", sources: [{ title: "Fixture source", url: "https://example.org/city" }] },
          { date: "2012", sources: [{ title: "Fixture source for 2012", url: "https://example.org/city-2012" }] },
        ]),
        hr_city_basis: "declaration",
        hr_city_basis_certainty: "confirmed",
      },
    ]);
    expect(q("SELECT lang, title FROM practice_translations ORDER BY lang")).toEqual([
      { lang: "en", title: "Shelter for everyone" },
      { lang: "nl", title: "Opvang voor iedereen" },
    ]);
    expect(q("SELECT count(*) n FROM practice_terms")).toEqual([{ n: 5 }]);
    expect(q("SELECT name, role, formality FROM practice_partners")).toEqual([{ name: "Fixture NGO", role: "civil-society", formality: "agreement" }]);
    expect(q("SELECT count(*) n FROM sources")).toEqual([{ n: 3 }]);
    expect(q("SELECT slug, position FROM toolkit_chapters ORDER BY position")).toEqual([
      { slug: "first", position: 1 },
      { slug: "second", position: 2 },
    ]);
    expect(q("SELECT count(*) n FROM chapter_practices")).toEqual([{ n: 1 }]);
    expect(q("SELECT count(*) n FROM taxonomy_labels")).toEqual([{ n: 7 * 5 }]);
  });

  it("stores sanitised HTML: raw HTML in Markdown never reaches the database", () => {
    const { db, content } = setup();
    importContent(db, content);
    const { body_html } = db.$client.prepare("SELECT body_html FROM practice_translations WHERE lang = 'en'").get() as { body_html: string };
    expect(body_html).toContain("<h2>Context</h2>");
    expect(body_html).not.toContain("<script");
  });

  it("is idempotent: a second run changes nothing and reports every item unchanged", () => {
    const { db, content } = setup();
    importContent(db, content);
    const before = dumpDb(db);
    const second = importContent(db, content);
    expect(second.ok && second.stats).toMatchObject({ practices: { created: 0, updated: 0, unchanged: 1 }, toolkits: { unchanged: 1 } });
    expect(dumpDb(db)).toEqual(before);
  });

  it("updates a changed item in place, keeping its id", () => {
    const { db, content } = setup();
    importContent(db, content);
    const id = (db.$client.prepare("SELECT id FROM practices").get() as { id: number }).id;
    edit(content, "practices/testville-shelter.md", (s) => s.replace("title: Shelter for everyone", "title: Shelter for all"));
    const result = importContent(db, content);
    expect(result.ok && result.stats?.practices).toMatchObject({ updated: 1 });
    expect(db.$client.prepare("SELECT p.id, t.title FROM practices p JOIN practice_translations t ON t.practice_id = p.id AND t.lang = 'en'").get()).toEqual({
      id,
      title: "Shelter for all",
    });
  });

  it("removes items whose file is gone, but never rows created in the app", () => {
    const { db, content } = setup();
    importContent(db, content);
    const cityId = (db.$client.prepare("SELECT id FROM cities").get() as { id: number }).id;
    db.$client
      .prepare(
        "INSERT INTO practices (slug, city_id, original_language, status, origin, co_cities, featured, created_at, updated_at) VALUES ('contributed', ?, 'en', 'draft', 'app', '{}', 0, 0, 0)",
      )
      .run(cityId);
    fs.rmSync(path.join(content, "practices/testville-shelter.md"));
    fs.rmSync(path.join(content, "practices/testville-shelter.nl.md"));
    edit(content, "toolkits/kit/01-first.md", (s) => s.replace("practices: [testville-shelter]\n", ""));
    const result = importContent(db, content);
    expect(problemsOf(result)).toEqual([]);
    expect(db.$client.prepare("SELECT slug, origin FROM practices").all()).toEqual([{ slug: "contributed", origin: "app" }]);
  });

  it("stores synonyms.yaml in SQLite and queues one search outbox row only when the groups change", () => {
    const { db, content } = setup();
    const synonyms = path.join(content, "taxonomies/synonyms.yaml");
    const stored = () =>
      (db.$client.prepare("SELECT position, words FROM search_synonyms ORDER BY position").all() as { position: number; words: string }[]).map((r) => [
        r.position,
        JSON.parse(r.words),
      ]);
    const queued = () => (db.$client.prepare("SELECT count(*) n FROM search_outbox WHERE entity = 'settings:synonyms'").get() as { n: number }).n;
    importContent(db, content);
    expect([stored(), queued()]).toEqual([[], 0]); // no file, no synonyms, nothing queued

    fs.writeFileSync(synonyms, "# comment\n- [Shelter, opvang ]\n- [housing, wonen, 주거]\n");
    let result = importContent(db, content);
    expect(result.ok && result.stats?.synonyms).toEqual({ created: 2, updated: 0, unchanged: 0, deleted: 0 });
    expect(stored()).toEqual([
      [0, ["shelter", "opvang"]],
      [1, ["housing", "wonen", "주거"]],
    ]); // trimmed and lowercased
    expect(queued()).toBe(1);

    const before = dumpDb(db);
    result = importContent(db, content);
    expect(result.ok && result.stats?.synonyms).toEqual({ created: 0, updated: 0, unchanged: 2, deleted: 0 });
    expect(dumpDb(db)).toEqual(before);

    fs.writeFileSync(synonyms, "- [shelter, opvang, unterkunft]\n");
    result = importContent(db, content);
    expect(result.ok && result.stats?.synonyms).toEqual({ created: 0, updated: 1, unchanged: 0, deleted: 1 });
    expect(stored()).toEqual([[0, ["shelter", "opvang", "unterkunft"]]]);
    expect(queued()).toBe(2);

    fs.rmSync(synonyms);
    result = importContent(db, content);
    expect(result.ok && result.stats?.synonyms).toEqual({ created: 0, updated: 0, unchanged: 0, deleted: 1 });
    expect([stored(), queued()]).toEqual([[], 3]);
  });

  describe("rejects broken content, names file, line and field, and leaves the database exactly as it was", () => {
    const cases: [string, (root: string) => void, string[]][] = [
      [
        "an unknown city",
        (r) => edit(r, "practices/testville-shelter.md", (s) => s.replace("city: testville", "city: atlantis")),
        ["practices/testville-shelter.md:2 city: unknown city"],
      ],
      [
        "an unknown theme",
        (r) => edit(r, "practices/testville-shelter.md", (s) => s.replace("migration-refugees]", "space-travel]")),
        ['practices/testville-shelter.md:6 themes.1: unknown theme "space-travel"'],
      ],
      ["a missing required field", (r) => edit(r, "cities/testville.md", (s) => s.replace("country: NL\n", "")), ["cities/testville.md:2 country: Required"]],
      [
        "a wrong enum value",
        (r) => edit(r, "practices/testville-shelter.md", (s) => s.replace("role: civil-society", "role: wizard")),
        ["practices/testville-shelter.md:13 partners.0.role: Invalid enum value"],
      ],
      [
        "a misspelt field",
        (r) => edit(r, "practices/testville-shelter.md", (s) => s.replace("ongoing: true", "ongoin: true")),
        ["practices/testville-shelter.md:11 ongoin: unknown field"],
      ],
      [
        "invalid YAML",
        (r) => edit(r, "questions/how-to-start.md", (s) => s.replace("title: How do we start?", "title: [unclosed")),
        ["questions/how-to-start.md:"],
      ],
      [
        "a chapter linking a missing practice",
        (r) => edit(r, "toolkits/kit/01-first.md", (s) => s.replace("[testville-shelter]", "[no-such-practice]")),
        ['toolkits/kit/01-first.md:4 practices.0: unknown practice "no-such-practice"'],
      ],
      [
        "an answer from an unknown city",
        (r) => fs.cpSync(path.join(r, "answers/how-to-start/testville.md"), path.join(r, "answers/how-to-start/gotham.md")),
        ['answers/how-to-start/gotham.md:1 (file name): "gotham" is not a city'],
      ],
      [
        "an orphan translation",
        (r) => fs.writeFileSync(path.join(r, "practices/ghost.de.md"), "---\ntitle: Geist\nsummary: x\n---\nText\n"),
        ['practices/ghost.de.md:1 (file name): translation of "ghost"'],
      ],
      [
        "a translation with the wrong number of outcomes",
        (r) => edit(r, "practices/testville-shelter.nl.md", (s) => s.replace("  - Eén resultaat.\n", "  - Eén.\n  - Twee.\n")),
        ["practices/testville-shelter.nl.md:4 outcomes: has 2 items but the original has 1"],
      ],
      [
        "a body with a shape that takes long to render",
        (r) => edit(r, "practices/testville-shelter.md", (s) => `${s}\n${"a\n=\n".repeat(300)}`),
        ['practices/testville-shelter.md:1 (body): the Markdown body is over the limit "underlines"'],
      ],
      [
        "a bare list of disputed dates, without their sources",
        (r) => edit(r, "cities/testville.md", (s) => s.replace(/ {2}since:\n( {4}.*\n)+/, '  since: ["2010", "2012"]\n')),
        ["cities/testville.md:9 human_rights_city.since: a bare list of dates is not accepted"],
      ],
      [
        "a disputed date without a source",
        (r) =>
          edit(r, "cities/testville.md", (s) =>
            s.replace('sources: [{ title: Fixture source for 2012, url: "https://example.org/city-2012" }]', "sources: []"),
          ),
        ["human_rights_city.since.claims.1.sources: a claim needs at least one source"],
      ],
      [
        "a certainty that does not fit the claims",
        (r) => edit(r, "cities/testville.md", (s) => s.replace("certainty: disputed", "certainty: confirmed")),
        ["cities/testville.md:10 human_rights_city.since.certainty: confirmed means exactly one value"],
      ],
      [
        "an unknown basis that names one",
        (r) => edit(r, "cities/testville.md", (s) => s.replace("certainty: confirmed", "certainty: unknown")),
        ["human_rights_city.basis.certainty: unknown means no claims"],
      ],
      [
        "a label missing in one UI language",
        (r) => edit(r, "taxonomies/regions.yaml", (s) => s.replace(", ko: 서유럽", "")),
        ["taxonomies/regions.yaml:2 0.label.ko: Required"],
      ],
      [
        "a synonym group of one word",
        (r) => fs.writeFileSync(path.join(r, "taxonomies/synonyms.yaml"), "- [shelter, opvang]\n- [alone]\n"),
        ["taxonomies/synonyms.yaml:2 1: a group needs at least two words"],
      ],
    ];
    it.each(cases)("%s", (_name, breakIt, expected) => {
      const { db, content } = setup();
      importContent(db, content);
      const before = dumpDb(db);
      edit(content, "practices/testville-shelter.md", (s) => s.replace("title: Shelter for everyone", "title: Changed meanwhile"));
      breakIt(content);
      const result = importContent(db, content);
      expect(result.ok).toBe(false);
      const problems = problemsOf(result);
      for (const e of expected)
        expect(
          problems.some((p) => p.includes(e)),
          `${e}\n in\n${problems.join("\n")}`,
        ).toBe(true);
      // The valid change to the title was not written either: all or nothing.
      expect(dumpDb(db)).toEqual(before);
    });
  });

  it("the CLI prints file:line field: message for every problem and exits non-zero", () => {
    const { file, content } = setup();
    edit(content, "practices/testville-shelter.md", (s) => s.replace("city: testville", "city: atlantis").replace("sdgs: [11]", "sdgs: [99]"));
    let stderr = "";
    let status = 0;
    try {
      execFileSync("npx", ["tsx", "scripts/content-import.ts", "--dir", content], { env: { ...process.env, DATABASE_PATH: file }, stdio: "pipe" });
    } catch (error) {
      const e = error as { status: number; stderr: Buffer };
      status = e.status;
      stderr = e.stderr.toString();
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/practices\/testville-shelter\.md:2 city: unknown city "atlantis"/);
    expect(stderr).toMatch(/practices\/testville-shelter\.md:\d+ sdgs\.0: /);
    expect(stderr).toMatch(/the database was not changed/);
  });
});
