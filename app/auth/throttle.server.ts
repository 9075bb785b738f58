import { eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { loginThrottle } from "#db/schema/index.ts";

/**
 * Growing delay after failed attempts (the Lucia guide's throttling steps), kept per key
 * (docs/decisions/005). A login is counted against four keys:
 * - the account from this client address (`account-ip:`): strict, from the first failure, so one
 *   address cannot guess, and parallel guesses from it are checked one at a time;
 * - the client address (`ip:`): against spraying many accounts; lenient, offices share addresses;
 * - the account from anywhere (`account:`): a looser cap that bounds guessing from many
 *   addresses; a browser that signed in to the account before (a known device) skips it;
 * - the known device (`device:`): strict, so a stolen device cookie does not lift the cap for
 *   guessing from many addresses.
 * An attacker failing from elsewhere therefore never blocks the owner's own address or devices.
 * An unknown email is throttled exactly like a known one, so the delay reveals nothing.
 */
const STEPS_S = [0, 1, 2, 4, 8, 16, 30, 60, 180, 300];
/**
 * Failures a key may have before the delay starts (keys not listed: none). The first code of a key
 * being set up allows a few typing mistakes: that session has just re-authenticated.
 */
export const FREE_FAILURES = { "ip:": 20, "account:": 10, "2fa-setup:": 5 } as const;
/** Failures older than this are forgotten. */
const FORGET_MS = 60 * 60 * 1000;

/** Across all addresses (skipped by a known device). */
export const accountKey = (email: string) => `account:${email}`;
/** The account from one client address. */
export const accountIpKey = (email: string, ip: string) => `account-ip:${ip}|${email}`;
export const ipKey = (ip: string) => `ip:${ip}`;
/** One known-device cookie (its id, never its secret). */
export const deviceKey = (deviceId: string) => `device:${deviceId}`;
/** Re-authentication on the account page (current password), per signed-in user. */
export const reauthKey = (userId: number) => `reauth:${userId}`;
/** Second-factor codes, at sign-in and on the account page. */
export const secondFactorKey = (userId: number) => `2fa:${userId}`;
/** The first code from a key being set up, per session. */
export const secondFactorSetupKey = (sessionId: string) => `2fa-setup:${sessionId}`;
/** Other one-per-address actions keyed by an email (reset mails). */
export const emailKey = (email: string) => `email:${email}`;

function freeFailures(key: string): number {
  for (const [prefix, free] of Object.entries(FREE_FAILURES)) if (key.startsWith(prefix)) return free;
  return 0;
}

/** Seconds to wait before this key may try again, 0 if it may now. */
export function waitSeconds(db: DB, key: string, now = Date.now()): number {
  const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  if (!row || now - row.lastFailureAt.getTime() > FORGET_MS) return 0;
  return Math.max(0, Math.ceil((row.blockedUntil.getTime() - now) / 1000));
}

function store(db: DB, key: string, failures: number, now: number): void {
  const counted = failures - freeFailures(key);
  const delay = counted <= 0 ? 0 : STEPS_S[Math.min(counted, STEPS_S.length - 1)]!;
  const values = { key, failures, lastFailureAt: new Date(now), blockedUntil: new Date(now + delay * 1000) };
  db.insert(loginThrottle).values(values).onConflictDoUpdate({ target: loginThrottle.key, set: values }).run();
}

export function recordFailure(db: DB, key: string, now = Date.now()): void {
  const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  store(db, key, row && now - row.lastFailureAt.getTime() <= FORGET_MS ? row.failures + 1 : 1, now);
}

/** Takes back one failure recorded ahead of a check that then succeeded. */
export function forgiveFailure(db: DB, key: string, now = Date.now()): void {
  const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  if (!row) return;
  if (row.failures <= 1) clearFailures(db, key);
  else store(db, key, row.failures - 1, now);
}

export function clearFailures(db: DB, key: string): void {
  db.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}

/**
 * One throttled check of a secret (the current password, a second-factor code): counted as a
 * failure before the check, which may be asynchronous, and cleared when it succeeds.
 */
export async function throttledCheck(db: DB, key: string, check: () => boolean | Promise<boolean>): Promise<{ ok: true } | { ok: false; wait: number }> {
  const wait = waitSeconds(db, key);
  if (wait > 0) return { ok: false, wait };
  recordFailure(db, key);
  if (!(await check())) return { ok: false, wait: 0 };
  clearFailures(db, key);
  return { ok: true };
}
