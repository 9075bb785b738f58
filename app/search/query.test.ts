import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, parseSearchParams, searchHref, toggleFilter } from "./query.ts";

const known = { theme: new Set(["housing-homelessness", "migration-refugees"]), city: new Set(["utrecht"]), type: new Set(["practice"]) };
const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs), known);

describe("parseSearchParams", () => {
  it("keeps known facet values (repeated or comma-separated) and the query", () => {
    const { params, notices } = parse("q=refugee&theme=housing-homelessness,migration-refugees&city=utrecht&page=2&sort=date");
    expect(params).toEqual({ q: "refugee", page: 2, sort: "date", filters: { theme: ["housing-homelessness", "migration-refugees"], city: ["utrecht"] } });
    expect(notices).toEqual([]);
  });

  it.each(['housing-homelessness" OR type = "city', "housing-homelessness) OR (city = utrecht", "space-travel", "__proto__", "HOUSING"])(
    "drops an unknown or malformed value with a notice: %s",
    (value) => {
      const { params, notices } = parse(`theme=${encodeURIComponent(value)}`);
      expect(params.filters).toEqual({});
      expect(notices).toEqual([{ kind: "unknownFilter", facet: "theme", value: value.slice(0, 40) }]);
    },
  );

  it("cuts an overlong query and says so", () => {
    const { params, notices } = parse(`q=${"ab ".repeat(200)}`);
    expect([...params.q].length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(notices).toContainEqual({ kind: "queryTruncated", max: MAX_QUERY_LENGTH });
  });

  it("removes control and bidi characters, clamps the page", () => {
    const { params } = parse(`q=${encodeURIComponent("a\u0000b\u202ec")}&page=99999`);
    expect(params.q).toBe("a b c");
    expect(params.page).toBe(100);
    expect(parse("page=-3").params.page).toBe(1);
  });

  it("builds hrefs that reset the page and toggle filters", () => {
    const { params } = parse("q=x&theme=housing-homelessness&page=3");
    expect(searchHref("/en/search", params, { filters: toggleFilter(params.filters, "theme", "housing-homelessness") })).toBe("/en/search?q=x");
    expect(searchHref("/en/search", params, { page: 4 })).toBe("/en/search?q=x&theme=housing-homelessness&page=4");
  });
});
