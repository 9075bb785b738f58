import { and, desc, eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import type { ItemState } from "#app/domain/item-state.ts";
import type { SessionUser } from "#app/auth/session.server.ts";
import type { ItemRef, Tx } from "./items.server.ts";

/** Records one step of the item's review trail. */
export function event(tx: Tx, ref: ItemRef, action: string, from: ItemState, to: ItemState, actor: SessionUser, comment?: string | null) {
  tx.insert(s.reviewEvents)
    .values({ entityType: ref.type, entityId: ref.id, action, fromState: from, toState: to, actorId: actor.id, comment: comment ?? null })
    .run();
}

export function reviewTrail(db: DB, ref: ItemRef) {
  return db
    .select({
      id: s.reviewEvents.id,
      action: s.reviewEvents.action,
      fromState: s.reviewEvents.fromState,
      toState: s.reviewEvents.toState,
      comment: s.reviewEvents.comment,
      createdAt: s.reviewEvents.createdAt,
      actor: s.users.displayName,
    })
    .from(s.reviewEvents)
    .leftJoin(s.users, eq(s.users.id, s.reviewEvents.actorId))
    .where(and(eq(s.reviewEvents.entityType, ref.type), eq(s.reviewEvents.entityId, ref.id)))
    .orderBy(desc(s.reviewEvents.id))
    .all();
}
