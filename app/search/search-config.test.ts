import { afterEach, describe, expect, it } from "vitest";
import { parseEnv } from "#app/utils/env.server.ts";
import { searchConfig, searchConfigFromEnv, setSearchConfig } from "./search-config.server.ts";

afterEach(() => setSearchConfig(null));

describe("which search server the app queries", () => {
  it("the settings alone name one only with its URL and both keys", () => {
    expect(searchConfigFromEnv(parseEnv({}))).toBeNull();
    expect(searchConfigFromEnv(parseEnv({ MEILI_URL: "http://127.0.0.1:7700", MEILI_ADMIN_KEY: "a" }))).toBeNull();
    expect(searchConfigFromEnv(parseEnv({ MEILI_URL: "http://127.0.0.1:7700", MEILI_MASTER_KEY: "m" }))).toBeNull();
    expect(searchConfigFromEnv(parseEnv({ MEILI_URL: "http://127.0.0.1:7700", MEILI_ADMIN_KEY: "a", MEILI_SEARCH_KEY: "s" }))).toEqual({
      url: "http://127.0.0.1:7700",
      adminKey: "a",
      searchKey: "s",
      index: "content",
    });
  });

  it("what start-up found wins, and reaches every reader without touching process.env", () => {
    const before = { ...process.env };
    const found = { url: "http://127.0.0.1:7799", adminKey: "admin", searchKey: "search", index: "content" };
    setSearchConfig(found);
    expect(searchConfig()).toEqual(found);
    setSearchConfig(null);
    expect(searchConfig()).toBeNull();
    expect(process.env).toEqual(before);
  });
});
