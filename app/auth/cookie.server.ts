/**
 * The session cookie: `__Host-` prefix (so no Domain, Path=/ and Secure are forced by browsers),
 * HttpOnly, SameSite=Lax. Browsers accept Secure cookies from http://localhost, so local trials work;
 * any other host must be served over HTTPS.
 */
export const SESSION_COOKIE = "__Host-rce_session";

/** Between a correct password and the second factor: a short-lived, single-use token. */
export const SECOND_FACTOR_COOKIE = "__Host-rce_2fa";

/** A browser that signed in before (ADR 005): it skips the account-wide login throttle. */
export const KNOWN_DEVICE_COOKIE = "__Host-rce_device";

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

export const readSessionToken = (request: Request) => readCookie(request, SESSION_COOKIE);
export const readSecondFactorToken = (request: Request) => readCookie(request, SECOND_FACTOR_COOKIE);
export const readKnownDeviceToken = (request: Request) => readCookie(request, KNOWN_DEVICE_COOKIE);

export function knownDeviceCookie(token: string, maxAgeSeconds: number): string {
  return `${KNOWN_DEVICE_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
}

export function secondFactorCookie(token: string, maxAgeSeconds: number): string {
  return `${SECOND_FACTOR_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
}

export function clearedSecondFactorCookie(): string {
  return `${SECOND_FACTOR_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
}

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
}
