import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, masterKeyFor, MeiliStartError, resolveMeiliBinary, startMeili, type ManagedMeili } from "./meili-process.server.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});
const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rce-meili-proc-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};

describe("the local Meilisearch process", () => {
  it("finds a binary: MEILI_BIN first, and says clearly when it does not exist", () => {
    expect(fs.existsSync(resolveMeiliBinary({ ...process.env, MEILI_BIN: undefined }))).toBe(true);
    expect(() => resolveMeiliBinary({ ...process.env, MEILI_BIN: "/nonexistent/meilisearch" })).toThrow(/MEILI_BIN=\/nonexistent\/meilisearch does not exist/);
  });

  it("generates a master key once per data folder, readable only by its owner", () => {
    const dir = tmp();
    const key = masterKeyFor(dir);
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(masterKeyFor(dir)).toBe(key);
    expect(fs.statSync(path.join(dir, "master-key")).mode & 0o077).toBe(0);
  });

  it("refuses a port in use with a clear message instead of hanging", async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, "127.0.0.1");
    cleanups.push(() => new Promise<void>((r) => blocker.close(() => r())));
    await new Promise((r) => blocker.once("listening", r));
    const started = performance.now();
    await expect(startMeili({ dataDir: tmp(), port })).rejects.toThrow(new RegExp(`port ${port} on 127.0.0.1 is already in use`));
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("explains a data folder locked by another running Meilisearch, quickly", async () => {
    const dir = tmp();
    const first: ManagedMeili = await startMeili({ dataDir: dir, port: await freePort() });
    cleanups.push(() => first.stop());
    const started = performance.now();
    const second = startMeili({ dataDir: dir, port: await freePort(), timeoutMs: 15_000 });
    await expect(second).rejects.toBeInstanceOf(MeiliStartError);
    await expect(second).rejects.toThrow(/exited with code|locked/);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it("stops when asked, and the port is free again", async () => {
    const port = await freePort();
    const m = await startMeili({ dataDir: tmp(), port });
    expect((await fetch(`${m.url}/health`)).ok).toBe(true);
    await m.stop();
    await expect(fetch(`${m.url}/health`)).rejects.toThrow();
  });
});
