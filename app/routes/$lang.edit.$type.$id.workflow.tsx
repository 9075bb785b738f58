import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { clientIp } from "#app/auth/auth.server.ts";
import { requireItem, SEGMENT_OF } from "#app/editorial/route-helpers.server.ts";
import { renderBodies, renderErrorCode } from "#app/editorial/rendered-bodies.server.ts";
import { transition, TransitionError, TRANSITIONS, workingSnapshot, type Transition } from "#app/editorial/workflow.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm, single } from "#app/utils/form.server.ts";
import { langParam, notFound } from "#app/utils/http.server.ts";

/** Review transitions are POSTs from the editor's review panel; there is nothing to GET here. */
export function loader({ params }: LoaderFunctionArgs) {
  langParam(params);
  notFound();
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const intent = single(form, "intent") ?? "";
  if (!(TRANSITIONS as readonly string[]).includes(intent)) throw new Response("Bad Request: unknown action", { status: 400 });
  const checked = requireItem(request, params, context, intent as Transition);
  const comment = (single(form, "comment") ?? "").slice(0, 2000);
  // A waiting change becomes the public text on publish, unpublish and archive: its bodies are
  // rendered first, in the worker pool; the check is then made again for the write.
  const rendered = checked.item.pending ? await renderBodies(workingSnapshot(getDb(), checked.item)) : null;
  const { lang, user, item } = requireItem(request, params, context, intent as Transition);
  const back = `/${lang}/edit/${SEGMENT_OF[item.type]}/${item.id}`;
  if (rendered && !rendered.ok) return redirect(`${back}?error=${encodeURIComponent(renderErrorCode(rendered))}`, { status: 303 });
  try {
    transition(getDb(), user, item, intent as Transition, comment || null, clientIp(context), rendered?.html);
  } catch (error) {
    if (error instanceof TransitionError) return redirect(`${back}?error=${error.code}`, { status: 303 });
    throw error;
  }
  return redirect(`${back}?done=${intent}`, { status: 303 });
}
