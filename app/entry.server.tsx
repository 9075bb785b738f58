import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { languageCookie } from "./i18n/i18next.server.ts";
import { isLanguage } from "./i18n/languages.ts";
import { NonceProvider } from "./utils/nonce.tsx";

const ABORT_DELAY = 5_000;

/** Remembers the language of the page being read, so "/" brings the reader back to it. */
async function rememberLanguage(request: Request, headers: Headers) {
  const segment = new URL(request.url).pathname.split("/")[1];
  if (!isLanguage(segment)) return;
  const current = await languageCookie.parse(request.headers.get("Cookie"));
  if (current !== segment) headers.append("Set-Cookie", await languageCookie.serialize(segment));
}

/**
 * Enforced CSP: scripts only with this response's nonce (and what they load, 'strict-dynamic'), no
 * plugins, no <base>, no framing. User Markdown is sanitised before it is stored; this is the second
 * layer. The dev server (Vite) injects its own scripts, so the policy applies to production builds.
 * server/security.ts sets HSTS, nosniff, Referrer-Policy and X-Frame-Options on every response.
 */
function securityHeaders(headers: Headers, nonce: string | undefined) {
  // Without the production server (vite dev) there is no nonce and no Express to set the others.
  if (!nonce) {
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
    return;
  }
  headers.set(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'nonce-${nonce}' 'strict-dynamic'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
}

export async function handleDataRequest(response: Response, { request }: { request: Request }) {
  await rememberLanguage(request, response.headers);
  return response;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  await rememberLanguage(request, responseHeaders);
  const nonce = typeof loadContext?.cspNonce === "string" ? loadContext.cspNonce : undefined;
  securityHeaders(responseHeaders, nonce);
  const waitForAll = isbot(request.headers.get("user-agent") || "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce ?? ""}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors during streaming are logged once the shell exists; before that onShellError handles them.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
