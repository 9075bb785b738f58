import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "#app/search/meili-process.server.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** How the server finds search: off (basic search only), a running Meilisearch, or one it starts itself. */
export type ServerSearch =
  | { mode: "off" }
  | { mode: "external"; url: string; adminKey: string; searchKey: string; index?: string }
  | { mode: "managed"; port: number; dataDir: string; masterKey?: string; index?: string };

export type ServerProcessOptions = {
  /** An existing SQLite file; the server migrates it on start-up and uses it as it is. */
  databasePath: string;
  /** Default: search off. */
  search?: ServerSearch;
  /** Default: a free port. */
  port?: number;
  /** The host name in `url`; the server answers as localhost and 127.0.0.1 alike. */
  host?: string;
  /** Applied last, over everything above (and over process.env). */
  env?: Record<string, string>;
  /** How long to wait for /healthz before giving up. */
  startTimeoutMs?: number;
};

function searchEnv(search: ServerSearch): Record<string, string> {
  switch (search.mode) {
    case "off":
      return { SEARCH_DISABLED: "1" };
    case "external":
      return {
        SEARCH_DISABLED: "0",
        MEILI_URL: search.url,
        MEILI_ADMIN_KEY: search.adminKey,
        MEILI_SEARCH_KEY: search.searchKey,
        ...(search.index ? { MEILI_INDEX: search.index } : {}),
      };
    case "managed":
      return {
        SEARCH_DISABLED: "0",
        MEILI_URL: "",
        MEILI_PORT: String(search.port),
        MEILI_DATA_DIR: search.dataDir,
        ...(search.masterKey ? { MEILI_MASTER_KEY: search.masterKey } : {}),
        ...(search.index ? { MEILI_INDEX: search.index } : {}),
      };
  }
}

/** Peak resident memory (VmHWM) of a live process, in kB; NaN when it cannot be read (not Linux, process gone). */
export function peakMemoryKb(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]);
  } catch {
    return NaN;
  }
}

/**
 * The production server (build/ + server/index.ts) as a child process, started and waited for
 * (/healthz), over a database file the caller owns. Used by the HTTP tests (startAppServer) and the
 * benchmarks; stop() ends the process and nothing else.
 */
export async function spawnServerProcess(options: ServerProcessOptions) {
  if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) throw new Error("build/ is missing: run `npm run build` first (npm test does)");
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_PATH: options.databasePath,
      PORT: String(port),
      ...searchEnv(options.search ?? { mode: "off" }),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const url = `http://${options.host ?? "localhost"}:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    pid: child.pid!,
    log: () => log,
    /** Peak memory of the server so far (VmHWM, kB); read it before stop(). */
    peakMemoryKb: () => peakMemoryKb(child.pid),
    stop,
  };
}
export type ServerProcess = Awaited<ReturnType<typeof spawnServerProcess>>;
