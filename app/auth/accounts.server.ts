import { eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { users, type Role } from "#db/schema/index.ts";
import { insertUser } from "#app/models/users.server.ts";
import { hashPassword } from "./password.server.ts";
import { invalidateUserSessions } from "./session.server.ts";

/** Account changes that touch sign-in: a new account with its password hashed, roles and disabling (both end sessions). */
export async function createUserWithPassword(db: DB, input: { email: string; displayName: string; role: Role; cityIds: number[]; password: string }) {
  return insertUser(db, { ...input, passwordHash: await hashPassword(input.password) });
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
