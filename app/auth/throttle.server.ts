import { eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { loginThrottle } from "#db/schema/index.ts";

/**
 * Growing delay after failed logins (the Lucia guide's throttling steps), kept per account and per
 * IP. An unknown email is throttled exactly like a known one, so the delay reveals nothing.
 * The account key never locks anyone out for good: the longest wait is five minutes, and a
 * successful login or a password reset clears it.
 */
const STEPS_S = [0, 1, 2, 4, 8, 16, 30, 60, 180, 300];
/** The IP key is more lenient: offices and universities share addresses. */
const IP_FREE_FAILURES = 20;
/** Failures older than this are forgotten. */
const FORGET_MS = 60 * 60 * 1000;

export const emailKey = (email: string) => `email:${email}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Seconds to wait before this key may try again, 0 if it may now. */
export function waitSeconds(db: DB, key: string, now = Date.now()): number {
  const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  if (!row || now - row.lastFailureAt.getTime() > FORGET_MS) return 0;
  return Math.max(0, Math.ceil((row.blockedUntil.getTime() - now) / 1000));
}

function store(db: DB, key: string, failures: number, now: number): void {
  const counted = key.startsWith("ip:") ? failures - IP_FREE_FAILURES : failures;
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
