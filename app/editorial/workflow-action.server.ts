import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { authorize } from "#app/auth/authorize.ts";
import { clientIp } from "#app/auth/auth.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm, single } from "#app/utils/form.server.ts";
import { renderBodies, renderErrorCode } from "./rendered-bodies.server.ts";
import { reviewPath } from "./review.server.ts";
import { requireItem, SEGMENT_OF } from "./route-helpers.server.ts";
import { workingSnapshot } from "./items.server.ts";
import { transition, TransitionError, TRANSITIONS, type Transition } from "./transitions.server.ts";

/**
 * A review transition posted from the editor's panel or from the review page: the one handler both
 * routes call. `from` is the page to come back to; from the editor, a user who may no longer edit
 * the item in its new state (a contributor who submitted) is sent to its read-only review page.
 */
export async function workflowAction({ request, params, context }: ActionFunctionArgs, from: "editor" | "review") {
  const form = await readForm(request);
  const intent = single(form, "intent") ?? "";
  if (!(TRANSITIONS as readonly string[]).includes(intent)) throw new Response("Bad Request: unknown action", { status: 400 });
  const checked = requireItem(request, params, context, intent as Transition);
  const comment = (single(form, "comment") ?? "").slice(0, 2000);
  // A waiting change becomes the public text on publish, unpublish and archive: its bodies are
  // rendered first, in the worker pool; the check is then made again for the write.
  const rendered = checked.item.pending ? await renderBodies(workingSnapshot(getDb(), checked.item)) : null;
  const { lang, user, item } = requireItem(request, params, context, intent as Transition);
  const editor = `/${lang}/edit/${SEGMENT_OF[item.type]}/${item.id}`;
  const review = reviewPath(lang, item.type, item.id);
  const back = from === "review" ? review : editor;
  if (rendered && !rendered.ok) return redirect(`${back}?error=${encodeURIComponent(renderErrorCode(rendered))}`, { status: 303 });
  let to;
  try {
    to = transition(getDb(), user, item, intent as Transition, comment || null, clientIp(context), rendered?.html);
  } catch (error) {
    if (error instanceof TransitionError) return redirect(`${back}?error=${error.code}`, { status: 303 });
    throw error;
  }
  const editable = authorize(user, "edit", { type: item.type, cityId: item.cityId, state: to }).allowed;
  return redirect(`${editable ? back : review}?done=${intent}`, { status: 303 });
}
