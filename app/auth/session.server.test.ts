import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createUserWithPassword, setDisabled, setRole } from "#app/auth/accounts.server.ts";
import { createTestDb } from "#app/testing/test-db.ts";
import type { DB } from "#db/client.ts";
import { ABSOLUTE_MS, createSession, INACTIVITY_MS, invalidateSession, invalidateUserSessions, newToken, validateSessionToken } from "./session.server.ts";

let t: ReturnType<typeof createTestDb>;
let db: DB;
let userId: number;

beforeEach(async () => {
  t = createTestDb();
  db = t.db;
  userId = await createUserWithPassword(db, { email: "s@example.org", displayName: "S", role: "curator", cityIds: [], password: "tram-lantern-orchard-29" });
});
afterEach(() => t.close());

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe("session tokens", () => {
  it("are unique, 120 random bits per part, and only a hash of the secret is stored", () => {
    const tokens = new Set(Array.from({ length: 10_000 }, () => newToken().token));
    expect(tokens.size).toBe(10_000);
    const { token } = createSession(db, userId);
    expect(token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/); // 24 base32 chars = 120 bits each
    const row = db.$client.prepare("SELECT * FROM sessions").get() as Record<string, unknown>;
    const [id, secret] = token.split(".");
    expect(row.id).toBe(id);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect((row.secret_hash as Buffer).length).toBe(32);
    console.log("session tokens: 10000 generated, 0 duplicates, 2 × 120 bits");
  });

  it("reject a tampered secret, an unknown id and malformed tokens", () => {
    const { token } = createSession(db, userId);
    const [id, secret] = token.split(".") as [string, string];
    const flipped = secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a");
    for (const bad of [`${id}.${flipped}`, `${"a".repeat(24)}.${secret}`, "", ".", token + ".x", token.toUpperCase(), `${id}`]) {
      expect(validateSessionToken(db, bad)).toBeNull();
    }
    expect(validateSessionToken(db, token)?.user.id).toBe(userId);
  });
});

describe("session lifetime (injected clock)", () => {
  it("ends after the inactivity timeout, and use keeps it alive", () => {
    const { token } = createSession(db, userId, {}, at(0));
    expect(validateSessionToken(db, token, at(INACTIVITY_MS - 1000))).not.toBeNull();
    // That use counted: another almost-full idle period is fine.
    expect(validateSessionToken(db, token, at(2 * INACTIVITY_MS - 2000))).not.toBeNull();
    expect(validateSessionToken(db, token, at(3 * INACTIVITY_MS))).toBeNull();
    // Expired sessions are deleted, not just refused.
    expect(db.$client.prepare("SELECT count(*) n FROM sessions").get()).toEqual({ n: 0 });
  });

  it("ends at the absolute lifetime even when used all the time", () => {
    const { token } = createSession(db, userId, {}, at(0));
    let now = 0;
    while (now + 30 * 60 * 1000 < ABSOLUTE_MS) {
      now += 30 * 60 * 1000;
      expect(validateSessionToken(db, token, at(now))).not.toBeNull();
    }
    expect(validateSessionToken(db, token, at(ABSOLUTE_MS))).toBeNull();
    console.log(`session limits: inactivity ${INACTIVITY_MS / 3_600_000} h, absolute ${ABSOLUTE_MS / 3_600_000} h (both enforced)`);
  });

  it("logout ends one session; disabling a user or changing their role ends all of them", () => {
    const a = createSession(db, userId).token;
    const b = createSession(db, userId).token;
    invalidateSession(db, a.split(".")[0]!);
    expect(validateSessionToken(db, a)).toBeNull();
    expect(validateSessionToken(db, b)).not.toBeNull();

    setRole(db, userId, "admin");
    expect(validateSessionToken(db, b)).toBeNull();

    const c = createSession(db, userId).token;
    setDisabled(db, userId, true);
    expect(validateSessionToken(db, c)).toBeNull();
    // A session somehow created for a disabled user is refused too.
    const d = createSession(db, userId).token;
    expect(validateSessionToken(db, d)).toBeNull();
  });

  it("can end every session but the current one", () => {
    const keep = createSession(db, userId);
    const others = [createSession(db, userId).token, createSession(db, userId).token];
    expect(invalidateUserSessions(db, userId, keep.session.id)).toBe(2);
    expect(validateSessionToken(db, keep.token)).not.toBeNull();
    for (const o of others) expect(validateSessionToken(db, o)).toBeNull();
  });
});
