import type { Params } from "@remix-run/react";
import { isLanguage, type Language } from "#app/i18n/languages.ts";
import { env } from "./env.server.ts";

export function notFound(): never {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

/** The language of a `/{lang}/...` route; the layout has already redirected unknown ones. */
export function langParam(params: Params): Language {
  if (!isLanguage(params.lang)) notFound();
  return params.lang;
}

/** Found-or-404, so loaders read as "get it, or it's not there". */
export function orNotFound<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) notFound();
  return value;
}

/**
 * Only paths on this site: anything that resolves to another origin (`//evil`, `/\\evil`, `/%09/evil`
 * once browsers strip the tab) or holds control characters falls back.
 */
export function safeRedirect(to: string | null | undefined, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  if (!to || !to.startsWith("/") || /[\u0000-\u001F\u007F\\]/.test(to) || /%(?:0[0-9a-f]|1[0-9a-f]|7f|5c)/i.test(to)) return fallback;
  const base = "http://site.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}

/**
 * The site's public origin for absolute links (mail, hreflang alternates). Never taken from the
 * request's Host header, which a client can set to anything: PUBLIC_URL (already an origin, see
 * env.server.ts), else the local-only site http://localhost:$PORT that server/security.ts serves.
 */
export function publicOrigin(): string {
  const { PUBLIC_URL, PORT } = env();
  return PUBLIC_URL ?? `http://localhost:${PORT}`;
}
