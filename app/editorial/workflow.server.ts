import { and, desc, eq, sql } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import type { EditableType } from "#db/schema/index.ts";
import { authorize } from "#app/auth/authorize.ts";
import { COMMENT_REQUIRED, TRANSITION_TABLE, type Transition } from "#app/auth/transitions.ts";
import { stateOf, type ItemState } from "#app/domain/item-state.ts";
import type { SessionUser } from "#app/auth/session.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { entityKey } from "#app/search/documents.server.ts";
import { recordChanges } from "#app/search/outbox.server.ts";
import { invalidateCaches } from "#app/utils/data-version-cache.server.ts";
import type { PracticeSnapshot, Snapshot } from "#app/content-types/snapshot-types.ts";
import type { RenderedBodies } from "./rendered-bodies.server.ts";
import { finalizeOrganisationSlug, finalizeSlug } from "./slugs.server.ts";
import { applySnapshot, currentSnapshot, insertDraft, readSnapshot, type Creatable } from "./snapshots.server.ts";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
/** The city of an item that has none: no contributor is a member of it. */
const NO_CITY = -1;
export type ItemRef = { type: EditableType; id: number };

const TABLES = { practice: s.practices, answer: s.answers, city: s.cities, organisation: s.organisations } as const;

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

function nextNumber(tx: Tx, ref: ItemRef): number {
  const row = tx
    .select({ n: sql<number>`coalesce(max(${s.revisions.number}), 0)` })
    .from(s.revisions)
    .where(and(eq(s.revisions.entityType, ref.type), eq(s.revisions.entityId, ref.id)))
    .get();
  return (row?.n ?? 0) + 1;
}

function addRevision(tx: Tx, ref: ItemRef, snapshot: Snapshot, authorId: number | null, kind: string, restoredFrom?: number): number {
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
function ensureBaseRevision(tx: Tx, item: ItemInfo) {
  const any = tx
    .select({ id: s.revisions.id })
    .from(s.revisions)
    .where(and(eq(s.revisions.entityType, item.type), eq(s.revisions.entityId, item.id)))
    .get();
  if (any) return;
  const snap = readSnapshot(tx, item.type, item.id);
  if (snap) addRevision(tx, item, snap, null, item.origin === "content" ? "import" : "save");
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Runs on the outer connection, inside the caller's transaction (better-sqlite3 has one connection). */
function publicChange(db: DB, ref: ItemRef) {
  recordChanges(db, [entityKey(ref.type, ref.id)]);
}

function event(tx: Tx, ref: ItemRef, action: string, from: ItemState, to: ItemState, actor: SessionUser, comment?: string | null) {
  tx.insert(s.reviewEvents)
    .values({ entityType: ref.type, entityId: ref.id, action, fromState: from, toState: to, actorId: actor.id, comment: comment ?? null })
    .run();
}

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
