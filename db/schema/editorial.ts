import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id } from "./columns.ts";
import { users } from "./accounts.ts";

/** The kinds of item people edit in the app. */
export const EDITABLE_TYPES = ["practice", "answer", "city", "organisation"] as const;
export type EditableType = (typeof EDITABLE_TYPES)[number];

/**
 * Every save is a revision holding the whole editable state of the item (its snapshot), so any
 * version can be compared with another or restored.
 */
export const revisions = sqliteTable(
  "revisions",
  {
    id: id(),
    entityType: text("entity_type", { enum: EDITABLE_TYPES }).notNull(),
    entityId: integer("entity_id").notNull(),
    number: integer("number").notNull(),
    snapshot: text("snapshot", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    /** save | restore | import | publish */
    kind: text("kind").notNull(),
    restoredFrom: integer("restored_from"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("revisions_entity_number_uq").on(t.entityType, t.entityId, t.number)],
);

/**
 * A contributor's change to a published item waits here for review, while the public keeps seeing
 * the published text. Items that are not published are edited in place and carry their own status.
 */
export const REVIEW_STATES = ["draft", "in_review"] as const;
export const pendingChanges = sqliteTable(
  "pending_changes",
  {
    entityType: text("entity_type", { enum: EDITABLE_TYPES }).notNull(),
    entityId: integer("entity_id").notNull(),
    revisionId: integer("revision_id")
      .notNull()
      .references(() => revisions.id, { onDelete: "cascade" }),
    state: text("state", { enum: REVIEW_STATES }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("pending_changes_entity_uq").on(t.entityType, t.entityId)],
);

/** Submissions, reviews and publications, with the reviewer's comment: the item's review trail. */
export const reviewEvents = sqliteTable(
  "review_events",
  {
    id: id(),
    entityType: text("entity_type", { enum: EDITABLE_TYPES }).notNull(),
    entityId: integer("entity_id").notNull(),
    action: text("action").notNull(),
    fromState: text("from_state").notNull(),
    toState: text("to_state").notNull(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    comment: text("comment"),
    createdAt: createdAt(),
  },
  (t) => [index("review_events_entity_idx").on(t.entityType, t.entityId, t.id)],
);

/** Who did what when: logins, denials, publications, role changes. Append-only. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    at: createdAt(),
    actorId: integer("actor_id"),
    action: text("action").notNull(),
    outcome: text("outcome", { enum: ["ok", "denied", "failed"] }).notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_actor_idx").on(t.actorId)],
);
