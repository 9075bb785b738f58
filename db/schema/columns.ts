import { integer, text } from "drizzle-orm/sqlite-core";

import { LANGUAGES } from "../../app/i18n/languages.ts";

export { LANGUAGES, type Language } from "../../app/i18n/languages.ts";

import { STATUSES } from "../../app/domain/item-state.ts";
export { STATUSES };
export type Status = (typeof STATUSES)[number];

/**
 * Where a row came from. The content import owns `content` rows and may delete them when their file
 * disappears; rows written through the app (contributions, a later issue) are never touched by it.
 */
export const ORIGINS = ["content", "app"] as const;

export const id = () => integer("id").primaryKey({ autoIncrement: true });
export const lang = (name = "lang") => text(name, { enum: LANGUAGES }).notNull();
export const status = () => text("status", { enum: STATUSES }).notNull().default("draft");
export const origin = () => text("origin", { enum: ORIGINS }).notNull().default("app");
/** Hash of the imported source, so a re-import can tell unchanged items from changed ones. */
export const contentHash = () => text("content_hash");
export const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());
export const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());
