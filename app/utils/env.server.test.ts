import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server.ts";

/** The problems parseEnv reports for an environment, or [] when it accepts it. */
function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return error.problems;
  }
}

describe("settings from the environment", () => {
  it("without any, every setting has README.md's default", () => {
    expect(parseEnv({})).toEqual({
      PORT: 3000,
      PUBLIC_URL: undefined,
      TRUST_PROXY: undefined,
      WRITE_RATE_LIMIT: 120,
      NODE_ENV: undefined,
      ALLOW_DEMO_ACCOUNTS: false,
      DATABASE_PATH: "data/app.db",
      CONTENT_DIR: "toolkit-content",
      MEILI_URL: undefined,
      MEILI_ADMIN_KEY: undefined,
      MEILI_SEARCH_KEY: undefined,
      MEILI_MASTER_KEY: undefined,
      MEILI_INDEX: "content",
      MEILI_PORT: 7700,
      MEILI_DATA_DIR: "data/meili",
      MEILI_BIN: undefined,
      MEILI_MAX_INDEXING_THREADS: 1,
      MEILI_LOG_LEVEL: "ERROR",
      SEARCH_TIMEOUT_MS: 1000,
      SEARCH_SYNC_INTERVAL_MS: 500,
      SEARCH_RECONCILE_MS: 600_000,
      SEARCH_DISABLED: false,
      PATH: "",
    });
  });

  it("an empty or blank variable counts as unset, as it always has", () => {
    expect(parseEnv({ PORT: "", PUBLIC_URL: "  ", SEARCH_DISABLED: "", MEILI_INDEX: "" })).toMatchObject({
      PORT: 3000,
      PUBLIC_URL: undefined,
      SEARCH_DISABLED: false,
      MEILI_INDEX: "content",
    });
  });

  it("reads numbers, switches, origins and proxy settings into their types", () => {
    const env = parseEnv({
      PORT: " 8080 ",
      PUBLIC_URL: "https://Exchange.Example.org/",
      TRUST_PROXY: "loopback, 10.0.0.0/8",
      WRITE_RATE_LIMIT: "1000000",
      NODE_ENV: "production",
      SEARCH_DISABLED: "1",
      ALLOW_DEMO_ACCOUNTS: "0",
      MEILI_URL: "https://search.example.org/meili",
      MEILI_LOG_LEVEL: "info",
      SEARCH_RECONCILE_MS: "86400000",
      UNRELATED: "ignored",
    });
    expect(env).toMatchObject({
      PORT: 8080,
      PUBLIC_URL: "https://exchange.example.org",
      TRUST_PROXY: "loopback, 10.0.0.0/8",
      WRITE_RATE_LIMIT: 1_000_000,
      NODE_ENV: "production",
      SEARCH_DISABLED: true,
      ALLOW_DEMO_ACCOUNTS: false,
      MEILI_URL: "https://search.example.org/meili",
      MEILI_LOG_LEVEL: "INFO",
      SEARCH_RECONCILE_MS: 86_400_000,
    });
    expect(env).not.toHaveProperty("UNRELATED");
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "127.0.0.1,::1,192.168.0.0/255.255.0.0,fd00::/8,uniquelocal" }).TRUST_PROXY).toBe(
      "127.0.0.1,::1,192.168.0.0/255.255.0.0,fd00::/8,uniquelocal",
    );
  });

  it("names the variable, what it expects and what it got", () => {
    expect(problems({ PORT: "abc" })).toEqual(['PORT: expected a whole number 1–65535, got "abc"']);
  });

  it.each([
    ["PORT", "0"],
    ["PORT", "65536"],
    ["PORT", "80.5"],
    ["PUBLIC_URL", "exchange.example.org"],
    ["PUBLIC_URL", "ftp://exchange.example.org"],
    ["PUBLIC_URL", "https://exchange.example.org/app"],
    ["PUBLIC_URL", "https://u:p@exchange.example.org"],
    ["PUBLIC_URL", "https://exchange.example.org/?x=1"],
    ["TRUST_PROXY", "true"],
    ["TRUST_PROXY", "loopback,proxy.example"],
    ["TRUST_PROXY", "10.0.0.0/33"],
    ["WRITE_RATE_LIMIT", "0"],
    ["WRITE_RATE_LIMIT", "-5"],
    ["WRITE_RATE_LIMIT", "lots"],
    ["NODE_ENV", "staging"],
    ["ALLOW_DEMO_ACCOUNTS", "yes"],
    ["MEILI_URL", "127.0.0.1:7700"],
    ["MEILI_URL", "ftp://search.example.org"],
    ["MEILI_INDEX", "my index"],
    ["MEILI_PORT", "seventy-seven"],
    ["MEILI_MAX_INDEXING_THREADS", "0"],
    ["MEILI_LOG_LEVEL", "LOUD"],
    ["SEARCH_TIMEOUT_MS", "1s"],
    ["SEARCH_SYNC_INTERVAL_MS", "0"],
    ["SEARCH_RECONCILE_MS", "9999999999"],
    ["SEARCH_DISABLED", "true"],
  ])("refuses %s=%s, naming it", (name, value) => {
    const found = problems({ [name]: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${name}: expected .+, got ${JSON.stringify(value).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`));
  });

  it("reports every bad variable at once, in one message", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "abc", SEARCH_DISABLED: "yes", MEILI_URL: "nowhere" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    for (const name of ["PORT", "SEARCH_DISABLED", "MEILI_URL"]) expect(message).toContain(`\n  ${name}: expected`);
  });
});
