import type { ItemState } from "#app/domain/item-state.ts";

/**
 * Review transitions as data: for each action, the states it starts from, the state it ends in and
 * what it does to the item. The workflow (app/editorial/transitions.server.ts) carries out exactly
 * this table, and the permission matrix (permissions.ts) takes its state lists for these actions
 * from it, so "may do" and "can do" cannot drift apart.
 *
 * Effects:
 * - `status`: the item's own status becomes this (a new item, or one without a waiting change);
 * - `pending`: the waiting change of a published item moves to this state;
 * - `applyPending`: the waiting change becomes the item's text (it is published, or leaves the site);
 * - `dropPending`: the waiting change is discarded (rejected);
 * - `firstPublication`: the final slug is chosen (a practice's draft slug is random).
 */
export type Effect =
  { status: "draft" | "in_review" | "published" | "archived" } | { pending: "draft" | "in_review" } | "applyPending" | "dropPending" | "firstPublication";
export type Step = { to: ItemState; effects: readonly Effect[] };

export const TRANSITIONS = ["submit", "withdraw", "publish", "request_changes", "reject", "unpublish", "archive", "reopen"] as const;
export type Transition = (typeof TRANSITIONS)[number];

const PUBLISHED = ["published", "published_draft", "published_in_review"] as const;
const leaveSite = (status: "draft" | "archived"): Step => ({ to: status, effects: ["applyPending", { status }] });

export const TRANSITION_TABLE: Record<Transition, Partial<Record<ItemState, Step>>> = {
  submit: {
    draft: { to: "in_review", effects: [{ status: "in_review" }] },
    published_draft: { to: "published_in_review", effects: [{ pending: "in_review" }] },
  },
  withdraw: {
    in_review: { to: "draft", effects: [{ status: "draft" }] },
    published_in_review: { to: "published_draft", effects: [{ pending: "draft" }] },
  },
  publish: {
    draft: { to: "published", effects: ["firstPublication", { status: "published" }] },
    in_review: { to: "published", effects: ["firstPublication", { status: "published" }] },
    published_draft: { to: "published", effects: ["applyPending"] },
    published_in_review: { to: "published", effects: ["applyPending"] },
  },
  request_changes: {
    in_review: { to: "draft", effects: [{ status: "draft" }] },
    published_in_review: { to: "published_draft", effects: [{ pending: "draft" }] },
  },
  reject: {
    in_review: { to: "archived", effects: [{ status: "archived" }] },
    published_in_review: { to: "published", effects: ["dropPending"] },
  },
  unpublish: Object.fromEntries(PUBLISHED.map((st) => [st, leaveSite("draft")])),
  archive: { draft: leaveSite("archived"), ...Object.fromEntries(PUBLISHED.map((st) => [st, leaveSite("archived")])) },
  reopen: {
    archived: { to: "draft", effects: [{ status: "draft" }] },
  },
};

/** The states a transition can start from, in the order of ITEM_STATES. */
export const fromStates = (action: Transition, order: readonly ItemState[]): ItemState[] => order.filter((st) => TRANSITION_TABLE[action][st]);

/** Transitions that need a comment: the contributor must learn why. */
export const COMMENT_REQUIRED: ReadonlySet<Transition> = new Set(["request_changes", "reject"]);
