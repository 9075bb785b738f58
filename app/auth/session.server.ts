import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, eq, ne } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { sessions, userCities, users, type Role } from "#db/schema/index.ts";

/**
 * Sessions as the Lucia guide writes them (docs/decisions/005-sessions.md): the cookie carries
 * `<id>.<secret>`, each part 120 random bits; the table keeps SHA-256(secret) only, compared in
 * constant time. A session ends after INACTIVITY_MS without use or ABSOLUTE_MS after login,
 * whichever comes first.
 */
export const INACTIVITY_MS = 2 * 60 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60 * 1000;

export type SessionUser = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  cityIds: number[];
};
export type Session = { id: string; userId: number; createdAt: Date; lastSeenAt: Date };

function randomPart(): string {
  const bytes = new Uint8Array(15); // 120 bits
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashSecret(secret: string): Buffer {
  return Buffer.from(sha256(new TextEncoder().encode(secret)));
}

/** A fresh `<id>.<secret>` pair; only the hash of the secret is ever stored. */
export function newToken(): { id: string; secret: string; token: string } {
  const id = randomPart();
  const secret = randomPart();
  return { id, secret, token: `${id}.${secret}` };
}

export function splitToken(token: string): { id: string; secret: string } | null {
  const m = /^([a-z2-7]{24})\.([a-z2-7]{24})$/.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

export function secretMatches(secret: string, storedHash: Buffer | Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), new Uint8Array(storedHash));
}

export function createSession(db: DB, userId: number, meta: { userAgent?: string; ip?: string } = {}, now = new Date()): { token: string; session: Session } {
  const { id, secret, token } = newToken();
  db.insert(sessions)
    .values({ id, secretHash: hashSecret(secret), userId, createdAt: now, lastSeenAt: now, userAgent: (meta.userAgent ?? "").slice(0, 200), ip: meta.ip ?? "" })
    .run();
  return { token, session: { id, userId, createdAt: now, lastSeenAt: now } };
}

export function isExpired(s: { createdAt: Date; lastSeenAt: Date }, now: Date): boolean {
  return now.getTime() - s.lastSeenAt.getTime() >= INACTIVITY_MS || now.getTime() - s.createdAt.getTime() >= ABSOLUTE_MS;
}

/** The session and its user, or null: unknown, tampered, expired, or the user is disabled. */
export function validateSessionToken(db: DB, token: string, now = new Date()): { session: Session; user: SessionUser } | null {
  const parts = splitToken(token);
  if (!parts) return null;
  const row = db.select({ s: sessions, u: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, parts.id)).get();
  if (!row || !secretMatches(parts.secret, row.s.secretHash)) return null;
  if (isExpired(row.s, now) || row.u.disabledAt) {
    db.delete(sessions).where(eq(sessions.id, row.s.id)).run();
    return null;
  }
  if (now.getTime() - row.s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.s.id)).run();
    row.s.lastSeenAt = now;
  }
  const cityIds = db
    .select({ id: userCities.cityId })
    .from(userCities)
    .where(eq(userCities.userId, row.u.id))
    .all()
    .map((r) => r.id);
  return {
    session: { id: row.s.id, userId: row.s.userId, createdAt: row.s.createdAt, lastSeenAt: row.s.lastSeenAt },
    user: { id: row.u.id, email: row.u.email, displayName: row.u.displayName, role: row.u.role, cityIds },
  };
}

export function invalidateSession(db: DB, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a user, or every one but `keep` (after a password change). */
export function invalidateUserSessions(db: DB, userId: number, keep?: string): number {
  const where = keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId);
  return db.delete(sessions).where(where).run().changes;
}

/** Ends one of the user's own sessions; the user id in the WHERE keeps it to their own. */
export function endUserSession(db: DB, userId: number, sessionId: string): boolean {
  return (
    db
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
      .run().changes === 1
  );
}

export function listUserSessions(db: DB, userId: number) {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent, ip: sessions.ip })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all();
}
