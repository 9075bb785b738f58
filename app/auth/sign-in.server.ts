import type { DB } from "#db/client.ts";
import { audit } from "#app/models/audit.server.ts";
import { findUserByEmail, setPasswordHash } from "#app/models/users.server.ts";
import { clientIp, startSession } from "./auth.server.ts";
import { clearedSecondFactorCookie, readSecondFactorToken, readSessionToken, secondFactorCookie } from "./cookie.server.ts";
import { knownDeviceId, rememberDevice } from "./known-device.server.ts";
import { hashPassword, needsRehash, PASSWORD_MAX, verifyPassword } from "./password.server.ts";
import { checkSecondFactor } from "./second-factor.server.ts";
import { invalidateSession, validateSessionToken } from "./session.server.ts";
import {
  accountIpKey,
  accountKey,
  clearFailures,
  deviceKey,
  forgiveFailure,
  ipKey,
  recordFailure,
  secondFactorKey,
  throttledCheck,
  waitSeconds,
} from "./throttle.server.ts";
import { consumeToken, issueToken, peekToken, SECOND_FACTOR_TTL_MS } from "./tokens.server.ts";

/** Why a sign-in step was refused: an error code for the form, its status, and how long to wait. */
export type Refusal = { ok: false; error: string; status: 400 | 429; wait?: number };
/** A step that went through: where to go, with the cookies to set. */
export type Passed = { ok: true; location: "second_factor" | "signed_in"; headers: Headers };

/** A session planted before login is ended: the signed-in session is always a new one. */
function endPlantedSession(db: DB, request: Request) {
  const planted = readSessionToken(request);
  const old = planted ? validateSessionToken(db, planted) : null;
  if (old) invalidateSession(db, old.session.id);
}

/** The password step: throttling, the check, the audit, then the second step or a new session. */
export async function signInWithPassword(
  db: DB,
  request: Request,
  context: unknown,
  { email, password }: { email: string; password: string },
): Promise<Refusal | Passed> {
  const ip = clientIp(context);
  // Everything from here to recordFailure is synchronous, so parallel guesses cannot all pass.
  const user = findUserByEmail(db, email);
  // A browser that signed in to this account before skips the account-wide key (never the others).
  const device = knownDeviceId(db, request, user?.id);
  const clientKeys = [accountIpKey(email, ip), ipKey(ip), ...(device ? [deviceKey(device)] : [])];
  const wait = Math.max(...clientKeys.map((k) => waitSeconds(db, k)));
  if (wait > 0) {
    audit(db, { action: "login", outcome: "denied", ip, detail: { email, reason: "throttled", wait } });
    return { ok: false, error: `throttled:${wait}`, status: 429, wait };
  }
  const accountWait = device ? 0 : waitSeconds(db, accountKey(email));
  if (accountWait > 0) {
    // Many failures for this email from elsewhere: new browsers wait, known devices do not.
    audit(db, { action: "login", outcome: "denied", ip, detail: { email, reason: "account_throttled", wait: accountWait } });
    return { ok: false, error: `account_paused:${Math.max(1, Math.ceil(accountWait / 60))}`, status: 429, wait: accountWait };
  }
  // Counted as a failure before the (asynchronous) verification, so parallel guesses cannot all
  // pass the checks above; a success takes it back.
  for (const k of [...clientKeys, accountKey(email)]) recordFailure(db, k);
  // Unknown emails still cost one Argon2 verification, so both failures take the same time.
  const valid = [...password].length <= PASSWORD_MAX * 4 && (await verifyPassword(user?.passwordHash ?? null, password));
  if (!user || !valid || user.disabledAt) {
    audit(db, { actorId: user?.id, action: "login", outcome: "failed", ip, detail: { email: email.slice(0, 100), ...(device ? { knownDevice: true } : {}) } });
    return { ok: false, error: "invalid_credentials", status: 400 };
  }
  // This client's keys are cleared. The account-wide key only takes back this attempt: the owner
  // signing in must not hand an attacker elsewhere a fresh allowance.
  clearFailures(db, accountIpKey(email, ip));
  if (device) clearFailures(db, deviceKey(device));
  forgiveFailure(db, ipKey(ip));
  forgiveFailure(db, accountKey(email));
  if (needsRehash(user.passwordHash!)) setPasswordHash(db, user.id, await hashPassword(password));
  const headers = new Headers();
  if (user.totpKey) {
    // The password was right; the session starts only after the code from the authenticator app.
    const pending = issueToken(db, user.id, "second_factor", null);
    audit(db, { actorId: user.id, action: "login.password", outcome: "ok", ip });
    headers.append("Set-Cookie", secondFactorCookie(pending, SECOND_FACTOR_TTL_MS / 1000));
    return { ok: true, location: "second_factor", headers };
  }
  endPlantedSession(db, request);
  headers.append("Set-Cookie", startSession(db, user.id, request, context));
  headers.append("Set-Cookie", rememberDevice(db, request, user.id));
  audit(db, { actorId: user.id, action: "login", outcome: "ok", ip, detail: device ? { knownDevice: true } : undefined });
  return { ok: true, location: "signed_in", headers };
}

/** Whether this browser is between the password and the code (the second-factor cookie is valid). */
export function pendingSecondFactor(db: DB, request: Request) {
  return peekToken(db, readSecondFactorToken(request) ?? "", "second_factor");
}

/**
 * The second step: the code from the authenticator app (throttled per person). Null when the
 * pending sign-in is gone (expired, or used by a parallel request): start again.
 */
export async function verifySecondFactor(db: DB, request: Request, context: unknown, code: string): Promise<Refusal | Passed | null> {
  const token = readSecondFactorToken(request) ?? "";
  const pending = peekToken(db, token, "second_factor");
  if (!pending) return null;
  const ip = clientIp(context);
  const checked = await throttledCheck(db, secondFactorKey(pending.user.id), () => checkSecondFactor(db, pending.user.id, code));
  if (!checked.ok && checked.wait > 0) return { ok: false, error: `throttled:${checked.wait}`, status: 429, wait: checked.wait };
  if (!checked.ok) {
    audit(db, { actorId: pending.user.id, action: "login.second_factor", outcome: "failed", ip });
    return { ok: false, error: "bad_code", status: 400 };
  }
  if (!consumeToken(db, token, "second_factor")) return null;
  endPlantedSession(db, request);
  const headers = new Headers();
  headers.append("Set-Cookie", startSession(db, pending.user.id, request, context));
  headers.append("Set-Cookie", clearedSecondFactorCookie());
  headers.append("Set-Cookie", rememberDevice(db, request, pending.user.id));
  audit(db, { actorId: pending.user.id, action: "login", outcome: "ok", ip, detail: { secondFactor: true } });
  return { ok: true, location: "signed_in", headers };
}

/** Retry-After for a refusal that asks to wait. */
export const refusalHeaders = (r: Refusal): HeadersInit | undefined => (r.wait ? { "Retry-After": String(r.wait) } : undefined);
