import { and, eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import type { EditableType } from "#db/schema/index.ts";
import { stateOf, type ItemState } from "#app/domain/item-state.ts";
import { entityKey } from "#app/search/documents.server.ts";
import { recordChanges } from "#app/search/outbox.server.ts";
import type { Snapshot } from "#app/content-types/snapshot-types.ts";
import { currentSnapshot, readSnapshot } from "./snapshots.server.ts";

export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
/** The city of an item that has none: no contributor is a member of it. */
const NO_CITY = -1;
export type ItemRef = { type: EditableType; id: number };

export const TABLES = { practice: s.practices, answer: s.answers, city: s.cities, organisation: s.organisations } as const;

export type ItemInfo = {
  type: EditableType;
  id: number;
  cityId: number;
  status: s.Status;
  origin: "content" | "app";
  pending: { revisionId: number; state: "draft" | "in_review" } | null;
  state: ItemState;
};

export function loadItem(db: DB | Tx, type: EditableType, id: number): ItemInfo | null {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const table = TABLES[type];
  const row = db
    .select({ id: table.id, status: table.status, origin: table.origin, cityId: type === "city" ? s.cities.id : (table as typeof s.practices).cityId })
    .from(table as typeof s.practices)
    .where(eq(table.id, id))
    .get();
  if (!row) return null;
  // An organisation of no one city (a national body) belongs to no contributor: curators edit it.
  row.cityId ??= NO_CITY;
  const pending =
    db
      .select({ revisionId: s.pendingChanges.revisionId, state: s.pendingChanges.state })
      .from(s.pendingChanges)
      .where(and(eq(s.pendingChanges.entityType, type), eq(s.pendingChanges.entityId, id)))
      .get() ?? null;
  return { type, id, cityId: row.cityId, status: row.status, origin: row.origin, pending, state: stateOf(row.status, pending) };
}

/** What the editor shows: the change waiting for review if there is one, else the item itself. */
export function workingSnapshot(db: DB | Tx, item: ItemInfo): Snapshot | null {
  if (item.pending) {
    const rev = db.select({ snapshot: s.revisions.snapshot }).from(s.revisions).where(eq(s.revisions.id, item.pending.revisionId)).get();
    if (rev) return currentSnapshot(item.type, rev.snapshot as Snapshot);
  }
  return readSnapshot(db, item.type, item.id);
}

/** What the public sees of the item changed: search is told through the outbox. Runs on the outer connection, inside the caller's transaction (better-sqlite3 has one connection). */
export function publicChange(db: DB, ref: ItemRef) {
  recordChanges(db, [entityKey(ref.type, ref.id)]);
}
