import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "#app/testing/test-db.ts";
import { importContent } from "./import-content.server.ts";

// The curated content in toolkit-content/ is part of the product: these are its acceptance checks.
const t = createTestDb();
const q = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => t.db.$client.prepare(sql).all(...params) as T[];
const one = <T = number>(sql: string, ...params: unknown[]) => Object.values(t.db.$client.prepare(sql).get(...params) as object)[0] as T;

beforeAll(() => {
  const result = importContent(t.db, "toolkit-content");
  if (!result.ok) throw new Error(result.problems.map(String).join("\n"));
});
afterAll(() => {
  t.close();
  fs.rmSync(t.dir, { recursive: true, force: true });
});

const REQUIRED_CITIES = ["utrecht", "graz", "gwangju", "barcelona", "vienna", "nuremberg", "middelburg", "york", "lund", "gothenburg"];

describe("toolkit-content", () => {
  it("profiles at least the ten required cities, each with sources", () => {
    const slugs = q<{ slug: string }>("SELECT slug FROM cities WHERE status = 'published'").map((r) => r.slug);
    expect(slugs).toEqual(expect.arrayContaining(REQUIRED_CITIES));
    expect(q("SELECT slug FROM cities c WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.city_id = c.id)")).toEqual([]);
  });

  it("does not present Gothenburg as a declared human rights city", () => {
    expect(q("SELECT hr_city_status, hr_city_basis FROM cities WHERE slug = 'gothenburg'")).toEqual([
      { hr_city_status: "no-formal-declaration", hr_city_basis: "none" },
    ]);
  });

  it("claims no more than the sources say about how and since when a city became a human rights city", () => {
    const rows = q<{ slug: string; since: string; sc: string; basis: string; bc: string; claims: string }>(
      "SELECT slug, hr_city_since since, hr_city_since_certainty sc, hr_city_basis basis, hr_city_basis_certainty bc, hr_city_since_claims claims FROM cities",
    );
    const city = (slug: string) => rows.find((r) => r.slug === slug)!;
    // No council act was found for Utrecht or Nuremberg, and Barcelona had no single founding act.
    for (const slug of ["utrecht", "nuremberg", "barcelona"]) expect(city(slug)).toMatchObject({ basis: "unknown", bc: "unknown" });
    expect(city("utrecht")).toMatchObject({ sc: "disputed", since: '["2010","2012-10-02","2013"]' });
    for (const slug of ["nuremberg", "barcelona"]) expect(city(slug)).toMatchObject({ sc: "unknown", since: "[]" });
    // York's declaration was signed by the Lord Mayor after a civil-society campaign, not adopted by the council.
    expect(city("york")).toMatchObject({ basis: "mayor-declaration", bc: "confirmed", sc: "confirmed", since: '["2017"]' });
    // Gwangju's disputed ordinance date is not a start year: it became a human rights city step by step.
    expect(city("gwangju")).toMatchObject({ sc: "unknown", since: "[]", basis: "ordinance" });
    // Every date a profile gives comes with the sources that give it.
    for (const r of rows.filter((x) => x.sc !== "unknown")) {
      const claims = JSON.parse(r.claims) as { date: string; sources: unknown[] }[];
      expect(
        claims.map((c) => c.date),
        r.slug,
      ).toEqual(JSON.parse(r.since));
      for (const c of claims) expect(c.sources.length, `${r.slug} ${c.date}`).toBeGreaterThan(0);
    }
  });

  it("has at least 30 published practices, at least 8 of them from Utrecht, each with sources and a theme", () => {
    expect(one("SELECT count(*) FROM practices WHERE status = 'published'")).toBeGreaterThanOrEqual(30);
    expect(
      one("SELECT count(*) FROM practices p JOIN cities c ON c.id = p.city_id WHERE c.slug = 'utrecht' AND p.status = 'published'"),
    ).toBeGreaterThanOrEqual(8);
    expect(q("SELECT slug FROM practices p WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.practice_id = p.id)")).toEqual([]);
    expect(
      q(
        "SELECT slug FROM practices p WHERE NOT EXISTS (SELECT 1 FROM practice_terms pt JOIN taxonomy_terms t ON t.id = pt.term_id WHERE pt.practice_id = p.id AND t.vocabulary = 'theme')",
      ),
    ).toEqual([]);
  });

  it("asks at least one question of every question type", () => {
    expect(
      q(
        "SELECT t.slug FROM taxonomy_terms t WHERE t.vocabulary = 'question_type' AND NOT EXISTS (SELECT 1 FROM questions q WHERE q.question_type_id = t.id AND q.status = 'published')",
      ),
    ).toEqual([]);
  });

  it("answers at least 12 questions from at least 3 cities each, every answer sourced", () => {
    const rich = q("SELECT question_id FROM answers WHERE status = 'published' GROUP BY question_id HAVING count(DISTINCT city_id) >= 3");
    expect(rich.length).toBeGreaterThanOrEqual(12);
    expect(q("SELECT id FROM answers a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.answer_id = a.id)")).toEqual([]);
  });

  it("has both toolkits, each with several chapters", () => {
    const kits = q<{ slug: string; n: number }>("SELECT t.slug, count(c.id) n FROM toolkits t JOIN toolkit_chapters c ON c.toolkit_id = t.id GROUP BY t.id");
    expect(kits.map((k) => k.slug)).toEqual(expect.arrayContaining(["becoming-a-human-rights-city", "building-a-local-human-rights-coalition"]));
    for (const k of kits) expect(k.n).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ["utrecht", "nl"],
    ["graz", "de"],
    ["vienna", "de"],
    ["gwangju", "ko"],
  ])("translates every %s item (city and practices) into %s", (city, lang) => {
    expect(one("SELECT count(*) FROM city_translations ct JOIN cities c ON c.id = ct.city_id WHERE c.slug = ? AND ct.lang = ?", city, lang)).toBe(1);
    const untranslated = q(
      "SELECT p.slug FROM practices p JOIN cities c ON c.id = p.city_id WHERE c.slug = ? AND NOT EXISTS (SELECT 1 FROM practice_translations t WHERE t.practice_id = p.id AND t.lang = ?)",
      city,
      lang,
    );
    expect(untranslated).toEqual([]);
  });

  it.each(["nl", "de", "ko"])("translates both toolkits, index and every chapter, into %s", (lang) => {
    expect(q("SELECT slug FROM toolkits t WHERE NOT EXISTS (SELECT 1 FROM toolkit_translations x WHERE x.toolkit_id = t.id AND x.lang = ?)", lang)).toEqual([]);
    expect(
      q("SELECT slug FROM toolkit_chapters c WHERE NOT EXISTS (SELECT 1 FROM chapter_translations x WHERE x.chapter_id = c.id AND x.lang = ?)", lang),
    ).toEqual([]);
  });

  it("leaves some items untranslated in Spanish, so the language fallback is visible", () => {
    expect(
      one("SELECT count(*) FROM practices p WHERE NOT EXISTS (SELECT 1 FROM practice_translations t WHERE t.practice_id = p.id AND t.lang = 'es')"),
    ).toBeGreaterThan(0);
  });

  it("links toolkit chapters to real practices and questions", () => {
    expect(one("SELECT count(*) FROM chapter_practices")).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM chapter_questions")).toBeGreaterThan(0);
  });
});
