import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { env } from "#app/utils/env.server.ts";
import { freePort, masterKeyFor, MeiliStartError, resolveMeiliBinary, startMeili, startMeiliOnFreePort, type ManagedMeili } from "./meili-process.server.ts";

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
    expect(fs.existsSync(resolveMeiliBinary({ ...env(), MEILI_BIN: undefined }))).toBe(true);
    expect(() => resolveMeiliBinary({ ...env(), MEILI_BIN: "/nonexistent/meilisearch" })).toThrow(/MEILI_BIN=\/nonexistent\/meilisearch does not exist/);
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

  it("refuses a data folder in use by a running instance, and replaces a stale lock", async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "lock"), `${process.ppid}\n`); // a live process that is not us
    const started = performance.now();
    const second = startMeiliOnFreePort({ dataDir: dir });
    await expect(second).rejects.toBeInstanceOf(MeiliStartError);
    await expect(second).rejects.toThrow(new RegExp(`in use by process ${process.ppid}`));
    expect(performance.now() - started).toBeLessThan(2000);

    fs.writeFileSync(path.join(dir, "lock"), "2147483646\n"); // no such process: stale
    const logs: string[] = [];
    const m: ManagedMeili = await startMeiliOnFreePort({ dataDir: dir, log: (l) => logs.push(l) });
    cleanups.push(() => m.stop());
    expect(logs.join("\n")).toMatch(/removing a stale lock left by process 2147483646/);
    expect(fs.readFileSync(path.join(dir, "lock"), "utf8").trim()).toBe(String(process.pid));
    await m.stop();
    expect(fs.existsSync(path.join(dir, "lock"))).toBe(false);
  });

  it("keeps the master key out of its command line (visible to every local user), and the key still works", async () => {
    const m = await startMeiliOnFreePort({ dataDir: tmp() });
    cleanups.push(() => m.stop());
    const argv = fs.readFileSync(`/proc/${m.process.pid}/cmdline`, "utf8").split("\0");
    expect(argv.length).toBeGreaterThan(1);
    expect(argv.join(" ")).not.toContain(m.masterKey);
    expect(argv).not.toContain("--master-key");
    expect((await fetch(`${m.url}/keys`)).status).toBe(401);
    expect((await fetch(`${m.url}/keys`, { headers: { Authorization: `Bearer ${m.masterKey}` } })).status).toBe(200);
  });

  it("stops when asked, and the port is free again", async () => {
    const m = await startMeiliOnFreePort({ dataDir: tmp() });
    expect((await fetch(`${m.url}/health`)).ok).toBe(true);
    await m.stop();
    await expect(fetch(`${m.url}/health`)).rejects.toThrow();
  });
});
