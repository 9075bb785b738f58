import { and, desc, eq, sql } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import type { Snapshot } from "#app/content-types/snapshot-types.ts";
import type { ItemInfo, ItemRef, Tx } from "./items.server.ts";
import { readSnapshot } from "./snapshots.server.ts";

function nextNumber(tx: Tx, ref: ItemRef): number {
  const row = tx
    .select({ n: sql<number>`coalesce(max(${s.revisions.number}), 0)` })
    .from(s.revisions)
    .where(and(eq(s.revisions.entityType, ref.type), eq(s.revisions.entityId, ref.id)))
    .get();
  return (row?.n ?? 0) + 1;
}

export function addRevision(tx: Tx, ref: ItemRef, snapshot: Snapshot, authorId: number | null, kind: string, restoredFrom?: number): number {
  return tx
    .insert(s.revisions)
    .values({
      entityType: ref.type,
      entityId: ref.id,
      number: nextNumber(tx, ref),
      snapshot: snapshot as Record<string, unknown>,
      authorId,
      kind,
      restoredFrom: restoredFrom ?? null,
    })
    .returning({ id: s.revisions.id })
    .get().id;
}

/** Items from the content files get their imported state as revision 1 the first time they are edited. */
export function ensureBaseRevision(tx: Tx, item: ItemInfo) {
  const any = tx
    .select({ id: s.revisions.id })
    .from(s.revisions)
    .where(and(eq(s.revisions.entityType, item.type), eq(s.revisions.entityId, item.id)))
    .get();
  if (any) return;
  const snap = readSnapshot(tx, item.type, item.id);
  if (snap) addRevision(tx, item, snap, null, item.origin === "content" ? "import" : "save");
}

export function listRevisions(db: DB, ref: ItemRef) {
  return db
    .select({
      id: s.revisions.id,
      number: s.revisions.number,
      kind: s.revisions.kind,
      restoredFrom: s.revisions.restoredFrom,
      createdAt: s.revisions.createdAt,
      snapshot: s.revisions.snapshot,
      author: s.users.displayName,
    })
    .from(s.revisions)
    .leftJoin(s.users, eq(s.users.id, s.revisions.authorId))
    .where(and(eq(s.revisions.entityType, ref.type), eq(s.revisions.entityId, ref.id)))
    .orderBy(desc(s.revisions.number))
    .all();
}
