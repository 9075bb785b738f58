import { and, asc, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { authTokens, cities, mailbox, sessions, userCities, users, type Role } from "#db/schema/index.ts";
import { hashPassword } from "#app/auth/password.server.ts";
import { hashSecret, invalidateUserSessions, newToken, secretMatches, splitToken } from "#app/auth/session.server.ts";
import { matchTotp, newTotpKey } from "#app/auth/totp.server.ts";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_TTL_MS = 60 * 60 * 1000;
/** Between a correct password and the second factor. */
export const SECOND_FACTOR_TTL_MS = 5 * 60 * 1000;
const TTL = { invitation: INVITATION_TTL_MS, password_reset: RESET_TTL_MS, second_factor: SECOND_FACTOR_TTL_MS } as const;
type Purpose = keyof typeof TTL;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function findUserByEmail(db: DB, email: string) {
  return (
    db
      .select()
      .from(users)
      .where(eq(users.email, normalizeEmail(email)))
      .get() ?? null
  );
}

export function getUserById(db: DB, id: number) {
  return db.select().from(users).where(eq(users.id, id)).get() ?? null;
}

export function cityIdsBySlug(db: DB, slugs: string[]): Map<string, number> {
  const rows = db.select({ id: cities.id, slug: cities.slug }).from(cities).all();
  const all = new Map(rows.map((r) => [r.slug, r.id]));
  return new Map(slugs.filter((s) => all.has(s)).map((s) => [s, all.get(s)!]));
}

export class UserError extends Error {
  constructor(public code: "email_taken" | "unknown_city" | "city_required" | "not_found") {
    super(code);
  }
}

/** Inserts a user and their city memberships (contributors need at least one city). */
export function insertUser(db: DB, input: { email: string; displayName: string; role: Role; cityIds: number[]; passwordHash: string | null }): number {
  if (input.role === "contributor" && input.cityIds.length === 0) throw new UserError("city_required");
  return db.transaction(
    (tx) => {
      if (
        tx
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, normalizeEmail(input.email)))
          .get()
      )
        throw new UserError("email_taken");
      const { id } = tx
        .insert(users)
        .values({ email: normalizeEmail(input.email), displayName: input.displayName.trim(), role: input.role, passwordHash: input.passwordHash })
        .returning({ id: users.id })
        .get();
      for (const cityId of new Set(input.cityIds)) tx.insert(userCities).values({ userId: id, cityId }).run();
      return id;
    },
    { behavior: "immediate" },
  );
}

export async function createUserWithPassword(db: DB, input: { email: string; displayName: string; role: Role; cityIds: number[]; password: string }) {
  return insertUser(db, { ...input, passwordHash: await hashPassword(input.password) });
}

export function setPasswordHash(db: DB, userId: number, passwordHash: string): void {
  db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
}

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
      const found = peekToken(tx as unknown as DB, token, purpose, now);
      if (!found) return null;
      const used = tx
        .update(authTokens)
        .set({ usedAt: now })
        .where(and(eq(authTokens.id, found.tokenId), isNull(authTokens.usedAt)))
        .run();
      if (used.changes !== 1) return null;
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
      const found = peekToken(tx as unknown as DB, token, purpose, now);
      if (!found) return null;
      const used = tx
        .update(authTokens)
        .set({ usedAt: now })
        .where(and(eq(authTokens.id, found.tokenId), isNull(authTokens.usedAt)))
        .run();
      return used.changes === 1 ? found.user : null;
    },
    { behavior: "immediate" },
  );
}

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

export function listUsers(db: DB) {
  const rows = db.select().from(users).orderBy(asc(users.email)).all();
  const memberships = db.select({ userId: userCities.userId, slug: cities.slug }).from(userCities).innerJoin(cities, eq(cities.id, userCities.cityId)).all();
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    disabled: Boolean(u.disabledAt),
    activated: Boolean(u.passwordHash),
    twoStep: Boolean(u.totpKey),
    cities: memberships.filter((m) => m.userId === u.id).map((m) => m.slug),
  }));
}

export function setRole(db: DB, userId: number, role: Role): void {
  db.transaction(
    (tx) => {
      tx.update(users).set({ role }).where(eq(users.id, userId)).run();
      // New rights start with a new login.
      invalidateUserSessions(tx as unknown as DB, userId);
    },
    { behavior: "immediate" },
  );
}

export function setDisabled(db: DB, userId: number, disabled: boolean): void {
  db.transaction(
    (tx) => {
      tx.update(users)
        .set({ disabledAt: disabled ? new Date() : null })
        .where(eq(users.id, userId))
        .run();
      if (disabled) invalidateUserSessions(tx as unknown as DB, userId);
    },
    { behavior: "immediate" },
  );
}

export function userCitySlugs(db: DB, userId: number): string[] {
  return db
    .select({ slug: cities.slug })
    .from(userCities)
    .innerJoin(cities, eq(cities.id, userCities.cityId))
    .where(eq(userCities.userId, userId))
    .all()
    .map((r) => r.slug);
}

/** With no SMTP server configured, mail is kept in the mailbox table for admins; the log gets no link. */
export function sendMail(db: DB, to: string, subject: string, body: string): void {
  db.insert(mailbox).values({ to, subject, body }).run();
  console.log(`[mail] to ${JSON.stringify(to)}: ${JSON.stringify(subject)} (kept in the mailbox; no SMTP server configured)`);
}

export function listMail(db: DB) {
  return db.select().from(mailbox).orderBy(asc(mailbox.id)).all().reverse().slice(0, 200);
}
