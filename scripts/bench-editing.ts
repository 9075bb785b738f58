/**
 * Accounts and editing benchmark: numbers, not a test. `npm run bench:editing [-- --n 100]`
 *
 * Runs the production server (build/ + server/index.ts) over a fresh SQLite file with the real
 * content and measures, over HTTP: login (sequential and 20 at once: Argon2id is the cost), the
 * editor page, saving a practice, publishing, and a public page as the baseline; plus Argon2id
 * hashing in-process and the server's peak memory. Results go to bench/editing-results.json.
 */
import fs from "node:fs";
import { hashPassword } from "#app/auth/password.server.ts";
import type { SessionUser } from "#app/auth/session.server.ts";
import { client, startAppServer, TEST_PASSWORD, userWithSession } from "#app/testing/app-server.ts";
import { itemInState, makeCity } from "#app/testing/editorial-fixtures.ts";

const nArg = process.argv.indexOf("--n");
const N = nArg > 0 ? Number(process.argv[nArg + 1]) : 100;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const summary = (xs: number[]) => ({ n: xs.length, p50: +pct(xs, 50).toFixed(1), p95: +pct(xs, 95).toFixed(1), max: +Math.max(...xs).toFixed(1) });
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
async function series(n: number, fn: (i: number) => Promise<Response>) {
  const xs: number[] = [];
  for (let i = 0; i < n; i++)
    xs.push(
      await timed(async () => {
        const res = await fn(i);
        await res.arrayBuffer();
        if (res.status >= 400) throw new Error(`HTTP ${res.status}`);
      }),
    );
  return summary(xs);
}

const hashes: number[] = [];
for (let i = 0; i < 20; i++) hashes.push(await timed(() => hashPassword(`bench-password-${i}-orchard`)));

const app = await startAppServer();
try {
  const city = makeCity(app.db);
  const contributor = await userWithSession(app.db, "contributor", [city.id]);
  const curator = await userWithSession(app.db, "curator", []);
  const actors = { contributor: { ...contributor, displayName: "c" } as SessionUser, curator: { ...curator, displayName: "k" } as SessionUser };
  const own = itemInState(app.db, "practice", "draft", actors);
  app.db.$client.prepare("INSERT INTO user_cities (user_id, city_id) VALUES (?, ?)").run(contributor.id, own.cityId);
  const loginUsers = await Promise.all(Array.from({ length: 20 }, () => userWithSession(app.db, "contributor", [city.id])));

  const c = client(app.url, contributor.cookie);
  const k = client(app.url, curator.cookie);
  const publicPage = await series(N, () => client(app.url).get("/en/practices/utrecht-bed-bath-bread"));
  const editorPage = await series(N, () => c.get(`/en/edit/practices/${own.id}`));
  const save = await series(N, (i) =>
    c.post(`/en/edit/practices/${own.id}`, {
      intent: "save",
      title: `Bench title ${i}`,
      summary: "A summary.",
      body: `Body text, version ${i}.`,
      ongoing: "unknown",
    }),
  );
  const toPublish = Array.from({ length: Math.min(N, 50) }, () => itemInState(app.db, "practice", "in_review", actors));
  const publish = await series(toPublish.length, (i) => k.post(`/en/edit/practices/${toPublish[i]!.id}/workflow`, { intent: "publish" }));
  const login = await series(Math.min(N, 50), (i) =>
    client(app.url).post("/en/login", { email: loginUsers[i % 20]!.email, password: TEST_PASSWORD }, { "X-Forwarded-For": `10.9.${i}.1` }),
  );
  const burstStart = performance.now();
  const burst = await Promise.all(
    loginUsers.map((u, i) =>
      timed(async () =>
        (await client(app.url).post("/en/login", { email: u.email, password: TEST_PASSWORD }, { "X-Forwarded-For": `10.8.${i}.1` })).arrayBuffer(),
      ),
    ),
  );
  const burstWall = performance.now() - burstStart;
  const peakMb = app.peakMemoryKb() / 1024;

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    argon2idHashMs: summary(hashes),
    publicPracticePage: publicPage,
    editorPage,
    editorVsPublicP95: +(editorPage.p95 / publicPage.p95).toFixed(2),
    savePractice: save,
    publish,
    loginSequential: login,
    login20AtOnce: { ...summary(burst), wallMs: +burstWall.toFixed(0) },
    serverPeakRssMb: +peakMb.toFixed(0),
  };
  fs.mkdirSync("bench", { recursive: true });
  fs.writeFileSync("bench/editing-results.json", JSON.stringify(results, null, 2) + "\n");
  const row = (name: string, s: { p50: number; p95: number; max: number }) =>
    console.log(`${name.padEnd(28)} p50 ${String(s.p50).padStart(6)} ms  p95 ${String(s.p95).padStart(6)} ms  max ${String(s.max).padStart(6)} ms`);
  row("argon2id hash (in-process)", results.argon2idHashMs);
  row("public practice page", publicPage);
  row("editor page", editorPage);
  row("save a practice", save);
  row("publish (with outbox)", publish);
  row("login, one at a time", login);
  row("login, 20 at once", results.login20AtOnce);
  console.log(
    `editor page p95 / public page p95: ${results.editorVsPublicP95}×; 20 logins at once took ${results.login20AtOnce.wallMs} ms; server peak RSS ${results.serverPeakRssMb} MB`,
  );
} finally {
  await app.stop();
}
