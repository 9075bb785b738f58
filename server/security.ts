import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { ORIGIN_EXAMPLE, originOf } from "#app/utils/env-values.server.ts";

/**
 * The site's own origin and the Host names it answers to. PUBLIC_URL is the public origin; without
 * it the site is local only: http://localhost:$PORT, which `npm start` on a fresh clone uses. Links
 * (hreflang, mail) and the cross-site check's expected origin come from here, never from the Host
 * header. The loopback names on our own port are always accepted (a reverse proxy on the same
 * machine often passes its upstream address as Host), each as its own http origin.
 */
export type Site = { publicOrigin: string; configured: boolean; hosts: Map<string, string> };

export class SiteConfigError extends Error {}

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];

export function siteFromEnv(publicUrl: string | undefined, port: number): Site {
  const configured = Boolean(publicUrl?.trim());
  const raw = configured ? publicUrl!.trim() : `http://localhost:${port}`;
  // The config (app/utils/env.server.ts) has refused a bad PUBLIC_URL already, by the same rule.
  const origin = originOf(raw);
  if (!origin) throw new SiteConfigError(`PUBLIC_URL=${raw} must be an http(s) origin without a path, e.g. ${ORIGIN_EXAMPLE}`);
  const url = new URL(origin);
  const hosts = new Map<string, string>();
  for (const name of LOOPBACK) {
    hosts.set(`${name}:${port}`, `http://${name}:${port}`);
    if (port === 80) hosts.set(name, `http://${name}`);
  }
  // Last, so that the public origin wins when PUBLIC_URL is itself a loopback address.
  hosts.set(url.host, url.origin);
  hosts.set(`${url.hostname}:${url.port || (url.protocol === "https:" ? 443 : 80)}`, url.origin);
  return { publicOrigin: url.origin, configured, hosts };
}

/** Whether this request came through a proxy we trust (TRUST_PROXY), by Express's own rule. */
function fromTrustedProxy(req: Request): boolean {
  const trust = req.app.get("trust proxy fn") as ((addr: string | undefined, i: number) => boolean) | undefined;
  return Boolean(trust?.(req.socket.remoteAddress, 0));
}

/**
 * X-Forwarded-* and Forwarded are the client's to invent unless a trusted proxy set them: without
 * TRUST_PROXY (or from an address it does not cover) they are removed before anything reads them,
 * Remix included (it builds the request URL and its origin check from X-Forwarded-Host).
 */
export function forwardedHeaders(req: Request, _res: Response, next: NextFunction) {
  if (!fromTrustedProxy(req)) {
    for (const name of Object.keys(req.headers)) if (name.startsWith("x-forwarded-") || name === "forwarded") delete req.headers[name];
  }
  next();
}

const firstValue = (header: string | undefined) => header?.split(",")[0]?.trim().toLowerCase() ?? "";

/**
 * Answers only for our own host names (421 otherwise: DNS rebinding, poisoned caches, a spoofed
 * Host). Then the request continues with the canonical Host and no X-Forwarded-Host, so everything
 * after this (Remix's request URL and its origin check) sees one consistent host, and
 * `res.locals.expectedOrigin` is the origin our own pages have on that host.
 */
export function hostGuard(site: Site) {
  return (req: Request, res: Response, next: NextFunction) => {
    // An absolute-form target (`GET http://other.example/ HTTP/1.1`) would name its own host, and
    // Remix cannot build a URL from it: we are not a proxy.
    if (!req.url.startsWith("/") && !(req.method === "OPTIONS" && req.url === "*")) return res.status(400).type("text/plain").send("Bad request target");
    const host = firstValue(req.get("X-Forwarded-Host")) || firstValue(req.get("Host"));
    let origin = site.hosts.get(host);
    if (!origin) {
      // Load balancers check health by address; the answer does not depend on the host.
      if (req.path !== "/healthz" || (req.method !== "GET" && req.method !== "HEAD")) {
        return res.status(421).type("text/plain").send("Misdirected request: this server does not answer for that host name.");
      }
      origin = site.publicOrigin;
    }
    res.locals.expectedOrigin = origin;
    req.headers.host = new URL(origin).host;
    delete req.headers["x-forwarded-host"];
    next();
  };
}

/**
 * Methods Remix does not answer safely. Unknown methods get 405 here (Remix would log an error for
 * each). OPTIONS (a CORS preflight, or a probe) gets 204 without any
 * CORS grant when it comes from our own origin or none, else 403. HEAD on a single-fetch `.data`
 * URL would reach Remix's action path (and its origin check); it is a GET whose body Node drops.
 */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function safeMethods(req: Request, res: Response, next: NextFunction) {
  if (!METHODS.has(req.method)) return res.status(405).setHeader("Allow", "GET, HEAD, POST").type("text/plain").send("Method Not Allowed");
  if (req.method === "OPTIONS") {
    const origin = req.get("Origin");
    res.setHeader("Allow", "GET, HEAD, POST");
    if (origin && origin !== res.locals.expectedOrigin) return res.status(403).type("text/plain").send("Forbidden: cross-origin request");
    return res.status(204).end();
  }
  if (req.method === "HEAD" && req.path.endsWith(".data")) req.method = "GET";
  next();
}

/**
 * Cross-site request forgery: every request that can change something must come from our own
 * pages. Browsers send Sec-Fetch-Site (modern) or Origin (older); a write with neither is refused,
 * as the Lucia guide and the OWASP cheat sheet advise. SameSite=Lax on the session cookie is the
 * second layer. The expected origin comes from configuration (hostGuard), not from the request.
 */
export function sameOriginWrites(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const site = req.get("Sec-Fetch-Site");
  const origin = req.get("Origin");
  const expected = res.locals.expectedOrigin as string | undefined;
  const ok = Boolean(expected) && (site ? site === "same-origin" && (!origin || origin === expected) : origin === expected);
  if (ok) return next();
  res.status(403).type("text/plain").send("Forbidden: cross-site request");
}

/**
 * Remix (2.17) compares a write's Origin with X-Forwarded-Host or Host itself and throws, which
 * becomes a 500. hostGuard and sameOriginWrites make that impossible; this is the same comparison
 * made just before Remix, so that if anything ever slips through it is a 403, never a 500.
 */
export function remixOriginCheck(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const origin = req.get("Origin");
  if (!origin) return next();
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" or not a URL: Remix throws on both, so refused below
  }
  const host = req.get("X-Forwarded-Host")?.split(",")[0]?.trim() || req.get("Host");
  if (originHost && originHost === host) return next();
  res.status(403).type("text/plain").send("Forbidden: cross-site request");
}

/** A per-request nonce for the Content-Security-Policy that entry.server.tsx sets on pages. */
export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
}

export function baseHeaders(req: Request, res: Response, next: NextFunction) {
  res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  // Pages seen while signed in are personal: never stored by browsers or proxies.
  if (/(?:^|;\s*)__Host-rce_session=/.test(req.get("Cookie") ?? "")) res.setHeader("Cache-Control", "private, no-store");
  next();
}

/**
 * A general limit on writes per client address: a fixed one-minute window, in memory (one process).
 * Login has its own, stricter, growing delay in the app.
 */
export function writeRateLimit(perMinute: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const now = Date.now();
    const key = req.ip ?? "";
    let w = windows.get(key);
    if (!w || now - w.start >= 60_000) {
      w = { start: now, count: 0 };
      windows.set(key, w);
      if (windows.size > 10_000) for (const [k, v] of windows) if (now - v.start >= 60_000) windows.delete(k);
    }
    if (++w.count > perMinute) {
      res.setHeader("Retry-After", String(Math.ceil((w.start + 60_000 - now) / 1000)));
      return res.status(429).type("text/plain").send("Too many requests: please wait a minute.");
    }
    next();
  };
}

/**
 * Refuses bodies over the limit before anything parses them. Bodies must declare their length
 * (browsers always do for forms): a chunked upload of unknown size would be read whole otherwise.
 */
export function bodyLimit(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.get("Transfer-Encoding") && req.method !== "GET" && req.method !== "HEAD") {
      return res.status(411).type("text/plain").send("Length Required");
    }
    const length = Number(req.get("Content-Length") ?? 0);
    if (length <= maxBytes) return next();
    // Node discards the rest of the body after the answer, so the client receives the 413 rather than a reset connection.
    res.status(413).type("text/plain").send("Request too large");
  };
}
