import { eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import { authorize } from "#app/auth/authorize.ts";
import { stateOf, type ItemState } from "#app/domain/item-state.ts";
import type { SessionUser } from "#app/auth/session.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { invalidateCaches } from "#app/utils/data-version-cache.server.ts";
import type { PracticeSnapshot, Snapshot } from "#app/content-types/snapshot-types.ts";
import { loadItem, publicChange, workingSnapshot, type ItemRef } from "./items.server.ts";
import type { RenderedBodies } from "./rendered-bodies.server.ts";
import { event } from "./review-events.server.ts";
import { addRevision, ensureBaseRevision } from "./revisions.server.ts";
import { applySnapshot, insertDraft, type Creatable } from "./snapshots.server.ts";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type SaveResult = { state: ItemState; changed: boolean };

/**
 * Saves an edit as a new revision. Items that are not public are edited in place. On a published
 * item, a contributor's edit (or any edit while a change is waiting) becomes the pending change;
 * a curator's direct edit goes live at once and reaches search through the outbox.
 */
export function saveEdit(
  db: DB,
  actor: SessionUser,
  ref: ItemRef,
  snapshot: Snapshot,
  html: RenderedBodies,
  opts: { kind?: "save" | "restore"; restoredFrom?: number; ip?: string } = {},
): SaveResult {
  const result = db.transaction(
    (tx) => {
      const item = loadItem(tx, ref.type, ref.id);
      if (!item) throw new Error(`no ${ref.type} ${ref.id}`);
      // Checked again inside the write transaction: the state may have moved since the route's check.
      if (!authorize(actor, opts.kind === "restore" ? "restore" : "edit", item).allowed)
        throw new Response("Conflict: the item changed state", { status: 409 });
      // The slug is not edited (it is chosen at creation and at first publication): a restored older
      // version keeps the current one.
      if (ref.type === "practice") {
        const slug = tx.select({ slug: s.practices.slug }).from(s.practices).where(eq(s.practices.id, ref.id)).get()!.slug;
        snapshot = { ...(snapshot as PracticeSnapshot), slug };
      }
      if (same(workingSnapshot(tx, item), snapshot)) return { state: item.state, changed: false };
      ensureBaseRevision(tx, item);
      const revisionId = addRevision(tx, ref, snapshot, actor.id, opts.kind ?? "save", opts.restoredFrom);
      const now = new Date();
      if (item.status === "published" && (item.pending || actor.role === "contributor")) {
        const state = item.pending?.state ?? "draft";
        tx.insert(s.pendingChanges)
          .values({ entityType: ref.type, entityId: ref.id, revisionId, state, updatedAt: now })
          .onConflictDoUpdate({ target: [s.pendingChanges.entityType, s.pendingChanges.entityId], set: { revisionId, updatedAt: now } })
          .run();
        return { state: stateOf("published", { revisionId, state }), changed: true };
      }
      applySnapshot(tx, ref.type, ref.id, snapshot, html);
      if (item.status === "published") publicChange(db, ref);
      return { state: item.state, changed: true };
    },
    { behavior: "immediate" },
  );
  if (result.changed) {
    audit(db, {
      actorId: actor.id,
      action: opts.kind === "restore" ? "item.restore" : "item.save",
      outcome: "ok",
      targetType: ref.type,
      targetId: ref.id,
      ip: opts.ip,
      detail: { state: result.state, restoredFrom: opts.restoredFrom },
    });
    invalidateCaches();
  }
  return result;
}

/** Creates a new draft (practice, answer or organisation) with its first revision. */
export function createDraft(db: DB, actor: SessionUser, type: Creatable, snapshot: Snapshot, html: RenderedBodies, ip?: string): number {
  const id = db.transaction(
    (tx) => {
      const id = insertDraft(tx, type, snapshot as never, html);
      addRevision(tx, { type, id }, snapshot, actor.id, "save");
      event(tx, { type, id }, "create", "draft", "draft", actor);
      return id;
    },
    { behavior: "immediate" },
  );
  audit(db, { actorId: actor.id, action: "item.create", outcome: "ok", targetType: type, targetId: id, ip });
  return id;
}
