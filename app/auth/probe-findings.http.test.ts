import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { SessionUser } from "#app/auth/session.server.ts";
import { client, startAppServer, TEST_PASSWORD, userWithSession, type AppServer } from "#app/testing/app-server.ts";
import { itemInState, makeCity } from "#app/testing/editorial-fixtures.ts";
import * as s from "#db/schema/index.ts";

/**
 * Regressions for the outside probe of December 2026 (shared/reference/reviews/security-2026-12.md):
 * F2 audit rows from anonymous GETs, F5 the slug-existence oracle, F6 5xx from Remix's origin check,
 * F7 the Host header. Against the real production server.
 */
let app: AppServer; // TRUST_PROXY=loopback, as behind a reverse proxy
let direct: AppServer; // no TRUST_PROXY: X-Forwarded-* must mean nothing
let cityA: { id: number; slug: string };
let cityB: { id: number; slug: string };
let contributorA: Awaited<ReturnType<typeof userWithSession>>;
let contributorB: Awaited<ReturnType<typeof userWithSession>>;
let curator: Awaited<ReturnType<typeof userWithSession>>;
const actor = (u: typeof curator, cityIds = u.cityIds): SessionUser => ({ id: u.id, email: u.email, displayName: u.email, role: u.role, cityIds });

beforeAll(async () => {
  [app, direct] = await Promise.all([startAppServer(), startAppServer({ TRUST_PROXY: "" })]);
  cityA = makeCity(app.db);
  cityB = makeCity(app.db);
  contributorA = await userWithSession(app.db, "contributor", [cityA.id]);
  contributorB = await userWithSession(app.db, "contributor", [cityB.id]);
  curator = await userWithSession(app.db, "curator", []);
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await direct?.stop();
});

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string };
/** node:http, because fetch() will not send another Host header. */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = http.request(
      {
        hostname,
        port,
        path,
        method,
        headers: {
          ...headers,
          ...(body === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) }),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const auditSize = (a: AppServer) =>
  a.db.$client
    .prepare(
      "SELECT count(*) AS rows, coalesce(sum(length(action) + length(coalesce(detail, '')) + length(coalesce(ip, '')) + length(coalesce(target_id, ''))), 0) AS bytes FROM audit_log",
    )
    .get() as { rows: number; bytes: number };

describe("F2: denials cannot fill the audit log", () => {
  it("1,000 anonymous GETs with 15,000-character paths add (almost) nothing to the audit log", async () => {
    const long = "x".repeat(15_000);
    const paths = [`/en/edit/practices/1/translate/${long}`, `/en/curate/chapters/${long}`];
    const before = auditSize(app);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          fetch(app.url + paths[(i + j) % 2], { redirect: "manual", headers: { "X-Forwarded-For": "198.51.100.60" } }).then(
            async (r) => (await r.arrayBuffer(), r.status),
          ),
        ),
      );
      for (const st of batch) statuses.set(st, (statuses.get(st) ?? 0) + 1);
    }
    const after = auditSize(app);
    console.log(
      `F2: 1,000 anonymous long-path GETs → statuses ${JSON.stringify(Object.fromEntries(statuses))}; audit rows +${after.rows - before.rows}, bytes +${after.bytes - before.bytes}`,
    );
    expect([...statuses.keys()]).toEqual([302]);
    expect(after.rows - before.rows).toBeLessThanOrEqual(5);
    expect(after.bytes - before.bytes).toBeLessThanOrEqual(2_000);
  });

  it("signed-in denials (403) are still audited, with a capped path and a per-address limit", async () => {
    const foreign = itemInState(app.db, "practice", "draft", { contributor: actor(contributorB), curator: actor(curator) });
    const long = "y".repeat(15_000);
    const before = auditSize(app);
    const firstId = (app.db.$client.prepare("SELECT coalesce(max(id), 0) AS id FROM audit_log").get() as { id: number }).id;
    for (let i = 0; i < 300; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, () =>
          client(app.url, contributorA.cookie)
            .get(`/en/edit/practices/${foreign.id}/translate/${long}`, { "X-Forwarded-For": "198.51.100.61" })
            .then(async (r) => (await r.arrayBuffer(), r.status)),
        ),
      );
      expect(new Set(batch)).toEqual(new Set([403]));
    }
    const after = auditSize(app);
    const rows = app.db.$client.prepare("SELECT action, outcome, actor_id, ip, detail FROM audit_log WHERE id > ? ORDER BY id").all(firstId) as {
      action: string;
      outcome: string;
      actor_id: number;
      ip: string;
      detail: string;
    }[];
    console.log(`F2: 300 signed-in long-path 403s from one address → audit rows +${after.rows - before.rows}, bytes +${after.bytes - before.bytes}`);
    const denials = rows.filter((r) => r.outcome === "denied" && r.ip === "198.51.100.61");
    expect(denials.length).toBeGreaterThanOrEqual(1);
    expect(denials[0]!.actor_id).toBe(contributorA.id);
    const detail = JSON.parse(denials[0]!.detail) as { path: string; pathTruncated?: boolean };
    expect(detail.path.length).toBeLessThanOrEqual(201);
    expect(detail.path.startsWith(`/en/edit/practices/${foreign.id}/translate/yyy`)).toBe(true);
    expect(detail.pathTruncated).toBe(true);
    // Bounded: at most a few dozen rows and a few KB for 300 denials.
    expect(after.rows - before.rows).toBeLessThanOrEqual(25);
    expect(after.bytes - before.bytes).toBeLessThanOrEqual(12_000);
    // The rest are counted, not lost silently.
    expect(rows.some((r) => /"suppressed"/.test(r.detail ?? "") || r.action === "audit.suppressed")).toBe(true);
    // Another address is not starved by the first one's flood.
    await client(app.url, contributorA.cookie).get(`/en/edit/practices/${foreign.id}/history`, { "X-Forwarded-For": "198.51.100.62" });
    const other = app.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE ip = '198.51.100.62' AND outcome = 'denied'").get() as { n: number };
    expect(other.n).toBe(1);
  });
});

describe("F6: no 5xx from the origin check", () => {
  it("OPTIONS, HEAD on .data and a mismatched X-Forwarded-Host get no server error and run nothing", async () => {
    const evil = { Origin: "https://evil.example" };
    const logFrom = [app.log().length, direct.log().length];
    const results: [string, Raw][] = [];
    for (const server of [app, direct]) {
      results.push([`OPTIONS /en/search.data evil Origin`, await raw(server.url, "OPTIONS", "/en/search.data", evil)]);
      results.push([`OPTIONS /en/search.data no Origin`, await raw(server.url, "OPTIONS", "/en/search.data")]);
      results.push([`OPTIONS /en/login same origin`, await raw(server.url, "OPTIONS", "/en/login", { Origin: server.url })]);
      results.push([`OPTIONS /en evil Origin`, await raw(server.url, "OPTIONS", "/en", evil)]);
      results.push([`HEAD /en.data evil Origin`, await raw(server.url, "HEAD", "/en.data", evil)]);
      results.push([`HEAD /en/search.data`, await raw(server.url, "HEAD", "/en/search.data?q=rights")]);
      results.push([`HEAD /en/practices.data evil Origin`, await raw(server.url, "HEAD", "/en/practices.data", evil)]);
    }
    const summary = results.map(([name, r]) => `${name} → ${r.status}`);
    console.log(`F6: ${summary.join("; ")}`);
    expect(results.filter(([, r]) => r.status >= 500).map(([n]) => n)).toEqual([]);
    for (const [name, r] of results) {
      // No CORS grant, ever.
      expect(r.headers["access-control-allow-origin"], name).toBeUndefined();
      if (name.startsWith("OPTIONS")) expect([204, 403, 405], name).toContain(r.status);
      if (name.startsWith("HEAD")) expect([200, 405], name).toContain(r.status);
    }
    // Other odd requests: an unknown method, an absolute-form target (Remix cannot build a URL from it).
    expect((await raw(app.url, "PROPFIND", "/en.data", { Origin: app.url })).status).toBe(405);
    expect((await raw(app.url, "GET", "http://evil.example/en")).status).toBe(400);
    expect(results.find(([n]) => n.startsWith("OPTIONS /en/search.data evil"))![1].status).toBe(403);
    expect(results.find(([n]) => n.startsWith("OPTIONS /en/search.data no Origin"))![1].status).toBe(204);

    // A write whose X-Forwarded-Host differs from its Origin.
    const u = await userWithSession(app.db, "contributor", [cityA.id]);
    const loginsBefore = (a: AppServer) => (a.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'login%'").get() as { n: number }).n;
    const body = new URLSearchParams({ email: u.email, password: TEST_PASSWORD }).toString();
    // Behind a trusted proxy the forwarded host is the one checked: an unknown one is refused before anything runs.
    const n0 = loginsBefore(app);
    const proxied = await raw(app.url, "POST", "/en/login", { Origin: app.url, "X-Forwarded-Host": "other.example" }, body);
    expect(proxied.status).toBeLessThan(500);
    expect([400, 403, 421]).toContain(proxied.status);
    expect(String(proxied.headers["set-cookie"] ?? "")).not.toContain("__Host-rce_session=");
    expect(loginsBefore(app)).toBe(n0);
    // Without TRUST_PROXY the header is dropped: the request is what it looks like, a same-origin login.
    const wrong = new URLSearchParams({ email: u.email, password: "not-the-password-at-all" }).toString();
    const plain = await raw(direct.url, "POST", "/en/login", { Origin: direct.url, "X-Forwarded-Host": "other.example" }, wrong);
    expect(plain.status).toBe(400);
    // The forwarded host, origin and scheme headers do not reach the app when the proxy is not trusted.
    const spoofed = await raw(direct.url, "GET", "/en/login", { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "192.0.2.10:3000" });
    expect(spoofed.status).toBe(200);
    const alternates = [...spoofed.body.matchAll(/<link rel="alternate" hrefLang="[^"]+" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(alternates.length).toBeGreaterThan(1);
    for (const href of alternates) expect(href.startsWith(`${direct.url}/`), href).toBe(true);
    // Nothing of this reached the error log (each 500 used to log a stack).
    expect(app.log().slice(logFrom[0])).not.toMatch(/Error/);
    expect(direct.log().slice(logFrom[1])).not.toMatch(/Error/);
  });
});

describe("F7: the Host header is not trusted", () => {
  it("a foreign Host is refused; alternate links always come from PUBLIC_URL; the origin check cannot be passed with a spoofed Host", async () => {
    const port = new URL(app.url).port;
    const spoofed = await raw(app.url, "GET", "/en", { Host: "evil.example" });
    console.log(`F7: GET /en with Host: evil.example → ${spoofed.status}`);
    expect(spoofed.status).not.toBe(200);
    expect(spoofed.status).toBeLessThan(500);
    expect(spoofed.body).not.toContain("evil.example");
    // Behind a trusted proxy, the forwarded host is checked the same way.
    const forwarded = await raw(app.url, "GET", "/en", { "X-Forwarded-Host": "evil.example" });
    expect(forwarded.body).not.toContain("evil.example");
    // Other local names for this server are fine, but links still use PUBLIC_URL (here the default, http://localhost:$PORT).
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const page = await raw(app.url, "GET", "/en", { Host: host });
      expect(page.status, host).toBe(200);
      const alternates = [...page.body.matchAll(/<link rel="alternate" hrefLang="[^"]+" href="([^"]+)"/g)].map((m) => m[1]);
      expect(alternates.length, host).toBeGreaterThan(1);
      for (const href of alternates) expect(href!.startsWith(`http://localhost:${port}/`), `${host}: ${href}`).toBe(true);
    }
    // The cross-site check's expected origin does not follow the Host header.
    const u = await userWithSession(app.db, "contributor", [cityA.id]);
    const mailsBefore = app.db.select().from(s.mailbox).where(eq(s.mailbox.to, u.email)).all().length;
    const reset = await raw(
      app.url,
      "POST",
      "/en/reset-password",
      { Host: "evil.example:3900", Origin: "http://evil.example:3900" },
      new URLSearchParams({ email: u.email }).toString(),
    );
    console.log(`F7: reset request with Host and Origin evil.example:3900 → ${reset.status}`);
    expect([403, 421]).toContain(reset.status);
    expect(app.db.select().from(s.mailbox).where(eq(s.mailbox.to, u.email)).all().length).toBe(mailsBefore);
    // Same for a page reached as 127.0.0.1 posting with the other loopback name as its Origin: a 403, not a 500.
    const mixed = await raw(
      app.url,
      "POST",
      "/en/reset-password",
      { Host: `127.0.0.1:${port}`, Origin: `http://localhost:${port}` },
      new URLSearchParams({ email: u.email }).toString(),
    );
    expect(mixed.status).toBe(403);
  });
});

describe("F5: slugs do not reveal hidden items", () => {
  const slugify = (title: string) =>
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  const create = async (cookie: string, city: string, title: string) => {
    const res = await client(app.url, cookie).post("/en/edit/practices/new", { city, language: "en", title, summary: "S.", body: "B.", ongoing: "unknown" });
    expect(res.status).toBe(303);
    const id = Number(/practices\/(\d+)/.exec(res.headers.get("Location") ?? "")?.[1]);
    return { id, slug: app.db.select({ slug: s.practices.slug }).from(s.practices).where(eq(s.practices.id, id)).get()!.slug };
  };
  /** What a slug adds to its title: "" or "-2" before the fix. Only its shape is compared (random parts differ). */
  const suffixShape = (slug: string, title: string) => {
    expect(slug.startsWith(slugify(title))).toBe(true);
    return slug.slice(slugify(title).length).replace(/[a-z0-9]/g, "x");
  };

  it("a new draft's slug is the same whether or not another city's hidden practice has that title", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const secret = `Utrecht secret draft practice ${tag}`;
    const control = `Some title nobody used ${tag}`;
    // Another city's hidden practices with the guessed title: a draft, one in review, one archived; one of them
    // holds the plain slug as drafts did before the fix.
    const hidden = await create(contributorB.cookie, cityB.slug, secret);
    app.db
      .update(s.practices)
      .set({ slug: slugify(secret) })
      .where(eq(s.practices.id, hidden.id))
      .run();
    const inReview = await create(contributorB.cookie, cityB.slug, secret);
    expect((await client(app.url, contributorB.cookie).post(`/en/edit/practices/${inReview.id}/workflow`, { intent: "submit" })).status).toBe(303);
    const archived = await create(contributorB.cookie, cityB.slug, secret);
    expect((await client(app.url, curator.cookie).post(`/en/edit/practices/${archived.id}/workflow`, { intent: "archive" })).status).toBe(303);

    const guessed = await create(contributorA.cookie, cityA.slug, secret);
    const unused = await create(contributorA.cookie, cityA.slug, control);
    console.log(`F5: draft slugs: guessed title → ${guessed.slug}; unused title → ${unused.slug}`);
    expect(suffixShape(guessed.slug, secret)).toBe(suffixShape(unused.slug, control));
    expect(guessed.slug).not.toMatch(/-\d+$/);
    // And the history page a contributor sees shows nothing that depends on the hidden items.
    const history = await (await client(app.url, contributorA.cookie).get(`/en/edit/practices/${guessed.id}/history`)).text();
    expect(history).not.toContain(`${slugify(secret)}-2`);

    // At publication the final slug is the title's; a hidden draft that held it (never published) gives it up.
    expect((await client(app.url, curator.cookie).post(`/en/edit/practices/${guessed.id}/workflow`, { intent: "publish" })).status).toBe(303);
    const published = app.db.select().from(s.practices).where(eq(s.practices.id, guessed.id)).get()!;
    expect(published.slug).toBe(slugify(secret));
    expect((await client(app.url).get(`/en/practices/${published.slug}`)).status).toBe(200);
    const legacy = app.db.select({ slug: s.practices.slug }).from(s.practices).where(eq(s.practices.id, hidden.id)).get()!.slug;
    expect(legacy).not.toBe(slugify(secret));
    // Published slugs are permanent: unpublishing and publishing again, or a new title, keep it.
    await client(app.url, curator.cookie).post(`/en/edit/practices/${guessed.id}/workflow`, { intent: "unpublish" });
    await client(app.url, curator.cookie).post(`/en/edit/practices/${guessed.id}`, {
      intent: "save",
      title: "A completely new title",
      summary: "S.",
      body: "B.",
      ongoing: "unknown",
    });
    await client(app.url, curator.cookie).post(`/en/edit/practices/${guessed.id}/workflow`, { intent: "publish" });
    expect(app.db.select({ slug: s.practices.slug }).from(s.practices).where(eq(s.practices.id, guessed.id)).get()!.slug).toBe(slugify(secret));
    // A second practice with that title, published later, gets the next free number: the first one's URL was public.
    const second = await create(contributorA.cookie, cityA.slug, secret);
    await client(app.url, curator.cookie).post(`/en/edit/practices/${second.id}/workflow`, { intent: "publish" });
    expect(app.db.select({ slug: s.practices.slug }).from(s.practices).where(eq(s.practices.id, second.id)).get()!.slug).toBe(`${slugify(secret)}-2`);
  });
});
