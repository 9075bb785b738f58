import fs from "node:fs";
import path from "node:path";
import { importContent } from "#app/content/import-content.server.ts";
import { createSession } from "#app/auth/session.server.ts";
import { createUserWithPassword } from "#app/auth/accounts.server.ts";
import type { DB } from "#db/client.ts";
import type { Role } from "#db/schema/index.ts";
import { spawnServerProcess } from "./server-process.ts";
import { createTestDb } from "./test-db.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const TEST_PASSWORD = "tram-lantern-orchard-29";

/**
 * The real production server (build/ + server/index.ts) as a child process on a free port, over a
 * migrated SQLite file with the real content imported. The test keeps its own connection to the
 * same file for fixtures and for checking what changed. Search is off: these tests are about
 * HTTP, sessions and permissions. `env` goes over everything else (see server-process.ts).
 */
export async function startAppServer(env: Record<string, string> = {}) {
  const t = createTestDb();
  const imported = importContent(t.db, path.join(ROOT, "toolkit-content"));
  if (!imported.ok) throw new Error("content import failed");
  const removeDb = () => {
    t.close();
    fs.rmSync(t.dir, { recursive: true, force: true });
  };
  const server = await spawnServerProcess({
    databasePath: t.file,
    search: { mode: "off" },
    env: { TRUST_PROXY: "loopback", WRITE_RATE_LIMIT: "1000000", ...env },
  }).catch((error: unknown) => {
    removeDb();
    throw error;
  });
  return {
    url: server.url,
    pid: server.pid,
    db: t.db,
    log: server.log,
    peakMemoryKb: server.peakMemoryKb,
    async stop() {
      await server.stop();
      removeDb();
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
