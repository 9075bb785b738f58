import { and, desc, eq, gt, lte, notInArray } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { knownDevices } from "#db/schema/index.ts";
import { knownDeviceCookie, readKnownDeviceToken } from "./cookie.server.ts";
import { hashSecret, newToken, secretMatches, splitToken } from "./session.server.ts";

/**
 * Known devices (ADR 005): a browser that completed a sign-in gets a long-lived `__Host-rce_device`
 * cookie holding `<id>.<secret>` (120 random bits each; the table keeps SHA-256(secret) only). At
 * login it lets the browser skip the account-wide throttle, never the per-address or per-device
 * ones. It proves nothing else: the password (and code) are still required.
 */
export const KNOWN_DEVICE_MS = 180 * 24 * 60 * 60 * 1000;
/** Older devices of a user are forgotten beyond this many. */
const MAX_PER_USER = 20;

/** The id of this browser's known-device record for `userId`, or null (absent, tampered, expired, another user's). */
export function knownDeviceId(db: DB, request: Request, userId: number | null | undefined, now = new Date()): string | null {
  const parts = splitToken(readKnownDeviceToken(request) ?? "");
  if (!parts || !userId) return null;
  const row = db.select().from(knownDevices).where(eq(knownDevices.id, parts.id)).get();
  if (!row || row.userId !== userId || row.expiresAt <= now || !secretMatches(parts.secret, row.secretHash)) return null;
  return row.id;
}

/**
 * After a successful sign-in (or a completed password reset): this browser becomes, or stays, a
 * known device of the user for another KNOWN_DEVICE_MS. Returns the Set-Cookie value.
 */
export function rememberDevice(db: DB, request: Request, userId: number, now = new Date()): string {
  const expiresAt = new Date(now.getTime() + KNOWN_DEVICE_MS);
  const current = readKnownDeviceToken(request);
  const id = knownDeviceId(db, request, userId, now);
  if (id && current) {
    db.update(knownDevices).set({ expiresAt }).where(eq(knownDevices.id, id)).run();
    return knownDeviceCookie(current, KNOWN_DEVICE_MS / 1000);
  }
  const { id: newId, secret, token } = newToken();
  db.transaction(
    (tx) => {
      tx.delete(knownDevices).where(lte(knownDevices.expiresAt, now)).run();
      tx.insert(knownDevices)
        .values({ id: newId, secretHash: hashSecret(secret), userId, createdAt: now, expiresAt })
        .run();
      const keep = tx
        .select({ id: knownDevices.id })
        .from(knownDevices)
        .where(and(eq(knownDevices.userId, userId), gt(knownDevices.expiresAt, now)))
        .orderBy(desc(knownDevices.createdAt))
        .limit(MAX_PER_USER)
        .all()
        .map((r) => r.id);
      tx.delete(knownDevices)
        .where(and(eq(knownDevices.userId, userId), notInArray(knownDevices.id, keep)))
        .run();
    },
    { behavior: "immediate" },
  );
  return knownDeviceCookie(token, KNOWN_DEVICE_MS / 1000);
}

/** Forgets every known device of a user (a new password: whoever knew the old one loses the shortcut). */
export function forgetDevices(db: DB, userId: number): number {
  return db.delete(knownDevices).where(eq(knownDevices.userId, userId)).run().changes;
}
