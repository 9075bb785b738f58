import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importContent } from "#app/content/import-content.server.ts";
import { createTestDb } from "#app/testing/test-db.ts";

// The models read through getDb(), which opens DATABASE_PATH: point it at a fresh, imported file.
const t = createTestDb();
process.env.DATABASE_PATH = t.file;
const MINI = path.resolve("app/content/__fixtures__/mini");

const { getPractice, listPractices, practiceCountsByTerm } = await import("./practices.server.ts");
const { getQuestion, listQuestionsByType } = await import("./questions.server.ts");
const { getChapter, getToolkit } = await import("./toolkits.server.ts");
const { getCity, listCities } = await import("./cities.server.ts");
const { contentCounts } = await import("./health.server.ts");

beforeAll(() => {
  const result = importContent(t.db, MINI);
  if (!result.ok) throw new Error(result.problems.map(String).join("\n"));
});
afterAll(() => {
  t.close();
  fs.rmSync(t.dir, { recursive: true, force: true });
});

describe("models on a real SQLite file", () => {
  it("shows a practice in the reader's language when translated, else the original with a fallback flag", () => {
    expect(getPractice("testville-shelter", "nl")).toMatchObject({ title: "Opvang voor iedereen", language: { shown: "nl", isFallback: false } });
    expect(getPractice("testville-shelter", "ko")).toMatchObject({
      title: "Shelter for everyone",
      language: { shown: "en", original: "en", isFallback: true, available: ["en", "nl"] },
      city: { slug: "testville", name: "Testville" },
    });
  });

  it("gives labels of terms in the reader's language", () => {
    const p = getPractice("testville-shelter", "ko")!;
    expect(p.terms.themes.map((x) => x.label)).toEqual(["주거", "이주"]);
    expect(p.terms.sdgs.map((x) => x.label)).toEqual(["SDG 11"]);
    expect(p.partners).toEqual([{ name: "Fixture NGO", role: "civil-society", formality: "agreement", organisation: null }]);
  });

  it("filters practices by theme and city", () => {
    expect(listPractices("en", { theme: "housing-homelessness" }).map((p) => p.slug)).toEqual(["testville-shelter"]);
    expect(listPractices("en", { city: "testville" })).toHaveLength(1);
    expect(listPractices("en", { theme: "nonexistent" })).toEqual([]);
    expect(practiceCountsByTerm("theme").get("migration-refugees")).toBe(1);
  });

  it("puts answers side by side under their question, grouped by question type", () => {
    const q = getQuestion("how-to-start", "de")!;
    expect(q.type).toEqual({ slug: "getting-started", label: "Einstieg" });
    expect(q.answers.map((a) => a.city.slug)).toEqual(["testville"]);
    expect(q.answers[0]!.sources).toEqual([{ title: "Fixture source", url: "https://example.org/answer" }]);
    expect(listQuestionsByType("en").map((g) => [g.type.slug, g.questions.map((x) => x.answerCount)])).toEqual([["getting-started", [1]]]);
  });

  it("navigates toolkit chapters with previous and next", () => {
    expect(getToolkit("kit", "en")!.chapters.map((c) => c.slug)).toEqual(["first", "second"]);
    const first = getChapter("kit", "first", "en")!;
    expect(first.previous).toBeNull();
    expect(first.next).toMatchObject({ slug: "second", number: 2 });
    expect(first.practices.map((p) => p.slug)).toEqual(["testville-shelter"]);
    expect(first.cities).toEqual([{ slug: "testville", name: "Testville" }]);
    expect(getChapter("kit", "second", "en")!.previous).toMatchObject({ slug: "first" });
    expect(getChapter("kit", "nope", "en")).toBeNull();
  });

  it("shows disputed founding years as a list and city facts", () => {
    const city = getCity("testville", "nl")!;
    expect(city.name).toBe("Testdorp");
    expect(city.hrCity.since).toEqual(["2010", "2012"]);
    expect(city.institutions).toEqual([{ name: "Fixture office", since: "2015", url: null }]);
  });

  it("says how sure the sources are about since and how, and which source gives which value", () => {
    const { hrCity } = getCity("testville", "en")!;
    expect(hrCity.sinceCertainty).toBe("disputed");
    expect(hrCity.sinceClaims).toEqual([
      { date: "2010", sources: [{ title: "Fixture source", url: "https://example.org/city" }] },
      { date: "2012", sources: [{ title: "Fixture source for 2012", url: "https://example.org/city-2012" }] },
    ]);
    expect(hrCity).toMatchObject({
      basis: "declaration",
      basisCertainty: "confirmed",
      basisClaims: [{ basis: "declaration", sources: [{ url: "https://example.org/city" }] }],
    });
    expect(listCities("en")[0]).toMatchObject({ hrCitySince: ["2010", "2012"], hrCitySinceCertainty: "disputed" });
  });

  it("never shows drafts, items in review or archived items", () => {
    for (const status of ["draft", "in_review", "archived"]) {
      t.db.$client.prepare("UPDATE practices SET status = ?").run(status);
      expect(getPractice("testville-shelter", "en")).toBeNull();
      expect(listPractices("en")).toEqual([]);
      expect(contentCounts().practices).toBe(0);
    }
    t.db.$client.prepare("UPDATE practices SET status = 'published'").run();
    t.db.$client.prepare("UPDATE cities SET status = 'draft'").run();
    expect(listCities("en")).toEqual([]);
    expect(listPractices("en")).toEqual([]);
    expect(getQuestion("how-to-start", "en")!.answers).toEqual([]);
    t.db.$client.prepare("UPDATE cities SET status = 'published'").run();
  });
});
