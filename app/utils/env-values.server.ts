import { isIP } from "node:net";
import { z } from "zod";

/**
 * The settings that need more than a number or a name (see env.server.ts). PUBLIC_URL's rule lives
 * here alone: the config parses it, and server/security.ts builds the site's host names with it.
 */
export const ORIGIN_EXAMPLE = "https://exchange.example.org";

/** An http(s) origin with nothing after the host (no path, query, or credentials), normalised; else null. */
export function originOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  const bare = (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password && url.pathname === "/" && !url.search && !url.hash;
  return bare ? url.origin : null;
}

export const httpOrigin = z.string().transform((s, ctx) => {
  const origin = originOf(s);
  if (origin) return origin;
  ctx.addIssue({ code: "custom", message: `expected an http(s) origin without a path, e.g. ${ORIGIN_EXAMPLE}` });
  return z.NEVER;
});

/** A server's address (Meilisearch may sit under a path behind a proxy). */
export const httpUrl = z
  .string()
  .refine((s) => {
    try {
      return ["http:", "https:"].includes(new URL(s.trim()).protocol);
    } catch {
      return false;
    }
  }, "expected an http(s) URL, e.g. http://127.0.0.1:7700")
  .transform((s) => s.trim());

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** What Express's "trust proxy" understands as a list: a preset name, an address, or a subnet. */
function proxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = "", range, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (range === undefined) return true;
  if (/^\d+$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(range) === 4; // a netmask, e.g. 10.0.0.0/255.0.0.0
}

/**
 * A number of proxy hops, or a comma-separated list for Express. Checked here because Express
 * would otherwise throw a bare "invalid IP address" at start-up, or trust too much without saying.
 */
export const trustProxyValue = z.string().transform((s, ctx): number | string => {
  const value = s.trim();
  if (/^\d+$/.test(value)) return Number(value);
  if (value.split(",").every((entry) => proxyEntry(entry.trim()))) return value;
  ctx.addIssue({ code: "custom", message: "expected a number of proxies, or loopback, linklocal, uniquelocal, addresses or subnets separated by commas" });
  return z.NEVER;
});
