import { asc, eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { cities, mailbox, userCities, users, type Role } from "#db/schema/index.ts";

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

export function setPasswordHash(db: DB, userId: number, passwordHash: string): void {
  db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
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
