import type { Params } from "@remix-run/react";
import { authorize } from "#app/auth/authorize.ts";
import { getUser, requireItemPermission } from "#app/auth/auth.server.ts";
import { ITEM_ACTIONS, type ItemAction } from "#app/auth/permissions.ts";
import type { SessionUser } from "#app/auth/session.server.ts";
import { langParam, notFound } from "#app/utils/http.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import type { EditableType } from "#db/schema/index.ts";
import { loadItem, type ItemInfo } from "./items.server.ts";

/** URL segment ↔ item type: /en/edit/practices/12, /en/edit/answers/3, /en/edit/cities/5. */
export const TYPE_SEGMENTS = { practices: "practice", answers: "answer", cities: "city", organisations: "organisation" } as const satisfies Record<
  string,
  EditableType
>;
export const SEGMENT_OF: Record<EditableType, keyof typeof TYPE_SEGMENTS> = {
  practice: "practices",
  answer: "answers",
  city: "cities",
  organisation: "organisations",
};

export function typeParam(params: Params): EditableType {
  const segment = params.type ?? "";
  if (!Object.hasOwn(TYPE_SEGMENTS, segment)) notFound();
  return TYPE_SEGMENTS[segment as keyof typeof TYPE_SEGMENTS];
}

export function idParam(params: Params): number {
  const raw = params.id ?? "";
  if (!/^[1-9]\d{0,9}$/.test(raw)) notFound();
  return Number(raw);
}

/**
 * Loads the item named by the URL and checks `action` on it, or throws (404 when it does not exist,
 * login redirect or 403 otherwise). Every editorial loader and action starts here.
 */
export function requireItem(
  request: Request,
  params: Params,
  context: unknown,
  action: ItemAction,
): { lang: ReturnType<typeof langParam>; user: SessionUser; item: ItemInfo } {
  const lang = langParam(params);
  const type = typeParam(params);
  const item = loadItem(getDb(), type, idParam(params));
  // Unknown ids look the same as forbidden ones to people who may not see them.
  if (!item) {
    if (!getUser(request)) requireItemPermission(request, lang, context, action, { type, id: 0, cityId: -1, state: "draft" });
    notFound();
  }
  const user = requireItemPermission(request, lang, context, action, { type, id: item.id, cityId: item.cityId, state: item.state })!;
  return { lang, user, item };
}

/** Which actions this user may take on this item now: the buttons the page shows. */
export function allowedActions(user: SessionUser, item: ItemInfo): ItemAction[] {
  return ITEM_ACTIONS.filter((a) => authorize(user, a, { type: item.type, cityId: item.cityId, state: item.state }).allowed);
}
