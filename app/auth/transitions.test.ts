import { describe, expect, it } from "vitest";
import { ITEM_STATES, stateOf, type ItemState } from "#app/domain/item-state.ts";
import { ITEM_MATRIX } from "./permissions.ts";
import { TRANSITION_TABLE, TRANSITIONS, type Effect } from "./transitions.ts";

/** An item in a state, as its status and waiting change (the inverse of stateOf). */
function itemIn(state: ItemState) {
  if (state === "published_draft") return { status: "published" as const, pending: { state: "draft" as const } };
  if (state === "published_in_review") return { status: "published" as const, pending: { state: "in_review" as const } };
  return { status: state as "draft" | "in_review" | "published" | "archived", pending: null as { state: "draft" | "in_review" } | null };
}

/** Carries out a step's effects on a plain item, the way the workflow does on the tables. */
function run(state: ItemState, effects: readonly Effect[]): ItemState {
  const item = itemIn(state);
  for (const e of effects) {
    if (e === "applyPending" || e === "dropPending") item.pending = null;
    else if (e === "firstPublication") continue;
    else if ("status" in e) item.status = e.status;
    else if (item.pending) item.pending = { state: e.pending };
    else throw new Error(`${state}: no waiting change to move`);
  }
  return stateOf(item.status, item.pending);
}

describe("the review transition table", () => {
  it.each(TRANSITIONS)("%s: every step's effects lead to the state it names", (action) => {
    for (const [from, step] of Object.entries(TRANSITION_TABLE[action]) as [ItemState, { to: ItemState; effects: readonly Effect[] }][]) {
      expect(run(from, step.effects), `${action} from ${from}`).toBe(step.to);
    }
  });

  it("the permission matrix allows a transition only in the states the table can carry it out from", () => {
    for (const action of TRANSITIONS) {
      const possible = new Set(Object.keys(TRANSITION_TABLE[action]));
      for (const [subject, states] of Object.entries(ITEM_MATRIX[action])) {
        for (const st of states ?? []) expect(possible.has(st), `${subject} may ${action} in ${st}`).toBe(true);
      }
    }
  });

  it("a first publication chooses the slug; a change to a published item never does", () => {
    for (const st of ITEM_STATES) {
      const step = TRANSITION_TABLE.publish[st];
      if (step) expect(step.effects.includes("firstPublication")).toBe(!st.startsWith("published"));
    }
  });
});
