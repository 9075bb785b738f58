import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod";
import type { SessionUser } from "#app/auth/session.server.ts";
import { claimsProblem } from "#app/domain/hr-city.ts";
import { createUserWithPassword } from "#app/auth/accounts.server.ts";
import { buildDocument, entityKey } from "#app/search/documents.server.ts";
import { makeCity, saveEdit } from "#app/testing/editorial-fixtures.ts";
import { createTestDb } from "#app/testing/test-db.ts";
import type { DB } from "#db/client.ts";
import { cityFromForm, citySchema, cityToForm, type CityForm } from "#app/content-types/city.ts";
import type { CitySnapshot, Snapshot } from "#app/content-types/snapshot-types.ts";
import { currentSnapshot, readCity } from "./snapshots.server.ts";

// "Since" and "how" of a human rights city as the sources say it (ADR 003, addendum): confirmed,
// disputed with each value's sources, or unknown; in the editor's plain form and in the tables.

const TEXT = { name: "Testville", summary: "A summary.", body: "A body.", hrCityStatus: "declared" };
const parse = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...TEXT, ...fields })) form.append(k, v);
  return parseWithZod(form, { schema: citySchema });
};
const errorsOf = (fields: Record<string, string>) => {
  const r = parse(fields);
  return r.status === "success" ? {} : r.reply().error;
};

describe("the certainty rules", () => {
  it("confirmed is one value, disputed two or more each with a source, unknown none", () => {
    expect(claimsProblem("confirmed", [{ value: "2001", sources: 0 }])).toBeNull();
    expect(
      claimsProblem("confirmed", [
        { value: "2001", sources: 1 },
        { value: "2002", sources: 1 },
      ]),
    ).toBe("certainty_one");
    expect(claimsProblem("confirmed", [])).toBe("certainty_one");
    expect(
      claimsProblem("disputed", [
        { value: "2010", sources: 1 },
        { value: "2012", sources: 2 },
      ]),
    ).toBeNull();
    expect(
      claimsProblem("disputed", [
        { value: "2010", sources: 1 },
        { value: "2012", sources: 0 },
      ]),
    ).toBe("certainty_two");
    expect(claimsProblem("disputed", [{ value: "2010", sources: 1 }])).toBe("certainty_two");
    expect(claimsProblem("unknown", [])).toBeNull();
    expect(claimsProblem("unknown", [{ value: "2010", sources: 1 }])).toBe("certainty_none");
  });
});

describe("the city form (plain rows, no JavaScript needed)", () => {
  it("reads disputed dates, one source per row, and merges rows of the same date", () => {
    const r = parse({
      hrCitySinceCertainty: "disputed",
      "hrCitySinceClaims[0].date": "2010",
      "hrCitySinceClaims[0].title": "Source A",
      "hrCitySinceClaims[0].url": "https://example.org/a",
      "hrCitySinceClaims[1].date": "2012-10-02",
      "hrCitySinceClaims[1].title": "Source B",
      "hrCitySinceClaims[1].url": "https://example.org/b",
      "hrCitySinceClaims[2].date": "2010",
      "hrCitySinceClaims[2].title": "Source C",
      "hrCitySinceClaims[2].url": "https://example.org/c",
      "hrCitySinceClaims[3].date": "",
      hrCityBasisCertainty: "unknown",
    });
    expect(r.status).toBe("success");
    const snap = cityFromForm((r as { value: CityForm }).value, base());
    expect(snap.hrCitySinceCertainty).toBe("disputed");
    expect(snap.hrCitySinceClaims).toEqual([
      {
        date: "2010",
        sources: [
          { title: "Source A", url: "https://example.org/a" },
          { title: "Source C", url: "https://example.org/c" },
        ],
      },
      { date: "2012-10-02", sources: [{ title: "Source B", url: "https://example.org/b" }] },
    ]);
    expect(snap).toMatchObject({ hrCityBasisCertainty: "unknown", hrCityBasisClaims: [] });
  });

  it("a confirmed basis is the chosen value, its rows add sources", () => {
    const r = parse({
      hrCityBasisCertainty: "confirmed",
      hrCityBasis: "mayor-declaration",
      "hrCityBasisClaims[0].title": "Source",
      "hrCityBasisClaims[0].url": "https://example.org/s",
    });
    expect(r.status).toBe("success");
    expect(cityFromForm((r as { value: CityForm }).value, base()).hrCityBasisClaims).toEqual([
      { basis: "mayor-declaration", sources: [{ title: "Source", url: "https://example.org/s" }] },
    ]);
  });

  it("a form from before certainties (only hrCityBasis) still saves: a confirmed basis, an unknown start", () => {
    const r = parse({ hrCityBasis: "declaration" });
    expect(r.status).toBe("success");
    expect(cityFromForm((r as { value: CityForm }).value, base())).toMatchObject({
      hrCitySinceCertainty: "unknown",
      hrCitySinceClaims: [],
      hrCityBasisCertainty: "confirmed",
      hrCityBasisClaims: [{ basis: "declaration", sources: [] }],
    });
  });

  it.each([
    [
      "disputed dates without a source",
      {
        hrCitySinceCertainty: "disputed",
        "hrCitySinceClaims[0].date": "2010",
        "hrCitySinceClaims[0].title": "A",
        "hrCitySinceClaims[0].url": "https://example.org/a",
        "hrCitySinceClaims[1].date": "2012",
        hrCityBasis: "charter",
      },
      { hrCitySinceCertainty: ["certainty_two"] },
    ],
    [
      "a confirmed start with two dates",
      { hrCitySinceCertainty: "confirmed", "hrCitySinceClaims[0].date": "2010", "hrCitySinceClaims[1].date": "2012", hrCityBasis: "charter" },
      { hrCitySinceCertainty: ["certainty_one"] },
    ],
    [
      "an unknown start with a date",
      { hrCitySinceCertainty: "unknown", "hrCitySinceClaims[0].date": "2010", hrCityBasis: "charter" },
      { hrCitySinceCertainty: ["certainty_none"] },
    ],
    ["a confirmed basis without a value", { hrCityBasisCertainty: "confirmed" }, { hrCityBasisCertainty: ["certainty_one"] }],
    [
      "a confirmed basis with a row naming another",
      { hrCityBasis: "charter", "hrCityBasisClaims[0].basis": "ordinance" },
      { hrCityBasisCertainty: ["certainty_one"] },
    ],
    [
      "a disputed basis with one candidate",
      {
        hrCityBasisCertainty: "disputed",
        "hrCityBasisClaims[0].basis": "ordinance",
        "hrCityBasisClaims[0].title": "A",
        "hrCityBasisClaims[0].url": "https://example.org/a",
      },
      { hrCityBasisCertainty: ["certainty_two"] },
    ],
    [
      "an unknown basis with rows",
      { hrCityBasisCertainty: "unknown", "hrCityBasisClaims[0].title": "A", "hrCityBasisClaims[0].url": "https://example.org/a" },
      { hrCityBasisCertainty: ["certainty_none"] },
    ],
    ["half a source", { hrCityBasis: "charter", "hrCityBasisClaims[0].title": "A title without an address" }, { "hrCityBasisClaims[0].url": ["required"] }],
    ["a certainty that does not exist", { hrCityBasis: "charter", hrCitySinceCertainty: "probably" }, { hrCitySinceCertainty: ["unknown_value"] }],
  ])("refuses %s, next to the field", (_name, fields, expected) => {
    expect(errorsOf(fields)).toMatchObject(expected);
  });

  it("shows a stored city as rows and reads them back unchanged", () => {
    const snap: CitySnapshot = {
      ...base(),
      hrCitySinceCertainty: "disputed",
      hrCitySinceClaims: [
        {
          date: "2010",
          sources: [
            { title: "A", url: "https://example.org/a" },
            { title: "B", url: "https://example.org/b" },
          ],
        },
        { date: "2013", sources: [{ title: "C", url: "https://example.org/c" }] },
      ],
      hrCityBasisCertainty: "disputed",
      hrCityBasisClaims: [
        { basis: "ordinance", sources: [{ title: "A", url: "https://example.org/a" }] },
        { basis: "charter", sources: [{ title: "C", url: "https://example.org/c" }] },
      ],
    };
    const form = cityToForm(snap);
    expect(form.hrCitySinceClaims).toHaveLength(3);
    expect(form.hrCityBasis).toBe("");
    const data = new FormData();
    const flat = (prefix: string, rows: Record<string, string>[]) =>
      rows.forEach((row, i) => Object.entries(row).forEach(([k, v]) => data.append(`${prefix}[${i}].${k}`, v)));
    for (const [k, v] of Object.entries({
      ...TEXT,
      hrCitySinceCertainty: form.hrCitySinceCertainty,
      hrCityBasisCertainty: form.hrCityBasisCertainty,
      hrCityBasis: form.hrCityBasis,
    }))
      data.append(k, v);
    flat("hrCitySinceClaims", form.hrCitySinceClaims);
    flat("hrCityBasisClaims", form.hrCityBasisClaims);
    const r = parseWithZod(data, { schema: citySchema });
    expect(r.status).toBe("success");
    const back = cityFromForm((r as { value: CityForm }).value, snap);
    expect(back.hrCitySinceClaims).toEqual(snap.hrCitySinceClaims);
    expect(back.hrCityBasisClaims).toEqual(snap.hrCityBasisClaims);
  });
});

describe("stored claims", () => {
  let t: ReturnType<typeof createTestDb>;
  let db: DB;
  let curator: SessionUser;
  beforeEach(async () => {
    t = createTestDb();
    db = t.db;
    const id = await createUserWithPassword(db, {
      email: "curator@example.org",
      displayName: "c",
      role: "curator",
      cityIds: [],
      password: "tram-lantern-orchard-29",
    });
    curator = { id, email: "curator@example.org", displayName: "c", role: "curator", cityIds: [] };
  });
  afterEach(() => t.close());

  it("derives the plain columns, never shows a candidate as the basis, and gives search no disputed year", () => {
    const city = makeCity(db);
    const snap = readCity(db, city.id)!;
    expect(snap).toMatchObject({
      hrCitySinceCertainty: "unknown",
      hrCityBasisCertainty: "confirmed",
      hrCityBasisClaims: [{ basis: "declaration", sources: [] }],
    });
    saveEdit(
      db,
      curator,
      { type: "city", id: city.id },
      {
        ...snap,
        hrCitySinceCertainty: "disputed",
        hrCitySinceClaims: [
          { date: "2012", sources: [{ title: "A", url: "https://example.org/a" }] },
          { date: "2010", sources: [{ title: "B", url: "https://example.org/b" }] },
        ],
        hrCityBasisCertainty: "disputed",
        hrCityBasisClaims: [
          { basis: "ordinance", sources: [{ title: "A", url: "https://example.org/a" }] },
          { basis: "charter", sources: [{ title: "B", url: "https://example.org/b" }] },
        ],
      },
    );
    const row = db.$client
      .prepare("SELECT hr_city_since, hr_city_since_certainty, hr_city_basis, hr_city_basis_certainty FROM cities WHERE id = ?")
      .get(city.id);
    expect(row).toEqual({
      hr_city_since: '["2012","2010"]',
      hr_city_since_certainty: "disputed",
      hr_city_basis: "unknown",
      hr_city_basis_certainty: "disputed",
    });
    expect(readCity(db, city.id)!.hrCityBasisClaims.map((c) => c.basis)).toEqual(["ordinance", "charter"]);
    expect(buildDocument(db, entityKey("city", city.id))!.year).toBeNull();
    saveEdit(
      db,
      curator,
      { type: "city", id: city.id },
      { ...readCity(db, city.id)!, hrCitySinceCertainty: "confirmed", hrCitySinceClaims: [{ date: "2001-02-08", sources: [] }] },
    );
    expect(buildDocument(db, entityKey("city", city.id))!.year).toBe(2001);
  });

  it("brings a revision saved before certainties existed to the current shape", () => {
    const legacy = { ...base(), hrCitySince: ["2010", "2012"], hrCityBasis: "charter" } as Record<string, unknown>;
    for (const k of ["hrCitySinceCertainty", "hrCitySinceClaims", "hrCityBasisCertainty", "hrCityBasisClaims"]) delete legacy[k];
    expect(currentSnapshot("city", legacy as unknown as Snapshot)).toMatchObject({
      hrCitySinceCertainty: "disputed",
      hrCitySinceClaims: [
        { date: "2010", sources: [] },
        { date: "2012", sources: [] },
      ],
      hrCityBasisCertainty: "confirmed",
      hrCityBasisClaims: [{ basis: "charter", sources: [] }],
    });
    expect(currentSnapshot("city", legacy as unknown as Snapshot)).not.toHaveProperty("hrCitySince");
  });
});

function base(): CitySnapshot {
  return {
    originalLanguage: "en",
    country: "NL",
    population: null,
    populationYear: null,
    populationSource: null,
    hrCityStatus: "declared",
    hrCitySinceCertainty: "unknown",
    hrCitySinceClaims: [],
    hrCityBasisCertainty: "unknown",
    hrCityBasisClaims: [],
    website: null,
    facts: [],
    sources: [],
    translations: { en: { name: "Testville", summary: "A summary.", bodyMd: "A body." } },
  };
}
