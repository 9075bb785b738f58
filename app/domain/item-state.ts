/**
 * The review state of an editable item as people see it: its status, refined by a waiting change
 * when the published text has one (`published_draft`, `published_in_review`). Shared by the model
 * layer, the workflow and the permission matrix; free of imports (see eslint.config.js).
 */
/** An item row's own status (the database column); a waiting change refines it into an ItemState. */
export const STATUSES = ["draft", "in_review", "published", "archived"] as const;

export const ITEM_STATES = ["draft", "in_review", "published", "published_draft", "published_in_review", "archived"] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export function stateOf<P extends { state: "draft" | "in_review" }>(status: "draft" | "in_review" | "published" | "archived", pending: P | null): ItemState {
  if (status !== "published") return status;
  if (!pending) return "published";
  return pending.state === "draft" ? "published_draft" : "published_in_review";
}
