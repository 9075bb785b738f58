import type { HeadersFunction } from "@remix-run/node";

/**
 * Remix drops loader and action headers from documents unless the route passes them on: this keeps
 * Retry-After on throttled logins and no-referrer on pages whose URL holds a secret link.
 */
export const passAuthHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const out = new Headers();
  for (const h of [loaderHeaders, actionHeaders]) for (const name of ["Retry-After", "Referrer-Policy"]) if (h.get(name)) out.set(name, h.get(name)!);
  return out;
};
