import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { clientIp, endSession, getUser } from "#app/auth/auth.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { langParam } from "#app/utils/http.server.ts";

/** Signing out is a POST (the header's button); a GET only redirects, so links cannot sign anyone out. */
export function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/${langParam(params)}`);
}

export function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = getUser(request);
  const cookie = endSession(request);
  if (user) audit(getDb(), { actorId: user.id, action: "logout", outcome: "ok", ip: clientIp(context) });
  return redirect(`/${lang}`, { headers: { "Set-Cookie": cookie } });
}
