import { redirect } from "@remix-run/node";
import type { DB } from "#db/client.ts";
import type { Language } from "#app/i18n/languages.ts";
import { auditDenial, auditPath } from "#app/models/audit.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { authorize, type ItemResource } from "./authorize.ts";
import { clearedSessionCookie, readSessionToken, sessionCookie } from "./cookie.server.ts";
import type { GlobalAction, ItemAction } from "./permissions.ts";
import { ABSOLUTE_MS, createSession, invalidateSession, validateSessionToken, type Session, type SessionUser } from "./session.server.ts";

/** What the Express server passes to every loader and action (server/index.ts). */
export type RequestContext = { ip?: string };

export function clientIp(context: unknown): string {
  const ip = (context as RequestContext | undefined)?.ip;
  return typeof ip === "string" ? ip : "";
}

const seen = new WeakMap<Request, { session: Session; user: SessionUser } | null>();

/** The signed-in user of this request, or null. Validated once per request. */
export function getAuth(request: Request, db: DB = getDb()): { session: Session; user: SessionUser } | null {
  if (seen.has(request)) return seen.get(request)!;
  const token = readSessionToken(request);
  const found = token ? validateSessionToken(db, token) : null;
  seen.set(request, found);
  return found;
}

export const getUser = (request: Request) => getAuth(request)?.user ?? null;

function loginRedirect(request: Request, lang: Language): never {
  const url = new URL(request.url);
  throw redirect(`/${lang}/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export function requireUser(request: Request, lang: Language): SessionUser {
  return getUser(request) ?? loginRedirect(request, lang);
}

/**
 * Anonymous people are sent to sign in, without an audit row: that is the normal path of an expired
 * session or a bookmark, it names nobody, and any client could otherwise write a row per request
 * (the sign-in that follows is audited). Signed-in denials are audited, with the path capped and at
 * most DENIALS_PER_MINUTE rows per address a minute.
 */
function deny(
  request: Request,
  lang: Language,
  context: unknown,
  user: SessionUser | null,
  action: string,
  reason: string,
  target?: { type: string; id?: number },
): never {
  if (!user) loginRedirect(request, lang);
  auditDenial(getDb(), {
    actorId: user.id,
    action,
    targetType: target?.type,
    targetId: target?.id,
    ip: clientIp(context),
    detail: { reason, ...auditPath(new URL(request.url).pathname) },
  });
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

/** Allows or throws: anonymous people go to the login page, signed-in people get 403. Denials are audited. */
export function requireItemPermission(
  request: Request,
  lang: Language,
  context: unknown,
  action: ItemAction,
  resource: ItemResource & { id: number },
): SessionUser | null {
  const user = getUser(request);
  const d = authorize(user, action, resource);
  if (!d.allowed) deny(request, lang, context, user, action, d.reason, { type: resource.type, id: resource.id });
  return user;
}

export function requirePermission(request: Request, lang: Language, context: unknown, action: GlobalAction, cityId?: number): SessionUser {
  const user = getUser(request);
  const d = authorize(user, action, { cityId });
  if (!d.allowed || !user) deny(request, lang, context, user, action, d.allowed ? "not signed in" : d.reason);
  return user;
}

/** A new session on every login (so a planted cookie is never promoted), returned as a Set-Cookie value. */
export function startSession(db: DB, userId: number, request: Request, context: unknown): string {
  const { token } = createSession(db, userId, { userAgent: request.headers.get("User-Agent") ?? "", ip: clientIp(context) });
  return sessionCookie(token, ABSOLUTE_MS / 1000);
}

export function endSession(request: Request, db: DB = getDb()): string {
  const auth = getAuth(request, db);
  if (auth) invalidateSession(db, auth.session.id);
  return clearedSessionCookie();
}
