import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { importContent } from "#app/content/import-content.server.ts";
import { createSession } from "#app/auth/session.server.ts";
import { createUserWithPassword } from "#app/auth/accounts.server.ts";
import { freePort } from "#app/search/meili-process.server.ts";
import type { DB } from "#db/client.ts";
import type { Role } from "#db/schema/index.ts";
import { createTestDb } from "./test-db.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const TEST_PASSWORD = "tram-lantern-orchard-29";

/**
 * The real production server (build/ + server/index.ts) as a child process on a free port, over a
 * migrated SQLite file with the real content imported. The test keeps its own connection to the
 * same file for fixtures and for checking what changed. Search is off: these tests are about
 * HTTP, sessions and permissions.
 */
export async function startAppServer(env: Record<string, string> = {}) {
  if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) throw new Error("build/ is missing: run `npm run build` first (npm test does)");
  const t = createTestDb();
  const imported = importContent(t.db, path.join(ROOT, "toolkit-content"));
  if (!imported.ok) throw new Error("content import failed");
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_PATH: t.file,
      PORT: String(port),
      SEARCH_DISABLED: "1",
      TRUST_PROXY: "loopback",
      WRITE_RATE_LIMIT: "1000000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const url = `http://localhost:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 300) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    db: t.db,
    log: () => log,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      t.close();
      fs.rmSync(t.dir, { recursive: true, force: true });
    },
  };
}
export type AppServer = Awaited<ReturnType<typeof startAppServer>>;

/** A user with a session, straight in the database (no login round trip needed for fixtures). */
export async function userWithSession(db: DB, role: Role, cityIds: number[], email = `${role}-${Math.random().toString(36).slice(2)}@test.example`) {
  const id = await createUserWithPassword(db, { email, displayName: `${role} ${email.split("@")[0]}`, role, cityIds, password: TEST_PASSWORD });
  const { token } = createSession(db, id);
  return { id, email, role, cityIds, cookie: `__Host-rce_session=${token}` };
}

/** fetch() as a browser on our own pages would send it: same-origin, cookies, no automatic redirects. */
export function client(base: string, cookie?: string) {
  const headers = (extra: Record<string, string> = {}) => ({ ...(cookie ? { Cookie: cookie } : {}), "Sec-Fetch-Site": "same-origin", Origin: base, ...extra });
  return {
    get: (p: string, extra?: Record<string, string>) => fetch(base + p, { headers: headers(extra), redirect: "manual" }),
    post: (p: string, form: Record<string, string | string[]> | URLSearchParams, extra?: Record<string, string>) => {
      const body =
        form instanceof URLSearchParams
          ? form
          : new URLSearchParams(Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])));
      return fetch(base + p, { method: "POST", body, headers: headers(extra), redirect: "manual" });
    },
  };
}
