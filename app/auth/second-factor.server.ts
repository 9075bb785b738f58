import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { sessions, users } from "#db/schema/index.ts";
import { getUserById } from "#app/models/users.server.ts";
import { invalidateUserSessions } from "./session.server.ts";
import { matchTotp, newTotpKey } from "./totp.server.ts";

/** How long a key being set up waits for its first code. */
export const TOTP_SETUP_MS = 10 * 60 * 1000;

/**
 * Two-step verification: a new key waits on the session that started the setup (after
 * re-authentication) until a code from it is confirmed there, or TOTP_SETUP_MS pass. Other
 * sessions, even of the same user, never see it.
 */
export function startTotpSetup(db: DB, sessionId: string, now = new Date()): Buffer {
  const key = newTotpKey();
  db.update(sessions)
    .set({ totpPendingKey: key, totpPendingUntil: new Date(now.getTime() + TOTP_SETUP_MS) })
    .where(eq(sessions.id, sessionId))
    .run();
  return key;
}

/** The key this session is setting up, while the setup lasts. */
export function pendingTotpKey(db: DB, sessionId: string, now = new Date()): { key: Buffer; until: Date } | null {
  const row = db.select({ key: sessions.totpPendingKey, until: sessions.totpPendingUntil }).from(sessions).where(eq(sessions.id, sessionId)).get();
  if (!row?.key || !row.until || row.until <= now) return null;
  return { key: row.key, until: row.until };
}

export function cancelTotpSetup(db: DB, sessionId: string): void {
  db.update(sessions).set({ totpPendingKey: null, totpPendingUntil: null }).where(eq(sessions.id, sessionId)).run();
}

/**
 * Confirms the key being set up in this session with a code from it, in one transaction: it
 * replaces any earlier key and every other session of the user ends. Null when this session has
 * no setup in progress (`no_setup`) or the code is wrong (`bad_code`).
 */
export function confirmTotp(
  db: DB,
  userId: number,
  sessionId: string,
  code: string,
  now = Date.now(),
): { ok: true; replaced: boolean; ended: number } | { ok: false; reason: "no_setup" | "bad_code" } {
  return db.transaction(
    (tx) => {
      const t = tx as unknown as DB;
      const pending = pendingTotpKey(t, sessionId, new Date(now));
      const owner = tx.select({ userId: sessions.userId }).from(sessions).where(eq(sessions.id, sessionId)).get();
      if (!pending || owner?.userId !== userId) return { ok: false as const, reason: "no_setup" as const };
      const step = matchTotp(pending.key, code, null, now);
      if (step === null) return { ok: false as const, reason: "bad_code" as const };
      const replaced = Boolean(getUserById(t, userId)?.totpKey);
      tx.update(users).set({ totpKey: pending.key, totpLastStep: step }).where(eq(users.id, userId)).run();
      cancelTotpSetup(t, sessionId);
      const ended = invalidateUserSessions(t, userId, sessionId);
      return { ok: true as const, replaced, ended };
    },
    { behavior: "immediate" },
  );
}

/** Checks a code at sign-in; a code is never accepted twice. */
export function checkSecondFactor(db: DB, userId: number, code: string, now = Date.now()): boolean {
  const u = getUserById(db, userId);
  if (!u?.totpKey) return false;
  const step = matchTotp(u.totpKey, code, u.totpLastStep, now);
  if (step === null) return false;
  return (
    db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .run().changes === 1
  );
}

/** Turns the second factor off (and drops any setup in progress in the user's sessions). */
export function disableTotp(db: DB, userId: number): void {
  db.transaction(
    (tx) => {
      tx.update(users).set({ totpKey: null, totpLastStep: null }).where(eq(users.id, userId)).run();
      tx.update(sessions).set({ totpPendingKey: null, totpPendingUntil: null }).where(eq(sessions.userId, userId)).run();
    },
    { behavior: "immediate" },
  );
}
