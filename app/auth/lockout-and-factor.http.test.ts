import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createSession } from "#app/auth/session.server.ts";
import { accountKey, FREE_FAILURES } from "#app/auth/throttle.server.ts";
import { displayKey, totpCode } from "#app/auth/totp.server.ts";
import { client, startAppServer, TEST_PASSWORD, userWithSession, type AppServer } from "#app/testing/app-server.ts";
import * as s from "#db/schema/index.ts";

/**
 * Regressions for the security review of December 2026 (shared/reference/reviews/security-2026-12.md):
 * F3, an attacker failing logins from elsewhere must not keep the owner out; F4, a session alone
 * must not replace or remove the second factor. Against the real production server.
 */
let app: AppServer;
beforeAll(async () => {
  app = await startAppServer();
}, 120_000);
afterAll(() => app?.stop());

const OWNER_IP = "192.0.2.10";
const login = (email: string, password: string, ip: string, cookie?: string) =>
  client(app.url, cookie).post("/en/login", { email, password }, { "X-Forwarded-For": ip });
const cookieValue = (res: Response, name: string) => new RegExp(`${name}=([^;]*)`).exec(res.headers.get("Set-Cookie") ?? "")?.[1] ?? "";
const sessionCookie = (token: string) => `__Host-rce_session=${token}`;
const deviceCookie = (token: string) => `__Host-rce_device=${token}`;
const sessionId = (cookie: string) => cookie.split("=")[1]!.split(".")[0]!;
const signedIn = async (cookie: string) => (await client(app.url, cookie).get("/en/dashboard")).status === 200;
/** The rendered login error (the page's strings also travel in its data). */
const loginError = (html: string) => /<p class="form-error-summary" role="alert" id="login-error">(.*?)<\/p>/s.exec(html)?.[1] ?? "";
/** Lets the account-wide wait pass (the test cannot sit out minutes of back-off). */
const letAccountWaitPass = (email: string) =>
  app.db
    .update(s.loginThrottle)
    .set({ blockedUntil: new Date(0) })
    .where(eq(s.loginThrottle.key, accountKey(email)))
    .run();
const userRow = (id: number) => app.db.select().from(s.users).where(eq(s.users.id, id)).get()!;
const pendingOf = (cookie: string) =>
  app.db
    .select()
    .from(s.sessions)
    .where(eq(s.sessions.id, sessionId(cookie)))
    .get()?.totpPendingKey ?? null;
/** A code is never accepted twice and only 3 steps are valid at a time; the test cannot wait 30 s per code. */
const letCodesPass = (id: number) => app.db.update(s.users).set({ totpLastStep: null }).where(eq(s.users.id, id)).run();
const otherSession = (userId: number) => sessionCookie(createSession(app.db, userId).token);
/** After a failed check its key makes the next one wait (1 s after the first failure, 2 s after the second). */
const sitOutDelay = (seconds = 1) => new Promise((r) => setTimeout(r, seconds * 1000 + 100));
const auditText = () => JSON.stringify(app.db.$client.prepare("SELECT * FROM audit_log").all());

/** Turns two-step verification on the legitimate way, in the session `cookie`; returns the key. */
async function enableTwoStep(cookie: string, userId: number): Promise<Buffer> {
  const c = client(app.url, cookie);
  expect((await c.post("/en/account", { intent: "totp-start", currentPassword: TEST_PASSWORD })).status).toBe(200);
  const key = pendingOf(cookie)!;
  expect(key).not.toBeNull();
  expect((await c.post("/en/account", { intent: "totp-confirm", code: totpCode(key) })).status).toBe(200);
  expect(Buffer.compare(userRow(userId).totpKey!, key)).toBe(0);
  letCodesPass(userId);
  return key;
}

/** Password, then the code: the session cookie, or the status where it stopped. */
async function signInWithCode(email: string, key: Buffer, ip = OWNER_IP): Promise<{ status: number; cookie: string }> {
  const first = await login(email, TEST_PASSWORD, ip);
  if (first.status !== 302 || !first.headers.get("Location")?.includes("/login/verify")) return { status: first.status, cookie: "" };
  const pending = cookieValue(first, "__Host-rce_2fa");
  const res = await client(app.url, `__Host-rce_2fa=${pending}`).post(
    "/en/login/verify",
    { code: totpCode(key, Date.now() + 30_000) },
    { "X-Forwarded-For": ip },
  );
  return { status: res.status, cookie: res.status === 302 ? sessionCookie(cookieValue(res, "__Host-rce_session")) : "" };
}

describe("F3: an attacker failing from elsewhere cannot hold the owner's login shut", () => {
  it("the owner signs in from their own address while an attacker keeps failing from others; past the account-wide cap a known device still gets in, a new one is told why", async () => {
    const owner = await userWithSession(app.db, "curator", []);
    // An earlier sign-in from the owner's browser made it a known device.
    const first = await login(owner.email, TEST_PASSWORD, OWNER_IP);
    expect(first.status).toBe(302);
    const set = first.headers.get("Set-Cookie") ?? "";
    for (const a of ["__Host-rce_device=", "HttpOnly", "Secure", "SameSite=Lax", "Path=/", "Max-Age="]) expect(set).toContain(a);
    expect(set).not.toMatch(/Domain=/i);
    const device = deviceCookie(cookieValue(first, "__Host-rce_device"));

    // Up to the account-wide cap, the owner gets in from their own address even from a new browser.
    const attacker: number[] = [];
    const attack = async (i: number) => attacker.push((await login(owner.email, `attacker-guess-${i}`, `198.18.${i}.1`)).status);
    for (let i = 0; i < FREE_FAILURES["account:"]; i++) {
      await attack(i);
      expect((await login(owner.email, TEST_PASSWORD, OWNER_IP)).status, `new browser after ${i + 1} attacker failures`).toBe(302);
    }
    // The attacker keeps failing from ever new addresses (each account-wide wait sat out); the
    // known device gets in after every failure.
    const ATTACKS = 40;
    let ownerIn = 0;
    for (let i = FREE_FAILURES["account:"]; i < ATTACKS; i++) {
      letAccountWaitPass(owner.email);
      await attack(i);
      if ((await login(owner.email, TEST_PASSWORD, OWNER_IP, device)).status === 302) ownerIn++;
    }
    console.log(
      `F3: attacker failures ${attacker.filter((x) => x === 400).length}/${attacker.length}; the owner got in from a new browser after each of the first ${FREE_FAILURES["account:"]}, and with the known-device cookie after ${ownerIn} of the ${ATTACKS - FREE_FAILURES["account:"]} beyond the cap`,
    );
    expect(attacker.every((x) => x === 400)).toBe(true);
    expect(ownerIn).toBe(ATTACKS - FREE_FAILURES["account:"]);

    // Past the cap, a new browser waits and is told why, in its language.
    const paused = await login(owner.email, TEST_PASSWORD, OWNER_IP);
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get("Retry-After"))).toBeGreaterThan(0);
    const message = loginError(await paused.text());
    expect(message).toContain("Many failed sign-ins for this account have come from elsewhere");
    expect(message).toContain("Signing in from a device you have used here before still works.");
    expect(message).toContain('href="/en/reset-password"');
    const german = await client(app.url).post("/de/login", { email: owner.email, password: TEST_PASSWORD }, { "X-Forwarded-For": OWNER_IP });
    expect(german.status).toBe(429);
    expect(loginError(await german.text())).toContain("Für dieses Konto gab es von anderswo viele fehlgeschlagene Anmeldeversuche");
    // Still paused for new browsers; the cookie of another account does not help.
    const stranger = await userWithSession(app.db, "curator", []);
    const strangerDevice = deviceCookie(cookieValue(await login(stranger.email, TEST_PASSWORD, "192.0.2.77"), "__Host-rce_device"));
    expect((await login(owner.email, TEST_PASSWORD, OWNER_IP, strangerDevice)).status).toBe(429);
    expect((await login(owner.email, TEST_PASSWORD, OWNER_IP, "__Host-rce_device=" + "a".repeat(24) + "." + "b".repeat(24))).status).toBe(429);

    // Lockouts are audited, without passwords or the device secret.
    const lockouts = app.db.$client
      .prepare("SELECT count(*) n FROM audit_log WHERE action = 'login' AND outcome = 'denied' AND detail LIKE '%account_throttled%' AND detail LIKE ?")
      .get(`%${owner.email}%`) as { n: number };
    expect(lockouts.n).toBeGreaterThanOrEqual(2);
    const audit = auditText();
    for (const secret of [TEST_PASSWORD, "attacker-guess-3", device.split(".")[1]!]) expect(audit).not.toContain(secret);
  });

  it("an unknown email is paused exactly like a known one (the message reveals nothing)", async () => {
    const known = await userWithSession(app.db, "curator", []);
    const unknown = `nobody-${Math.random().toString(36).slice(2)}@nowhere.example`;
    for (let i = 0; i < FREE_FAILURES["account:"] + 4; i++) {
      letAccountWaitPass(known.email);
      letAccountWaitPass(unknown);
      expect((await login(known.email, `guess-${i}`, `198.19.${i}.1`)).status).toBe(400);
      expect((await login(unknown, `guess-${i}`, `198.19.${i}.2`)).status).toBe(400);
    }
    const a = await login(known.email, TEST_PASSWORD, OWNER_IP);
    const b = await login(unknown, TEST_PASSWORD, OWNER_IP);
    expect([a.status, b.status]).toEqual([429, 429]);
    expect(Number(a.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(b.headers.get("Retry-After"))).toBeGreaterThan(0);
    const bodyA = loginError(await a.text());
    expect(bodyA).toContain("Many failed sign-ins");
    expect(loginError(await b.text())).toBe(bodyA);
  });

  it("parallel guesses stay bounded: one per account and address, the account-wide cap across addresses, one per known-device cookie", async () => {
    // Posted as the page's own script does (`.data`): refusals then render no HTML, so on a loaded
    // machine the server's event loop does not push the last requests past the first one-second wait.
    const guess = (email: string, password: string, ip: string, cookie?: string) =>
      client(app.url, cookie).post("/en/login.data", { email, password }, { "X-Forwarded-For": ip });
    const v = await userWithSession(app.db, "curator", []);
    const checked = (xs: number[]) => xs.filter((x) => x === 400).length;
    const oneAddress = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(v.email, `parallel-${i}`, "203.0.113.50").then((r) => r.status)));
    const w = await userWithSession(app.db, "curator", []);
    const manyAddresses = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(w.email, `parallel-${i}`, `203.0.113.${60 + i}`).then((r) => r.status)));
    // A device cookie (say, stolen) lifts the account-wide cap, but its own key counts every guess.
    const x = await userWithSession(app.db, "curator", []);
    const device = deviceCookie(cookieValue(await login(x.email, TEST_PASSWORD, OWNER_IP), "__Host-rce_device"));
    for (let i = 0; i <= FREE_FAILURES["account:"]; i++) await login(x.email, `guess-${i}`, `198.20.${i}.1`);
    const withDevice = await Promise.all(
      Array.from({ length: 20 }, (_, i) => guess(x.email, `parallel-${i}`, `203.0.114.${i + 1}`, device).then((r) => r.status)),
    );
    console.log(
      `parallel guesses: one address ${checked(oneAddress)}/20 checked; 20 addresses ${checked(manyAddresses)}/20; known-device cookie from 20 addresses ${checked(withDevice)}/20`,
    );
    expect(checked(oneAddress)).toBe(1);
    expect(checked(manyAddresses)).toBe(FREE_FAILURES["account:"] + 1);
    expect(checked(withDevice)).toBe(1);
    expect([...oneAddress, ...manyAddresses, ...withDevice].every((s) => s === 400 || s === 429)).toBe(true);
  });
});

describe("F4: the second factor cannot be replaced or removed with a session alone", () => {
  it("with two-step verification on, a session alone cannot start a new key, see one or confirm one; the original authenticator keeps working", async () => {
    const u = await userWithSession(app.db, "curator", []);
    const original = await enableTwoStep(u.cookie, u.id);
    const stolen = otherSession(u.id); // e.g. a cookie taken from an unlocked laptop
    const thief = client(app.url, stolen);
    expect((await thief.post("/en/account", { intent: "totp-start" })).status).toBe(400);
    await sitOutDelay();
    expect((await thief.post("/en/account", { intent: "totp-start", currentPassword: TEST_PASSWORD })).status).toBe(400); // no current code
    expect(pendingOf(stolen)).toBeNull();
    const data = await (await thief.get("/en/account.data")).text();
    expect(data).not.toContain("otpauth://");
    expect(data).not.toMatch(/"[A-Z2-7]{4}( [A-Z2-7]{4}){7}"/); // no key in any form

    // The owner starts a change in their own session: the thief's session neither sees nor confirms it.
    letCodesPass(u.id);
    await sitOutDelay();
    expect(
      (await client(app.url, u.cookie).post("/en/account", { intent: "totp-start", currentPassword: TEST_PASSWORD, code: totpCode(original) })).status,
    ).toBe(200);
    const ownersNewKey = pendingOf(u.cookie)!;
    const thiefData = await (await thief.get("/en/account.data")).text();
    expect(thiefData).not.toContain(displayKey(ownersNewKey));
    expect(thiefData).not.toContain("otpauth://");
    expect(await (await client(app.url, u.cookie).get("/en/account.data")).text()).toContain(displayKey(ownersNewKey));
    expect((await thief.post("/en/account", { intent: "totp-confirm", code: totpCode(ownersNewKey) })).status).toBe(400);
    expect((await thief.post("/en/account", { intent: "totp-disable", currentPassword: TEST_PASSWORD })).status).toBe(400);
    expect((await client(app.url, u.cookie).post("/en/account", { intent: "totp-cancel" })).status).toBe(200);
    expect(Buffer.compare(userRow(u.id).totpKey!, original)).toBe(0);

    // The original authenticator still signs in.
    letCodesPass(u.id);
    await sitOutDelay();
    const again = await signInWithCode(u.email, original);
    expect(again.status).toBe(302);
    expect(await signedIn(again.cookie)).toBe(true);
    const refused = app.db.$client
      .prepare("SELECT count(*) n FROM audit_log WHERE actor_id = ? AND action = 'second_factor.setup' AND outcome = 'failed'")
      .get(u.id) as { n: number };
    expect(refused.n).toBe(2);
  });

  it("a change with the current password and a current code works, ends the other sessions and is audited without secrets", async () => {
    const u = await userWithSession(app.db, "curator", []);
    const original = await enableTwoStep(u.cookie, u.id);
    const other = otherSession(u.id);
    const c = client(app.url, u.cookie);
    // Wrong password, then a wrong code: refused, and nothing is pending.
    expect((await c.post("/en/account", { intent: "totp-start", currentPassword: "not-the-password-1", code: totpCode(original) })).status).toBe(400);
    const wrongCode = totpCode(original) === "000000" ? "111111" : "000000";
    await sitOutDelay();
    expect((await c.post("/en/account", { intent: "totp-start", currentPassword: TEST_PASSWORD, code: wrongCode })).status).toBe(400);
    expect(pendingOf(u.cookie)).toBeNull();
    // Both right: a new key is pending in this session only.
    await sitOutDelay();
    expect((await c.post("/en/account", { intent: "totp-start", currentPassword: TEST_PASSWORD, code: totpCode(original, Date.now() + 30_000) })).status).toBe(
      200,
    );
    const next = pendingOf(u.cookie)!;
    expect(pendingOf(other)).toBeNull();
    expect((await c.post("/en/account", { intent: "totp-confirm", code: totpCode(next) === "000000" ? "111111" : "000000" })).status).toBe(400);
    expect((await c.post("/en/account", { intent: "totp-confirm", code: totpCode(next) })).status).toBe(200);
    expect(Buffer.compare(userRow(u.id).totpKey!, next)).toBe(0);
    expect(await signedIn(other)).toBe(false);
    expect(await signedIn(u.cookie)).toBe(true);
    // The old authenticator no longer signs in; the new one does.
    letCodesPass(u.id);
    expect((await signInWithCode(u.email, original)).status).toBe(400);
    letCodesPass(u.id);
    await sitOutDelay();
    expect((await signInWithCode(u.email, next)).status).toBe(302);
    const rows = app.db.$client.prepare("SELECT action, outcome, detail FROM audit_log WHERE actor_id = ? AND action LIKE 'second_factor.%'").all(u.id) as {
      action: string;
      outcome: string;
      detail: string | null;
    }[];
    expect(rows.map((r) => `${r.action}:${r.outcome}`)).toEqual(
      expect.arrayContaining(["second_factor.enable:ok", "second_factor.setup:failed", "second_factor.change:ok"]),
    );
    const text = JSON.stringify(rows);
    for (const secret of [TEST_PASSWORD, "not-the-password-1", displayKey(original).replace(/ /g, ""), displayKey(next).replace(/ /g, ""), totpCode(next)])
      expect(text).not.toContain(secret);
  });

  it("turning it off needs the current password and a current code, and ends the other sessions", async () => {
    const u = await userWithSession(app.db, "curator", []);
    const key = await enableTwoStep(u.cookie, u.id);
    const other = otherSession(u.id);
    const c = client(app.url, u.cookie);
    expect((await c.post("/en/account", { intent: "totp-disable", currentPassword: TEST_PASSWORD })).status).toBe(400);
    expect(userRow(u.id).totpKey).not.toBeNull();
    await sitOutDelay();
    expect((await c.post("/en/account", { intent: "totp-disable", currentPassword: TEST_PASSWORD, code: totpCode(key, Date.now() + 30_000) })).status).toBe(
      200,
    );
    expect(userRow(u.id).totpKey).toBeNull();
    expect(await signedIn(other)).toBe(false);
    expect(await signedIn(u.cookie)).toBe(true);
  });

  it("without two-step verification, setting it up needs the current password; the key goes to the starting session only, for ten minutes", async () => {
    const u = await userWithSession(app.db, "curator", []);
    const other = otherSession(u.id);
    const c = client(app.url, u.cookie);
    expect((await c.post("/en/account", { intent: "totp-start" })).status).toBe(400);
    expect(pendingOf(u.cookie)).toBeNull();
    await sitOutDelay();
    const wrong = await c.post("/en/account", { intent: "totp-start", currentPassword: "not-the-password-2" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("wrong_password");
    await sitOutDelay(2);
    expect((await c.post("/en/account", { intent: "totp-start", currentPassword: TEST_PASSWORD })).status).toBe(200);
    const key = pendingOf(u.cookie)!;
    expect(await (await c.get("/en/account.data")).text()).toContain(displayKey(key));
    expect(await (await client(app.url, other).get("/en/account.data")).text()).not.toContain(displayKey(key));
    expect((await client(app.url, other).post("/en/account", { intent: "totp-confirm", code: totpCode(key) })).status).toBe(400);
    // Ten minutes later the key is gone, and its code no longer turns anything on.
    app.db
      .update(s.sessions)
      .set({ totpPendingUntil: new Date(Date.now() - 1000) })
      .where(eq(s.sessions.id, sessionId(u.cookie)))
      .run();
    expect(await (await c.get("/en/account.data")).text()).not.toContain(displayKey(key));
    const late = await c.post("/en/account", { intent: "totp-confirm", code: totpCode(key) });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("setup_expired");
    expect(userRow(u.id).totpKey).toBeNull();
  });
});
