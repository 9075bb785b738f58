import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { clientIp } from "#app/auth/auth.server.ts";
import { requireItem, SEGMENT_OF } from "#app/editorial/route-helpers.server.ts";
import { transition, TransitionError, TRANSITIONS, type Transition } from "#app/editorial/workflow.server.ts";
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
  const { lang, user, item } = requireItem(request, params, context, intent as Transition);
  const comment = (single(form, "comment") ?? "").slice(0, 2000);
  const back = `/${lang}/edit/${SEGMENT_OF[item.type]}/${item.id}`;
  try {
    transition(getDb(), user, item, intent as Transition, comment || null, clientIp(context));
  } catch (error) {
    if (error instanceof TransitionError) return redirect(`${back}?error=${error.code}`, { status: 303 });
    throw error;
  }
  return redirect(`${back}?done=${intent}`, { status: 303 });
}
