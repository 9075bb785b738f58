/**
 * The permission matrix, checked in and read by `authorize()`. It is the single statement of who may
 * do what; the HTTP test (app/auth/matrix.http.test.ts) calls the real routes for every cell and fails
 * on any difference. Anything not named here is denied.
 *
 * Subjects: a contributor is `contributor_own` for items of a city they belong to and
 * `contributor_other` for every other city. Disabled users have no session, so they are `anonymous`.
 *
 * Item states: the item's status, and for published items with a proposed change waiting, the
 * state of that change (`published_draft`, `published_in_review`).
 */
export const SUBJECTS = ["anonymous", "contributor_own", "contributor_other", "curator", "admin"] as const;
export type Subject = (typeof SUBJECTS)[number];

export const ITEM_TYPES = ["practice", "answer", "city", "organisation"] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

import { ITEM_STATES, type ItemState } from "#app/domain/item-state.ts";
import { fromStates, type Transition } from "./transitions.ts";
export { ITEM_STATES, type ItemState };

export const ITEM_ACTIONS = [
  "view",
  "edit",
  "submit",
  "withdraw",
  "publish",
  "request_changes",
  "reject",
  "unpublish",
  "archive",
  "reopen",
  "history",
  "restore",
] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

export const GLOBAL_ACTIONS = [
  "create_practice",
  "create_answer",
  "create_organisation",
  "dashboard",
  "review_queue",
  "curate",
  "invite_contributor",
  "invite_curator",
  "manage_users",
  "view_audit",
  "view_mailbox",
] as const;
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];

const ALL = ITEM_STATES;
const EDITORS = ["curator", "admin"] as const;

type Cells = Partial<Record<Subject, readonly ItemState[]>>;
const same = (states: readonly ItemState[], ...subjects: Subject[]): Cells => Object.fromEntries(subjects.map((s) => [s, states]));

/** The states a review transition starts from: the transition table is the one statement of them. */
const from = (action: Transition) => fromStates(action, ITEM_STATES);

/** Item actions, the same for practices, answers, city profiles and organisations. */
export const ITEM_MATRIX: Record<ItemAction, Cells> = {
  view: same(ALL, "contributor_own", ...EDITORS),
  edit: {
    contributor_own: ["draft", "published", "published_draft"],
    ...same(["draft", "in_review", "published", "published_draft", "published_in_review"], ...EDITORS),
  },
  submit: same(from("submit"), "contributor_own", ...EDITORS),
  withdraw: same(from("withdraw"), "contributor_own", ...EDITORS),
  publish: same(from("publish"), ...EDITORS),
  request_changes: same(from("request_changes"), ...EDITORS),
  reject: same(from("reject"), ...EDITORS),
  unpublish: same(from("unpublish"), ...EDITORS),
  archive: same(from("archive"), ...EDITORS),
  reopen: same(from("reopen"), ...EDITORS),
  history: same(ALL, "contributor_own", ...EDITORS),
  restore: {
    contributor_own: ["draft", "published", "published_draft"],
    ...same(["draft", "in_review", "published", "published_draft", "published_in_review"], ...EDITORS),
  },
};

/** Actions on no particular item. `create_*` for a contributor also needs the city to be theirs. */
export const GLOBAL_MATRIX: Record<GlobalAction, readonly ("anonymous" | "contributor" | "curator" | "admin")[]> = {
  create_practice: ["contributor", ...EDITORS],
  create_answer: ["contributor", ...EDITORS],
  create_organisation: ["contributor", ...EDITORS],
  dashboard: ["contributor", ...EDITORS],
  review_queue: EDITORS,
  /** Featured practices, questions and toolkits; which practices and questions a toolkit chapter links. */
  curate: EDITORS,
  invite_contributor: EDITORS,
  invite_curator: ["admin"],
  manage_users: ["admin"],
  view_audit: ["admin"],
  view_mailbox: ["admin"],
};
