import type { DB } from "#db/client.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import type { Language } from "#app/i18n/languages.ts";
import { audit } from "#app/models/audit.server.ts";
import { findUserByEmail, sendMail, userCitySlugs } from "#app/models/users.server.ts";
import { publicOrigin } from "#app/utils/http.server.ts";
import { forgetDevices, rememberDevice } from "./known-device.server.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./password.server.ts";
import { accountIpKey, accountKey, clearFailures, emailKey, recordFailure, waitSeconds } from "./throttle.server.ts";
import { consumeTokenSettingPassword, issueToken, peekToken } from "./tokens.server.ts";

/**
 * The single-use links that set a password: accepting an invitation and resetting a forgotten
 * password (the request, then the new password). Errors are the form codes of app/auth/forms.ts.
 */

/** The same answer whether or not the address has an account; at most one mail per address per throttle step. */
export async function requestPasswordReset(db: DB, lang: Language, email: string, ip: string): Promise<void> {
  const key = emailKey(`reset:${email}`);
  if (waitSeconds(db, key) > 0) return;
  const user = findUserByEmail(db, email);
  recordFailure(db, key);
  // The same Argon2 work on both paths, so the response time says nothing about the address.
  await verifyPassword(null, email);
  if (user && !user.disabledAt && user.passwordHash) {
    const token = issueToken(db, user.id, "password_reset", null);
    const t = await getT(lang);
    sendMail(
      db,
      user.email,
      t("auth.mailResetSubject"),
      t("auth.mailResetBody", { link: `${publicOrigin()}/${lang}/reset-password/${token}`, interpolation: { escapeValue: false } }),
    );
  }
  audit(db, { actorId: user?.id, action: "password_reset.request", outcome: "ok", ip, detail: { known: Boolean(user) } });
}

/** What an invitation link shows before it is used, or null when it is not (or no longer) valid. */
export function invitationFor(db: DB, token: string) {
  const found = peekToken(db, token, "invitation");
  return found ? { email: found.user.email, role: found.user.role, displayName: found.user.displayName } : null;
}

export function resetLinkValid(db: DB, token: string): boolean {
  return Boolean(peekToken(db, token, "password_reset"));
}

type LinkOutcome = { ok: true; headers?: HeadersInit } | { ok: false; invalid: true } | { ok: false; invalid: false; error: string };

/** Sets the invited person's password (and name) and spends the link. */
export async function acceptInvitation(db: DB, token: string, value: { password: string; displayName?: string }, ip: string): Promise<LinkOutcome> {
  const found = peekToken(db, token, "invitation");
  if (!found) return { ok: false, invalid: true };
  const displayName = value.displayName ?? "";
  const problem = passwordProblem(value.password, [found.user.email, displayName, ...userCitySlugs(db, found.user.id)]);
  if (problem) return { ok: false, invalid: false, error: `password_${problem}` };
  const user = consumeTokenSettingPassword(db, token, "invitation", await hashPassword(value.password), displayName || undefined);
  if (!user) return { ok: false, invalid: true };
  audit(db, { actorId: user.id, action: "invitation.accept", outcome: "ok", targetType: "user", targetId: user.id, ip });
  return { ok: true };
}

/** Sets a new password through a reset link; the browser that opened it becomes the only known device. */
export async function completePasswordReset(db: DB, request: Request, token: string, password: string, ip: string): Promise<LinkOutcome> {
  const found = peekToken(db, token, "password_reset");
  if (!found) return { ok: false, invalid: true };
  const problem = passwordProblem(password, [found.user.email, found.user.displayName]);
  if (problem) return { ok: false, invalid: false, error: `password_${problem}` };
  const user = consumeTokenSettingPassword(db, token, "password_reset", await hashPassword(password));
  if (!user) return { ok: false, invalid: true };
  // Failures against the old password no longer matter. The browser that opened the link (it
  // reads the mailbox) becomes the only known device, so it can sign in even while the account is
  // being attacked from elsewhere; whoever knew the old password loses that shortcut.
  clearFailures(db, accountKey(user.email));
  clearFailures(db, accountIpKey(user.email, ip));
  forgetDevices(db, user.id);
  audit(db, { actorId: user.id, action: "password_reset.complete", outcome: "ok", targetType: "user", targetId: user.id, ip });
  return { ok: true, headers: { "Set-Cookie": rememberDevice(db, request, user.id) } };
}
