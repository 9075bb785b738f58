import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { cities } from "./cities.ts";
import { createdAt, id, updatedAt } from "./columns.ts";

import { ROLES, type Role } from "../../app/domain/enums.ts";
export { ROLES, type Role };

const ms = (name: string) => integer(name, { mode: "timestamp_ms" });

/** No open sign-up: a row appears through an invitation or the `user:create` CLI. */
export const users = sqliteTable(
  "users",
  {
    id: id(),
    /** Stored lower-cased and trimmed: the one form used for lookup and throttling. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** PHC string ($argon2id$…); null until the invited person has set a password. */
    passwordHash: text("password_hash"),
    disabledAt: ms("disabled_at"),
    /**
     * TOTP (two-step verification): the key once confirmed and the last step used. A key being set
     * up lives on the session that started the setup (`sessions.totp_pending_key`), never here.
     */
    totpKey: blob("totp_key", { mode: "buffer" }),
    totpLastStep: integer("totp_last_step"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email)],
);

/** Contributors act for one or more cities. */
export const userCities = sqliteTable(
  "user_cities",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.cityId] }), index("user_cities_city_idx").on(t.cityId)],
);

/** The Lucia guide's design: the cookie holds `<id>.<secret>`, the table only SHA-256(secret). */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: ms("created_at").notNull(),
    lastSeenAt: ms("last_seen_at").notNull(),
    /** Shown on the account page so people can recognise their other sessions. */
    userAgent: text("user_agent").notNull().default(""),
    ip: text("ip").notNull().default(""),
    /**
     * A second-factor key being set up in this session (after re-authentication), until it is
     * confirmed with a code or `totp_pending_until` passes. Other sessions never see it.
     */
    totpPendingKey: blob("totp_pending_key", { mode: "buffer" }),
    totpPendingUntil: ms("totp_pending_until"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Browsers that completed a sign-in (the `__Host-rce_device` cookie holds `<id>.<secret>`; only
 * SHA-256(secret) is kept). Such a browser skips the account-wide login throttle, so an attacker
 * failing from elsewhere cannot keep the owner out (ADR 005).
 */
export const knownDevices = sqliteTable(
  "known_devices",
  {
    id: text("id").primaryKey(),
    secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
  },
  (t) => [index("known_devices_user_idx").on(t.userId)],
);

/**
 * Invitations and password resets (single-use links), and the short wait between a correct password
 * and the second factor: secrets stored hashed.
 */
export const TOKEN_PURPOSES = ["invitation", "password_reset", "second_factor"] as const;
export const authTokens = sqliteTable(
  "auth_tokens",
  {
    id: text("id").primaryKey(),
    secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
    purpose: text("purpose", { enum: TOKEN_PURPOSES }).notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
    usedAt: ms("used_at"),
  },
  (t) => [index("auth_tokens_user_idx").on(t.userId, t.purpose)],
);

/** Failed attempts per key ("account:…", "account-ip:…", "ip:…", "device:…", …), for the growing delay. */
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailureAt: ms("last_failure_at").notNull(),
  blockedUntil: ms("blocked_until").notNull(),
});

/** Mail the app would send. With no SMTP server configured it stays here, readable by admins. */
export const mailbox = sqliteTable("mailbox", {
  id: id(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  createdAt: createdAt(),
});
