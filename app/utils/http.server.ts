import type { Params } from "@remix-run/react";
import { isLanguage, type Language } from "#app/i18n/languages.ts";

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

/** Only local paths: `//evil.example` and `https://…` fall back, so redirects never leave the site. */
export function safeRedirect(to: string | null | undefined, fallback: string): string {
  if (!to || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
