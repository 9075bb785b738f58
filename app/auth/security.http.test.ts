import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { ARGON2_PARAMS } from "#app/auth/password.server.ts";
import { accountKey, FREE_FAILURES } from "#app/auth/throttle.server.ts";
import { totpCode } from "#app/auth/totp.server.ts";
import type { SessionUser } from "#app/auth/session.server.ts";
import { readSnapshot } from "#app/editorial/snapshots.server.ts";
import { client, startAppServer, TEST_PASSWORD, userWithSession, type AppServer } from "#app/testing/app-server.ts";
import { itemInState, makeCity } from "#app/testing/editorial-fixtures.ts";
import { appRoutes, fill } from "#app/testing/routes.ts";
import * as s from "#db/schema/index.ts";

/** Sessions, login throttling, tampering, cross-site requests and headers, against the real server. */
let app: AppServer;
let cityA: { id: number; slug: string };
let cityB: { id: number; slug: string };
let contributorA: Awaited<ReturnType<typeof userWithSession>>;
let contributorB: Awaited<ReturnType<typeof userWithSession>>;
let curator: Awaited<ReturnType<typeof userWithSession>>;
let admin: Awaited<ReturnType<typeof userWithSession>>;
const actor = (u: typeof curator, cityIds = u.cityIds): SessionUser => ({ id: u.id, email: u.email, displayName: u.email, role: u.role, cityIds });

beforeAll(async () => {
  app = await startAppServer();
  cityA = makeCity(app.db);
  cityB = makeCity(app.db);
  contributorA = await userWithSession(app.db, "contributor", [cityA.id]);
  contributorB = await userWithSession(app.db, "contributor", [cityB.id]);
  curator = await userWithSession(app.db, "curator", []);
  admin = await userWithSession(app.db, "admin", []);
}, 120_000);
afterAll(() => app?.stop());

const login = (email: string, password: string, headers: Record<string, string> = {}) => client(app.url).post("/en/login", { email, password }, headers);
/** The rendered reminder (the strings themselves also travel in the page data). */
const TWO_STEP_REMINDER = /<a [^>]*href="\/en\/account"[^>]*>Your account can publish/;
const tokenOf = (res: Response) => /__Host-rce_session=([^;]*)/.exec(res.headers.get("Set-Cookie") ?? "")?.[1] ?? "";
const cookie = (token: string) => `__Host-rce_session=${token}`;
const signedIn = async (token: string) => (await client(app.url, cookie(token)).get("/en/dashboard")).status === 200;

describe("headers", () => {
  it("pages carry an enforced nonce CSP, HSTS, nosniff and a referrer policy; no X-Powered-By", async () => {
    const a = await client(app.url).get("/en");
    const b = await client(app.url).get("/en/practices");
    const csp = a.headers.get("Content-Security-Policy") ?? "";
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "'strict-dynamic'", "form-action 'self'"]) expect(csp).toContain(d);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(b.headers.get("Content-Security-Policy")).not.toContain(nonce!);
    const html = await a.text();
    // Every script element carries this response's nonce.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(a.headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
    expect(a.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(a.headers.get("Referrer-Policy")).toBeTruthy();
    expect(a.headers.get("X-Powered-By")).toBeNull();
    expect(a.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
  });

  it("signed-in pages are never stored; errors show no internals", async () => {
    const res = await client(app.url, admin.cookie).get("/en/dashboard");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const missing = await client(app.url, admin.cookie).get("/en/edit/practices/999999999");
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toMatch(/at .*\.ts:\d+|SQLITE|node_modules/);
  });
});

describe("sessions over HTTP", () => {
  it("the cookie is __Host-, HttpOnly, Secure, SameSite=Lax, Path=/, with a lifetime and no Domain; logout clears it and ends the session", async () => {
    const res = await login(curator.email, TEST_PASSWORD);
    expect(res.status).toBe(302);
    const set = res.headers.get("Set-Cookie")!;
    const attributes = ["__Host-rce_session=", "HttpOnly", "Secure", "SameSite=Lax", "Path=/", "Max-Age="];
    const present = attributes.filter((a) => set.includes(a)).length + (/Domain=/i.test(set) ? 0 : 1);
    console.log(`session cookie attributes present: ${present}/7`);
    expect(present).toBe(7);
    const token = tokenOf(res);
    expect(await signedIn(token)).toBe(true);
    const out = await client(app.url, cookie(token)).post("/en/logout", {});
    expect(out.headers.get("Set-Cookie")).toContain("Max-Age=0");
    // Replay after logout: the old cookie is dead on the server, not just in the browser.
    const replay = await client(app.url, cookie(token)).get("/en/dashboard");
    expect(replay.status).toBe(302);
    expect(replay.headers.get("Location")).toContain("/en/login");
  });

  it("login always starts a new session and ends a planted one (fixation)", async () => {
    const planted = tokenOf(await login(contributorA.email, TEST_PASSWORD));
    expect(await signedIn(planted)).toBe(true);
    const res = await client(app.url, cookie(planted)).post("/en/login", { email: contributorA.email, password: TEST_PASSWORD });
    const fresh = tokenOf(res);
    expect(fresh).not.toBe(planted);
    expect(await signedIn(planted)).toBe(false);
    expect(await signedIn(fresh)).toBe(true);
  });

  it("disabling a user ends all their sessions at once", async () => {
    const victim = await userWithSession(app.db, "contributor", [cityA.id]);
    const second = tokenOf(await login(victim.email, TEST_PASSWORD));
    expect(await signedIn(second)).toBe(true);
    const res = await client(app.url, admin.cookie).post("/en/admin/users", { intent: "disable", user: String(victim.id) });
    expect(res.status).toBe(200);
    expect(await signedIn(second)).toBe(false);
    expect((await client(app.url, victim.cookie).get("/en/dashboard")).status).toBe(302);
    expect((await login(victim.email, TEST_PASSWORD)).status).toBe(400);
  });

  it("changing the password ends the other sessions but keeps this one", async () => {
    const u = await userWithSession(app.db, "contributor", [cityA.id]);
    const other = tokenOf(await login(u.email, TEST_PASSWORD));
    const res = await client(app.url, u.cookie).post("/en/account", {
      intent: "password",
      currentPassword: TEST_PASSWORD,
      password: "violet-harbour-bicycle-88",
    });
    expect(res.status).toBe(200);
    expect(await signedIn(other)).toBe(false);
    expect((await client(app.url, u.cookie).get("/en/dashboard")).status).toBe(200);
    expect((await login(u.email, "violet-harbour-bicycle-88")).status).toBe(302);
  });

  it("a hash made with older parameters is replaced on the next login", async () => {
    const u = await userWithSession(app.db, "contributor", [cityA.id]);
    const weak = await hash(TEST_PASSWORD, { ...ARGON2_PARAMS, memoryCost: 4096, timeCost: 1 });
    app.db.update(s.users).set({ passwordHash: weak }).where(eq(s.users.id, u.id)).run();
    expect((await login(u.email, TEST_PASSWORD)).status).toBe(302);
    const now = app.db.select({ h: s.users.passwordHash }).from(s.users).where(eq(s.users.id, u.id)).get()!.h!;
    expect(now).not.toBe(weak);
    expect(now).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe("login throttling and enumeration", () => {
  it("guessing one account from many addresses is bounded by the account-wide cap; a new device is told why it must wait", async () => {
    const victim = await userWithSession(app.db, "contributor", [cityA.id]);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await login(victim.email, `wrong-password-${i}`, { "X-Forwarded-For": `198.51.100.${i + 1}` })).status);
    const firstBlock = statuses.indexOf(429);
    console.log(`throttling: 30 wrong passwords from 30 addresses → first 429 at attempt ${firstBlock + 1}; statuses ${[...new Set(statuses)].join("/")}`);
    expect(statuses.slice(0, FREE_FAILURES["account:"] + 1).every((x) => x === 400)).toBe(true);
    expect(firstBlock).toBe(FREE_FAILURES["account:"] + 1);
    // A browser that never signed in to this account waits too, and is told why.
    const blocked = await login(victim.email, TEST_PASSWORD, { "X-Forwarded-For": "203.0.113.9" });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await blocked.text()).toMatch(
      /<p class="form-error-summary" role="alert" id="login-error">Many failed sign-ins for this account have come from elsewhere/,
    );
    // No permanent lockout: once the wait is over, the right password works.
    app.db
      .update(s.loginThrottle)
      .set({ blockedUntil: new Date(0) })
      .where(eq(s.loginThrottle.key, accountKey(victim.email)))
      .run();
    expect((await login(victim.email, TEST_PASSWORD, { "X-Forwarded-For": "203.0.113.9" })).status).toBe(302);
    const logged = app.db.$client.prepare("SELECT count(*) n FROM audit_log WHERE action = 'login' AND outcome IN ('failed', 'denied')").get() as { n: number };
    expect(logged.n).toBeGreaterThanOrEqual(30);
  });

  it("password spraying from one address is slowed down after 20 failures", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await login(`spray-${i}@nowhere.example`, "Summer2026!!!", { "X-Forwarded-For": "192.0.2.77" })).status);
    console.log(`spraying: 30 accounts from one address → first 429 at attempt ${statuses.indexOf(429) + 1}`);
    expect(statuses.slice(0, 20).every((x) => x === 400)).toBe(true);
    expect(statuses.slice(21)).toContain(429);
  });

  it("a wrong password and an unknown email look the same, in message and in time", async () => {
    const known = [];
    for (let i = 0; i < 40; i++) known.push(await userWithSession(app.db, "contributor", [cityA.id]));
    const time = async (email: string, ip: string) => {
      const start = performance.now();
      const res = await login(email, "definitely-not-it-123", { "X-Forwarded-For": ip });
      return {
        ms: performance.now() - start,
        status: res.status,
        body: (await res.text()).replace(new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g"), "EMAIL"),
      };
    };
    const a = [];
    const b = [];
    for (let i = 0; i < 40; i++) {
      a.push(await time(known[i]!.email, `10.1.${i}.1`));
      b.push(await time(`nobody-${i}@nowhere.example`, `10.2.${i}.1`));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const delta = Math.abs(median(a.map((x) => x.ms)) - median(b.map((x) => x.ms)));
    console.log(
      `enumeration: median existing ${median(a.map((x) => x.ms)).toFixed(1)} ms, unknown ${median(b.map((x) => x.ms)).toFixed(1)} ms, Δ ${delta.toFixed(1)} ms (40 + 40 tries)`,
    );
    expect(new Set([...a, ...b].map((x) => x.status))).toEqual(new Set([400]));
    expect(new Set([...a, ...b].map((x) => x.body.replace(/nonce="[^"]+"|"nonce-[^"]+"/g, ""))).size).toBeLessThanOrEqual(1);
    expect(delta).toBeLessThan(10);
  });
});

describe("tampering (IDOR and mass assignment)", () => {
  it("no tampered request is accepted", async () => {
    const actors = { contributor: actor(contributorA), curator: actor(curator) };
    const own = itemInState(app.db, "practice", "draft", actors);
    app.db.insert(s.userCities).values({ userId: contributorA.id, cityId: own.cityId }).run();
    const foreign = itemInState(app.db, "practice", "draft", { contributor: actor(contributorB), curator: actor(curator) });
    const foreignAnswer = itemInState(app.db, "answer", "draft", { contributor: actor(contributorB), curator: actor(curator) });
    const a = client(app.url, contributorA.cookie);
    const extra = {
      status: "published",
      cityId: String(cityB.id),
      city_id: String(cityB.id),
      authorId: String(admin.id),
      origin: "content",
      featured: "on",
      role: "admin",
      slug: "hijacked",
      publishedAt: "2020-01-01",
    };
    let accepted = 0;
    const attempts: [string, boolean][] = [];
    const record = (name: string, ok: boolean) => {
      attempts.push([name, ok]);
      if (!ok) accepted++;
    };

    // 1. Create with extra fields: they are ignored.
    const created = await a.post("/en/edit/practices/new", {
      city: cityA.slug,
      language: "en",
      title: "Mass assignment test",
      summary: "S.",
      body: "B.",
      ongoing: "unknown",
      ...extra,
    });
    const newId = Number(/practices\/(\d+)/.exec(created.headers.get("Location") ?? "")?.[1]);
    const row = app.db.select().from(s.practices).where(eq(s.practices.id, newId)).get()!;
    record(
      "create with status/city/author/origin/featured/slug fields",
      row.status === "draft" && row.cityId === cityA.id && row.origin === "app" && !row.featured && row.slug !== "hijacked",
    );
    // 2. Create for another city.
    const before = app.db.select().from(s.practices).all().length;
    await a.post("/en/edit/practices/new", { city: cityB.slug, language: "en", title: "Other city", summary: "S.", body: "B.", ongoing: "unknown" });
    record("create for another city", app.db.select().from(s.practices).all().length === before);
    // 3. Edit own draft with extra fields.
    await a.post(`/en/edit/practices/${own.id}`, { intent: "save", title: "T", summary: "S.", body: "B.", ongoing: "unknown", ...extra });
    const ownRow = app.db.select().from(s.practices).where(eq(s.practices.id, own.id)).get()!;
    record("edit with status/city fields", ownRow.status === "draft" && ownRow.cityId === own.cityId && ownRow.slug !== "hijacked");
    // 4–9. Another city's items, by id in the URL.
    const foreignBefore = JSON.stringify(readSnapshot(app.db, "practice", foreign.id));
    for (const [name, res] of [
      [
        "edit another city's practice",
        await a.post(`/en/edit/practices/${foreign.id}`, { intent: "save", title: "Pwned", summary: "S.", body: "B.", ongoing: "unknown" }),
      ],
      ["translate another city's practice", await a.post(`/en/edit/practices/${foreign.id}/translate/nl`, { title: "Pwned", summary: "S.", body: "B." })],
      ["submit another city's practice", await a.post(`/en/edit/practices/${foreign.id}/workflow`, { intent: "submit" })],
      ["restore another city's practice", await a.post(`/en/edit/practices/${foreign.id}/history`, { revision: "1" })],
      ["edit another city's answer", await a.post(`/en/edit/answers/${foreignAnswer.id}`, { intent: "save", summary: "Pwned", body: "B." })],
      ["publish own practice as contributor", await a.post(`/en/edit/practices/${own.id}/workflow`, { intent: "publish" })],
    ] as const) {
      record(name, res.status === 403);
    }
    record("another city's practice unchanged", JSON.stringify(readSnapshot(app.db, "practice", foreign.id)) === foreignBefore);
    // 10. Reading another city's draft, page and single-fetch data.
    const title = (readSnapshot(app.db, "practice", foreign.id) as { translations: { en: { title: string } } }).translations.en.title;
    for (const p of [
      `/en/edit/practices/${foreign.id}`,
      `/en/edit/practices/${foreign.id}.data`,
      `/en/edit/practices/${foreign.id}/history`,
      `/en/edit/practices/${foreign.id}/history.data`,
    ]) {
      const res = await a.get(p);
      record(`read ${p}`, !(await res.text()).includes(title));
    }
    // 11. Ending somebody else's session; changing roles; inviting a curator.
    await a.post("/en/account", { intent: "end-session", session: (contributorB.cookie.split("=")[1] ?? "").split(".")[0]! });
    record("end another user's session", (await client(app.url, contributorB.cookie).get("/en/dashboard")).status === 200);
    record("change a role as contributor", (await a.post("/en/admin/users", { intent: "role", user: String(contributorA.id), role: "admin" })).status === 403);
    record(
      "invite as contributor",
      (await a.post("/en/admin/users", { intent: "invite", email: "x@y.example", role: "contributor", cities: cityA.slug })).status === 403,
    );
    const curatorInvitesAdmin = await client(app.url, curator.cookie).post("/en/admin/users", { intent: "invite", email: "boss@y.example", role: "admin" });
    record("curator invites an admin", curatorInvitesAdmin.status === 403 && !app.db.select().from(s.users).where(eq(s.users.email, "boss@y.example")).get());
    record("contributor role unchanged", app.db.select().from(s.users).where(eq(s.users.id, contributorA.id)).get()!.role === "contributor");

    console.log(`tampering: ${attempts.length} tampered requests, accepted ${accepted}`);
    expect(attempts.filter(([, ok]) => !ok).map(([n]) => n)).toEqual([]);
  });
});

describe("cross-site requests", () => {
  it("every route that accepts writes refuses cross-site and Origin-less posts, and nothing changes", async () => {
    const actors = { contributor: actor(contributorA), curator: actor(curator) };
    const item = itemInState(app.db, "practice", "draft", actors);
    const params = { lang: "en", type: "practices", id: String(item.id), tlang: "nl", token: "a".repeat(24) + "." + "b".repeat(24) };
    const writes = appRoutes().filter((r) => r.action);
    expect(writes.length).toBeGreaterThanOrEqual(10);
    const variants: [string, Record<string, string>][] = [
      ["evil Origin", { Origin: "https://evil.example" }],
      ["cross-site fetch metadata", { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" }],
      ["same-site (another subdomain)", { "Sec-Fetch-Site": "same-site", Origin: app.url.replace("localhost", "sub.localhost") }],
      ["Origin null", { Origin: "null" }],
      ["no Origin, no fetch metadata", {}],
    ];
    const snapshot = () =>
      JSON.stringify(
        ["practices", "practice_translations", "revisions", "review_events", "pending_changes", "users", "user_cities", "auth_tokens", "sessions"].map((t) =>
          app.db.$client.prepare(`SELECT * FROM ${t}`).all(),
        ),
      );
    const before = snapshot();
    let tested = 0;
    let accepted = 0;
    for (const route of writes) {
      const url = fill(route.pattern, params);
      for (const [, headers] of variants) {
        // Raw fetch: no helper adding same-origin headers.
        const res = await fetch(app.url + url, {
          method: "POST",
          body: new URLSearchParams({ intent: "submit", email: admin.email, password: TEST_PASSWORD, title: "x" }),
          headers: { Cookie: admin.cookie, ...headers },
          redirect: "manual",
        });
        tested++;
        if (res.status !== 403) accepted++;
      }
    }
    console.log(`CSRF: ${writes.length} mutating routes × ${variants.length} variants = ${tested} requests, accepted ${accepted}`);
    expect(accepted).toBe(0);
    expect(snapshot()).toBe(before);
    // The check is not a blanket refusal: the same post from our own page goes through.
    const ok = await client(app.url, curator.cookie).post(`/en/edit/practices/${item.id}/workflow`, { intent: "submit" });
    expect(ok.status).toBe(303);
  });

  it("browsing every page while signed in changes nothing (no state changes on GET)", async () => {
    const actors = { contributor: actor(contributorA), curator: actor(curator) };
    const item = itemInState(app.db, "practice", "published_draft", actors);
    const practiceSlug = app.db.select({ slug: s.practices.slug }).from(s.practices).where(eq(s.practices.id, item.id)).get()!.slug;
    const question = app.db.select({ slug: s.questions.slug }).from(s.questions).get()!.slug;
    const toolkit = app.db.select({ id: s.toolkits.id, slug: s.toolkits.slug }).from(s.toolkits).get()!;
    const chapter = app.db.select({ slug: s.toolkitChapters.slug }).from(s.toolkitChapters).where(eq(s.toolkitChapters.toolkitId, toolkit.id)).get()!.slug;
    const params = {
      lang: "en",
      type: "practices",
      id: String(item.id),
      tlang: "nl",
      token: "a".repeat(24) + "." + "b".repeat(24),
      slug: practiceSlug,
      chapter,
      "*": "nothing-here",
    };
    const urls = appRoutes()
      .filter((r) => r.loader && !r.pattern.includes(":slug"))
      .map((r) => fill(r.pattern, params));
    urls.push(
      `/en/practices/${practiceSlug}`,
      `/en/questions/${question}`,
      `/en/toolkits/${toolkit.slug}`,
      `/en/toolkits/${toolkit.slug}/${chapter}`,
      `/en/cities/${cityA.slug}`,
      "/en/logout",
      `/en/edit/practices/${item.id}/workflow`,
    );
    const tables = [
      "practices",
      "practice_translations",
      "practice_terms",
      "sources",
      "cities",
      "answers",
      "revisions",
      "review_events",
      "pending_changes",
      "users",
      "user_cities",
      "auth_tokens",
      "search_outbox",
    ];
    const snapshot = () => JSON.stringify(tables.map((t) => app.db.$client.prepare(`SELECT * FROM ${t}`).all()));
    const before = snapshot();
    let requests = 0;
    for (const u of urls) {
      for (const p of [u, `${u}.data`]) {
        const res = await client(app.url, admin.cookie).get(p);
        expect(res.status, p).toBeLessThan(500);
        requests++;
      }
    }
    console.log(`GET crawl while signed in: ${requests} requests, changed rows: ${snapshot() === before ? 0 : "some"}`);
    expect(snapshot()).toBe(before);
    expect(await signedIn(admin.cookie.split("=")[1]!)).toBe(true);
  });
});

describe("general write limit", () => {
  it("refuses writes beyond the per-minute limit of one address with 429, while reads go on", async () => {
    const limited = await startAppServer({ WRITE_RATE_LIMIT: "10" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 15; i++)
        statuses.push(
          (await client(limited.url).post("/en/reset-password", { email: `w${i}@nowhere.example` }, { "X-Forwarded-For": "198.51.100.200" })).status,
        );
      console.log(`write limit 10/min: statuses ${statuses.join(",")}`);
      expect(statuses.slice(0, 10).every((x) => x === 200)).toBe(true);
      expect(statuses.slice(10).every((x) => x === 429)).toBe(true);
      // Another address, and reading, are not affected.
      expect((await client(limited.url).post("/en/reset-password", { email: "x@nowhere.example" }, { "X-Forwarded-For": "198.51.100.201" })).status).toBe(200);
      expect((await client(limited.url).get("/en/practices", { "X-Forwarded-For": "198.51.100.200" })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});

describe("audit log and logs", () => {
  it("records logins, denials, publications and role changes, and the server log holds no passwords or tokens", async () => {
    const target = await userWithSession(app.db, "contributor", [cityA.id]);
    await client(app.url, admin.cookie).post("/en/admin/users", { intent: "role", user: String(target.id), role: "curator" });
    const item = itemInState(app.db, "practice", "in_review", { contributor: actor(contributorA), curator: actor(curator) });
    await client(app.url, curator.cookie).post(`/en/edit/practices/${item.id}/workflow`, { intent: "publish" });
    // (Its own address: denial rows are limited per address and minute, and other tests deny from loopback.)
    await client(app.url, contributorB.cookie).get(`/en/edit/practices/${item.id}/history`, { "X-Forwarded-For": "192.0.2.201" });
    await login(admin.email, TEST_PASSWORD);
    await login(target.email, "not-the-password-at-all", { "X-Forwarded-For": "192.0.2.200" });
    await client(app.url, admin.cookie).post("/en/admin/users", { intent: "disable", user: String(target.id) });
    const actions = new Set((app.db.$client.prepare("SELECT action || ':' || outcome a FROM audit_log").all() as { a: string }[]).map((r) => r.a));
    for (const expected of ["login:ok", "login:failed", "user.role:ok", "item.publish:ok", "history:denied", "user.disable:ok"])
      expect(actions, expected).toContain(expected);
    const at = app.db.$client.prepare("SELECT created_at FROM audit_log ORDER BY id DESC LIMIT 1").get() as { created_at: number };
    expect(Math.abs(at.created_at - Date.now())).toBeLessThan(60_000);
    const log = app.log();
    const sessionSecrets = [admin, curator, contributorA, contributorB].map((u) => u.cookie.split(".")[1]!);
    const leaks = [TEST_PASSWORD, "violet-harbour-bicycle-88", ...sessionSecrets].filter((secret) => log.includes(secret));
    const auditText = JSON.stringify(app.db.$client.prepare("SELECT * FROM audit_log").all());
    const auditLeaks = [TEST_PASSWORD, ...sessionSecrets].filter((secret) => auditText.includes(secret));
    console.log(`audit: ${actions.size} kinds of events; secrets found in the server log: ${leaks.length}, in the audit log: ${auditLeaks.length}`);
    expect(leaks).toEqual([]);
    expect(auditLeaks).toEqual([]);
  });
});

describe("plain HTTP on a public host", () => {
  it("the login page says that signing in needs HTTPS instead of failing silently", async () => {
    // A site configured with a plain-HTTP address on the network (only its configured host is served).
    const onLanSite = await startAppServer({ PUBLIC_URL: "http://192.0.2.10:3000" });
    try {
      // fetch() will not send another Host header; node:http will.
      const onLan = await new Promise<string>((resolve, reject) => {
        http
          .get(`${onLanSite.url}/en/login`, { headers: { Host: "192.0.2.10:3000" } }, (res) => {
            let body = "";
            res.on("data", (d) => (body += d));
            res.on("end", () => resolve(body));
          })
          .on("error", reject);
      });
      const onLocalhost = await (await client(app.url).get("/en/login")).text();
      // (The strings of the page's language travel in its data too: look for the rendered notice.)
      const notice = /<p class="form-error-summary">This site is served over plain HTTP/;
      expect(onLan).toMatch(notice);
      expect(onLocalhost).not.toMatch(notice);
    } finally {
      await onLanSite.stop();
    }
  });
});

describe("findings of the security review (regressions)", () => {
  it("a save whose body arrives after the item went into review is refused, and the item is unchanged", async () => {
    const item = itemInState(app.db, "practice", "draft", { contributor: actor(contributorA), curator: actor(curator) });
    app.db.insert(s.userCities).values({ userId: contributorA.id, cityId: item.cityId }).run();
    const body = new URLSearchParams({ intent: "save", title: "Sneaked in", summary: "S.", body: "B.", ongoing: "unknown" }).toString();
    const status = new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${app.url}/en/edit/practices/${item.id}`,
        {
          method: "POST",
          headers: {
            Cookie: contributorA.cookie,
            Origin: app.url,
            "Sec-Fetch-Site": "same-origin",
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": String(body.length),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(async () => {
        const submitted = await client(app.url, contributorA.cookie).post(`/en/edit/practices/${item.id}/workflow`, { intent: "submit" });
        expect(submitted.status).toBe(303);
        req.end(body.slice(10));
      }, 200);
    });
    expect(await status).toBe(403);
    const title = (readSnapshot(app.db, "practice", item.id) as { translations: { en: { title: string } } }).translations.en.title;
    expect(title).not.toBe("Sneaked in");
  });

  it("the preview applies the Markdown limits whatever the line endings", async () => {
    const item = itemInState(app.db, "practice", "draft", { contributor: actor(contributorA), curator: actor(curator) });
    const res = await client(app.url, curator.cookie).post(`/en/edit/practices/${item.id}`, {
      intent: "preview",
      title: "T",
      summary: "S",
      body: "- - x\r".repeat(16_000),
    });
    expect(res.status).toBe(200);
    // The preview says why there is none instead of rendering the list.
    const preview = /<section class="preview"[^]*?<\/section>/.exec(await res.text())?.[0] ?? "";
    expect(preview).toContain("This text is too complex to display: more than 2,000 list items");
    expect(preview).not.toContain("<li>");
  });

  it("reset links point at the configured site, not at a Host header the client chose", async () => {
    const u = await userWithSession(app.db, "contributor", [cityA.id]);
    const body = new URLSearchParams({ email: u.email }).toString();
    const port = new URL(app.url).port;
    const post = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          `${app.url}/en/reset-password`,
          {
            method: "POST",
            headers: { Host: host, Origin: `http://${host}`, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) },
          },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    // A foreign host is not served at all; another local name for this server is, but links keep PUBLIC_URL.
    expect(await post("evil.example")).toBe(421);
    expect(await post(`127.0.0.1:${port}`)).toBe(200);
    const mail = app.db.select().from(s.mailbox).where(eq(s.mailbox.to, u.email)).all();
    expect(mail.length).toBe(1);
    expect(mail[0]!.body).not.toContain("evil.example");
    expect(mail[0]!.body).not.toContain("127.0.0.1");
    expect(mail[0]!.body).toContain(`http://localhost:${port}/en/reset-password/`);
  });

  it("a chunked body of unknown length is refused with 411", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${app.url}/en/login`,
        { method: "POST", headers: { Origin: app.url, "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.write("email=a%40b.c&");
      req.end("password=x");
    });
    expect(status).toBe(411);
  });

  it("parallel guesses against one account are throttled too: one reaches the password check per address, the account-wide cap bounds the rest", async () => {
    const victim = await userWithSession(app.db, "contributor", [cityA.id]);
    // Posted as the page's script does (`.data`): refusals render no HTML, so a loaded machine does not push requests past the first one-second wait.
    const guess = (email: string, password: string, ip: string) => client(app.url).post("/en/login.data", { email, password }, { "X-Forwarded-For": ip });
    const sameClient = await Promise.all(
      Array.from({ length: 20 }, (_, i) => guess(victim.email, `parallel-guess-${i}`, "203.0.113.99").then((r) => r.status)),
    );
    const other = await userWithSession(app.db, "contributor", [cityA.id]);
    const manyClients = await Promise.all(
      Array.from({ length: 20 }, (_, i) => guess(other.email, `parallel-guess-${i}`, `203.0.113.${100 + i}`).then((r) => r.status)),
    );
    const checked = (xs: number[]) => xs.filter((x) => x === 400).length;
    console.log(
      `parallel guesses: one address ${checked(sameClient)} checked, ${sameClient.filter((x) => x === 429).length} throttled; 20 addresses ${checked(manyClients)} checked`,
    );
    expect(checked(sameClient)).toBe(1);
    expect(checked(manyClients)).toBe(FREE_FAILURES["account:"] + 1);
  });

  it("the current password cannot be guessed on the account page without throttling", async () => {
    const u = await userWithSession(app.db, "contributor", [cityA.id]);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await client(app.url, u.cookie).post("/en/account", { intent: "password", currentPassword: `guess-${i}`, password: "violet-harbour-bicycle-99" }))
          .status,
      );
    expect(statuses[0]).toBe(400);
    expect(statuses.slice(1)).toContain(429);
  });
});

describe("two-step verification", () => {
  it("once on, a correct password is not enough: the code is required, works once, and is throttled", async () => {
    const u = await userWithSession(app.db, "curator", []);
    const c = client(app.url, u.cookie);
    expect(await c.get("/en/dashboard").then((r) => r.text())).toMatch(TWO_STEP_REMINDER);
    expect((await c.post("/en/account", { intent: "totp-start", currentPassword: TEST_PASSWORD })).status).toBe(200);
    const pendingKey = app.db
      .select()
      .from(s.sessions)
      .where(eq(s.sessions.id, u.cookie.split("=")[1]!.split(".")[0]!))
      .get()!.totpPendingKey!;
    expect((await c.post("/en/account", { intent: "totp-confirm", code: "000000" === totpCode(pendingKey) ? "111111" : "000000" })).status).toBe(400);
    expect((await c.post("/en/account", { intent: "totp-confirm", code: totpCode(pendingKey) })).status).toBe(200);
    const key = app.db.select().from(s.users).where(eq(s.users.id, u.id)).get()!.totpKey!;
    expect(Buffer.compare(key, pendingKey)).toBe(0);
    expect(await c.get("/en/dashboard").then((r) => r.text())).not.toMatch(TWO_STEP_REMINDER);

    // Password right: no session yet, only the short-lived second-factor cookie.
    const first = await login(u.email, TEST_PASSWORD);
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toContain("/en/login/verify");
    const setCookie = first.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toContain("__Host-rce_2fa=");
    expect(setCookie).not.toContain("__Host-rce_session=");
    const pending = /__Host-rce_2fa=([^;]+)/.exec(setCookie)![1]!;
    const verifier = client(app.url, `__Host-rce_2fa=${pending}`);
    expect((await verifier.get("/en/dashboard")).status).toBe(302);
    // The code used to turn it on is spent; a wrong code fails; the current one signs in.
    expect((await verifier.post("/en/login/verify", { code: totpCode(key) })).status).toBe(400);
    expect((await verifier.post("/en/login/verify", { code: totpCode(key, Date.now() + 30_000) })).status).toBe(429);
    app.db
      .delete(s.loginThrottle)
      .where(eq(s.loginThrottle.key, `2fa:${u.id}`))
      .run();
    const ok = await verifier.post("/en/login/verify", { code: totpCode(key, Date.now() + 30_000) });
    expect(ok.status).toBe(302);
    const session = tokenOf(ok);
    expect(await signedIn(session)).toBe(true);
    // The second-factor cookie worked once.
    expect((await verifier.post("/en/login/verify", { code: totpCode(key, Date.now() + 30_000) })).status).toBe(302);
    expect((await verifier.get("/en/login/verify")).headers.get("Location")).toContain("/en/login");
    // Turning it off needs the password (and a current code).
    expect((await client(app.url, cookie(session)).post("/en/account", { intent: "totp-disable", currentPassword: TEST_PASSWORD })).status).toBe(400);
    expect(
      (
        await client(app.url, cookie(session)).post("/en/account", {
          intent: "totp-disable",
          currentPassword: "wrong-password-here",
          code: totpCode(key, Date.now() + 60_000),
        })
      ).status,
    ).toBe(400);
    expect(app.db.select().from(s.users).where(eq(s.users.id, u.id)).get()!.totpKey).not.toBeNull();
    // A lost authenticator: an administrator resets it, which also ends the person's sessions.
    expect((await client(app.url, admin.cookie).post("/en/admin/users", { intent: "reset-two-step", user: String(u.id) })).status).toBe(200);
    expect(app.db.select().from(s.users).where(eq(s.users.id, u.id)).get()!.totpKey).toBeNull();
    expect(await signedIn(session)).toBe(false);
    expect((await login(u.email, TEST_PASSWORD)).headers.get("Location")).toBe("/en/dashboard");
  });
});
