import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

/** The real server entry point with these settings; it must stop before opening anything. */
function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: "/nonexistent/never-opened.db", SEARCH_DISABLED: "1", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("server start-up with bad settings", () => {
  it("stops at once with exit code 1, naming each bad variable", () => {
    const run = start({ PORT: "abc", WRITE_RATE_LIMIT: "lots" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PORT: expected a whole number 1–65535, got "abc"');
    expect(run.stderr).toContain('WRITE_RATE_LIMIT: expected a whole number of at least 1, got "lots"');
    expect(run.stdout).not.toContain("Rights Cities Exchange on");
  });

  it("refuses a PUBLIC_URL that is not an origin, as before", () => {
    const run = start({ PUBLIC_URL: "https://exchange.example.org/app" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'PUBLIC_URL: expected an http(s) origin without a path, e.g. https://exchange.example.org, got "https://exchange.example.org/app"',
    );
  });
});
