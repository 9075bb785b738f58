import { and, eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import { authorize } from "#app/auth/authorize.ts";
import { COMMENT_REQUIRED, TRANSITION_TABLE, type Transition } from "#app/auth/transitions.ts";
import type { ItemState } from "#app/domain/item-state.ts";
import type { SessionUser } from "#app/auth/session.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { invalidateCaches } from "#app/utils/data-version-cache.server.ts";
import { loadItem, publicChange, TABLES, workingSnapshot, type ItemRef } from "./items.server.ts";
import type { RenderedBodies } from "./rendered-bodies.server.ts";
import { event } from "./review-events.server.ts";
import { finalizeOrganisationSlug, finalizeSlug } from "./slugs.server.ts";
import { applySnapshot } from "./snapshots.server.ts";

export class TransitionError extends Error {
  constructor(public code: "comment_required" | "not_allowed_in_state") {
    super(code);
  }
}

export { COMMENT_REQUIRED, TRANSITIONS, type Transition } from "#app/auth/transitions.ts";

/**
 * Moves an item through review. The caller has authorised the action for the item's state; this
 * applies it in one immediate transaction with its review event, and queues search updates when
 * what the public sees changes. `html` holds the rendered bodies of the waiting change, if there is
 * one (publish, unpublish and archive make it the item's text).
 */
export function transition(
  db: DB,
  actor: SessionUser,
  ref: ItemRef,
  action: Transition,
  comment: string | null,
  ip?: string,
  html: RenderedBodies = new Map(),
): ItemState {
  if (COMMENT_REQUIRED.has(action) && !comment?.trim()) throw new TransitionError("comment_required");
  const to = db.transaction(
    (tx) => {
      const item = loadItem(tx, ref.type, ref.id);
      if (!item) throw new Error(`no ${ref.type} ${ref.id}`);
      if (!authorize(actor, action, item).allowed) throw new TransitionError("not_allowed_in_state");
      const table = TABLES[ref.type];
      const setStatus = (status: s.Status) =>
        tx
          .update(table)
          .set({ status, ...(status === "published" && (ref.type === "practice" || ref.type === "organisation") ? { publishedAt: new Date() } : {}) })
          .where(eq(table.id, ref.id))
          .run();
      const setPending = (state: "draft" | "in_review") =>
        tx
          .update(s.pendingChanges)
          .set({ state, updatedAt: new Date() })
          .where(and(eq(s.pendingChanges.entityType, ref.type), eq(s.pendingChanges.entityId, ref.id)))
          .run();
      const dropPending = () =>
        tx
          .delete(s.pendingChanges)
          .where(and(eq(s.pendingChanges.entityType, ref.type), eq(s.pendingChanges.entityId, ref.id)))
          .run();
      /** The waiting change becomes the item's text (publish, or when the item leaves the public site). */
      const applyPending = () => {
        const snap = workingSnapshot(tx, item);
        if (item.pending && snap) applySnapshot(tx, ref.type, ref.id, snap, html);
        dropPending();
      };
      const st = item.state;
      const step = TRANSITION_TABLE[action][st];
      if (!step) throw new TransitionError("not_allowed_in_state");
      for (const effect of step.effects) {
        if (effect === "applyPending") applyPending();
        else if (effect === "dropPending") dropPending();
        // A practice's final slug is chosen on its first publication (before publishedAt is set).
        else if (effect === "firstPublication") {
          if (ref.type === "practice") finalizeSlug(tx, ref.id);
          if (ref.type === "organisation") finalizeOrganisationSlug(tx, ref.id);
        } else if ("status" in effect) setStatus(effect.status);
        else setPending(effect.pending);
      }
      const to = step.to;
      event(tx, ref, action, st, to, actor, comment?.trim() || null);
      const wasPublic = st.startsWith("published");
      if (wasPublic || to === "published") publicChange(db, ref);
      return to;
    },
    { behavior: "immediate" },
  );
  audit(db, { actorId: actor.id, action: `item.${action}`, outcome: "ok", targetType: ref.type, targetId: ref.id, ip, detail: { to } });
  invalidateCaches();
  return to;
}
