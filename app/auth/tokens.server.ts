import { and, eq, gt, isNull } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { authTokens, users } from "#db/schema/index.ts";
import { hashSecret, invalidateUserSessions, newToken, secretMatches, splitToken } from "./session.server.ts";

/** Single-use links (invitation, password reset) and the wait between a password and the second factor. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_TTL_MS = 60 * 60 * 1000;
/** Between a correct password and the second factor. */
export const SECOND_FACTOR_TTL_MS = 5 * 60 * 1000;
const TTL = { invitation: INVITATION_TTL_MS, password_reset: RESET_TTL_MS, second_factor: SECOND_FACTOR_TTL_MS } as const;
type Purpose = keyof typeof TTL;

/** Issues a single-use link secret for an invitation or a reset; earlier unused ones of the same purpose stop working. */
export function issueToken(db: DB, userId: number, purpose: Purpose, createdBy: number | null, now = new Date()): string {
  const { id, secret, token } = newToken();
  const ttl = TTL[purpose];
  db.transaction(
    (tx) => {
      tx.update(authTokens)
        .set({ usedAt: now })
        .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)))
        .run();
      tx.insert(authTokens)
        .values({ id, secretHash: hashSecret(secret), purpose, userId, createdBy, createdAt: now, expiresAt: new Date(now.getTime() + ttl) })
        .run();
    },
    { behavior: "immediate" },
  );
  return token;
}

/** The user a link is valid for, without using it up (to show the form). */
export function peekToken(db: DB, token: string, purpose: Purpose, now = new Date()) {
  const parts = splitToken(token);
  if (!parts) return null;
  const row = db
    .select({ t: authTokens, u: users })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(and(eq(authTokens.id, parts.id), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
    .get();
  if (!row || !secretMatches(parts.secret, row.t.secretHash) || row.u.disabledAt) return null;
  return { tokenId: row.t.id, user: row.u };
}

/** Marks a valid link used, inside the caller's transaction; null if it is not valid or was used meanwhile. */
function spendToken(db: DB, token: string, purpose: Purpose, now: Date) {
  const found = peekToken(db, token, purpose, now);
  if (!found) return null;
  const used = db
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.id, found.tokenId), isNull(authTokens.usedAt)))
    .run();
  return used.changes === 1 ? found : null;
}

/**
 * Uses the link up and sets the password, in one transaction: a link works once, and every other
 * session of the user ends (a reset must lock out whoever knew the old password).
 */
export function consumeTokenSettingPassword(
  db: DB,
  token: string,
  purpose: "invitation" | "password_reset",
  passwordHash: string,
  displayName?: string,
  now = new Date(),
) {
  return db.transaction(
    (tx) => {
      const found = spendToken(tx as unknown as DB, token, purpose, now);
      if (!found) return null;
      tx.update(users)
        .set({ passwordHash, ...(displayName ? { displayName: displayName.trim() } : {}) })
        .where(eq(users.id, found.user.id))
        .run();
      invalidateUserSessions(tx as unknown as DB, found.user.id);
      return found.user;
    },
    { behavior: "immediate" },
  );
}

/** Uses up a token that carries no password (the second-factor wait); null if it is not valid. */
export function consumeToken(db: DB, token: string, purpose: Purpose, now = new Date()) {
  return db.transaction(
    (tx) => {
      return spendToken(tx as unknown as DB, token, purpose, now)?.user ?? null;
    },
    { behavior: "immediate" },
  );
}
