import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/**
 * Cross-site request forgery: every request that can change something must come from our own
 * pages. Browsers send Sec-Fetch-Site (modern) or Origin (older); a write with neither is refused,
 * as the Lucia guide and the OWASP cheat sheet advise. SameSite=Lax on the session cookie is the
 * second layer.
 */
export function sameOriginWrites(publicOrigin: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const site = req.get("Sec-Fetch-Site");
    const origin = req.get("Origin");
    const expected = publicOrigin ?? `${req.protocol}://${req.get("Host")}`;
    const ok = site ? site === "same-origin" && (!origin || origin === expected) : origin === expected;
    if (ok) return next();
    res.status(403).type("text/plain").send("Forbidden: cross-site request");
  };
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
