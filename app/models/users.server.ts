import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { authTokens, cities, mailbox, userCities, users, type Role } from "#db/schema/index.ts";
import { hashPassword } from "#app/auth/password.server.ts";
import { hashSecret, invalidateUserSessions, newToken, secretMatches, splitToken } from "#app/auth/session.server.ts";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_TTL_MS = 60 * 60 * 1000;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function findUserByEmail(db: DB, email: string) {
  return db.select().from(users).where(eq(users.email, normalizeEmail(email))).get() ?? null;
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
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(input.email))).get()) throw new UserError("email_taken");
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
export function issueToken(db: DB, userId: number, purpose: "invitation" | "password_reset", createdBy: number | null, now = new Date()): string {
  const { id, secret, token } = newToken();
  const ttl = purpose === "invitation" ? INVITATION_TTL_MS : RESET_TTL_MS;
  db.transaction(
    (tx) => {
      tx.update(authTokens).set({ usedAt: now }).where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt))).run();
      tx.insert(authTokens).values({ id, secretHash: hashSecret(secret), purpose, userId, createdBy, createdAt: now, expiresAt: new Date(now.getTime() + ttl) }).run();
    },
    { behavior: "immediate" },
  );
  return token;
}

/** The user a link is valid for, without using it up (to show the form). */
export function peekToken(db: DB, token: string, purpose: "invitation" | "password_reset", now = new Date()) {
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
export function consumeTokenSettingPassword(db: DB, token: string, purpose: "invitation" | "password_reset", passwordHash: string, displayName?: string, now = new Date()) {
  return db.transaction(
    (tx) => {
      const found = peekToken(tx as unknown as DB, token, purpose, now);
      if (!found) return null;
      const used = tx.update(authTokens).set({ usedAt: now }).where(and(eq(authTokens.id, found.tokenId), isNull(authTokens.usedAt))).run();
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

export function listUsers(db: DB) {
  const rows = db.select().from(users).orderBy(asc(users.email)).all();
  const memberships = db
    .select({ userId: userCities.userId, slug: cities.slug })
    .from(userCities)
    .innerJoin(cities, eq(cities.id, userCities.cityId))
    .all();
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    disabled: Boolean(u.disabledAt),
    activated: Boolean(u.passwordHash),
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
      tx.update(users).set({ disabledAt: disabled ? new Date() : null }).where(eq(users.id, userId)).run();
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
