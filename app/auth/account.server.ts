import type { DB } from "#db/client.ts";
import { audit } from "#app/models/audit.server.ts";
import { getUserById, setPasswordHash } from "#app/models/users.server.ts";
import type { AccountForm } from "./forms.ts";
import { forgetDevices, rememberDevice } from "./known-device.server.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./password.server.ts";
import { cancelTotpSetup, checkSecondFactor, confirmTotp, disableTotp, pendingTotpKey, startTotpSetup, TOTP_SETUP_MS } from "./second-factor.server.ts";
import { endUserSession, invalidateUserSessions, type SessionUser } from "./session.server.ts";
import { reauthKey, secondFactorKey, secondFactorSetupKey, throttledCheck } from "./throttle.server.ts";

/**
 * The changes a signed-in person makes on their account page: sessions, password, second factor.
 * Each is audited; checks of the current password and of codes are throttled as at sign-in.
 */
export type AccountActor = { user: SessionUser; sessionId: string; request: Request; ip: string };

export type AccountDone = {
  ok: true;
  /** Other sessions ended. */
  ended?: number;
  passwordChanged?: boolean;
  twoStep?: "enabled" | "changed" | "disabled";
  /** This very session was ended: the person is signed out. */
  signedOut?: boolean;
  headers?: HeadersInit;
};
/** Field errors as form codes (`wrong_password`, `bad_code`, `throttled:30`, `password_too_common`); `wait` > 0 means 429. */
export type AccountRefused = { ok: false; wait: number; fieldErrors?: Record<string, string[]>; formErrors?: string[] };

const refused = (field: string, code: string, wait: number): AccountRefused => ({
  ok: false,
  wait,
  fieldErrors: { [field]: [wait ? `throttled:${wait}` : code] },
});

export async function runAccountAction(db: DB, actor: AccountActor, form: AccountForm): Promise<AccountDone | AccountRefused> {
  const { user, sessionId: current, ip } = actor;
  const currentPassword = (typed: string) => throttledCheck(db, reauthKey(user.id), () => verifyPassword(getUserById(db, user.id)!.passwordHash, typed));
  /**
   * Re-authentication for the second factor: the current password, and with two-step verification
   * on, a current code too (spent like a sign-in code; both throttled as at sign-in).
   */
  const reauthenticate = async (typed: string, code: string | null): Promise<{ ok: true } | AccountRefused> => {
    const password = await currentPassword(typed);
    if (!password.ok) return refused("currentPassword", "wrong_password", password.wait);
    if (code === null) return { ok: true };
    const checked = await throttledCheck(db, secondFactorKey(user.id), () => checkSecondFactor(db, user.id, code));
    return checked.ok ? checked : refused("code", "bad_code", checked.wait);
  };
  const enabled = () => Boolean(getUserById(db, user.id)!.totpKey);
  switch (form.intent) {
    case "end-session": {
      const n = endUserSession(db, user.id, form.session) ? 1 : 0;
      audit(db, { actorId: user.id, action: "session.end", outcome: n ? "ok" : "failed", ip });
      return { ok: true, ended: n, signedOut: form.session === current };
    }
    case "end-others": {
      const n = invalidateUserSessions(db, user.id, current);
      audit(db, { actorId: user.id, action: "session.end_others", outcome: "ok", ip, detail: { ended: n } });
      return { ok: true, ended: n };
    }
    case "password": {
      const checked = await currentPassword(form.currentPassword);
      if (!checked.ok) {
        audit(db, { actorId: user.id, action: "password.change", outcome: "failed", ip });
        return refused("currentPassword", "wrong_password", checked.wait);
      }
      const problem = passwordProblem(form.password, [user.email, user.displayName]);
      if (problem) return refused("password", `password_${problem}`, 0);
      setPasswordHash(db, user.id, await hashPassword(form.password));
      invalidateUserSessions(db, user.id, current);
      // Whoever knew the old password loses the known-device shortcut; this browser keeps it.
      forgetDevices(db, user.id);
      audit(db, { actorId: user.id, action: "password.change", outcome: "ok", ip });
      return { ok: true, passwordChanged: true, headers: { "Set-Cookie": rememberDevice(db, actor.request, user.id) } };
    }
    case "totp-start": {
      // Starting a setup needs the password; replacing a key in use needs a current code too.
      const rekey = enabled();
      const checked = await reauthenticate(form.currentPassword, rekey ? form.code : null);
      if (!checked.ok) {
        const reason = checked.fieldErrors?.code ? "bad_code" : "wrong_password";
        audit(db, { actorId: user.id, action: "second_factor.setup", outcome: "failed", ip, detail: { rekey, reason } });
        return checked;
      }
      startTotpSetup(db, current);
      audit(db, { actorId: user.id, action: "second_factor.setup", outcome: "ok", ip, detail: { rekey } });
      return { ok: true };
    }
    case "totp-confirm": {
      const expired: AccountRefused = { ok: false, wait: 0, formErrors: [`setup_expired:${TOTP_SETUP_MS / 60_000}`] };
      if (!pendingTotpKey(db, current)) return expired;
      const box: { result: ReturnType<typeof confirmTotp> | null } = { result: null };
      const checked = await throttledCheck(db, secondFactorSetupKey(current), () => (box.result = confirmTotp(db, user.id, current, form.code)).ok);
      const confirmed = box.result;
      if (!checked.ok || !confirmed?.ok) {
        if (confirmed && !confirmed.ok && confirmed.reason === "no_setup") return expired;
        return refused("code", "bad_code", checked.ok ? 0 : checked.wait);
      }
      const { replaced, ended } = confirmed;
      audit(db, { actorId: user.id, action: replaced ? "second_factor.change" : "second_factor.enable", outcome: "ok", ip, detail: { endedSessions: ended } });
      return { ok: true, twoStep: replaced ? "changed" : "enabled", ended };
    }
    case "totp-cancel": {
      cancelTotpSetup(db, current);
      return { ok: true };
    }
    case "totp-disable": {
      if (!enabled()) return { ok: false, wait: 0 };
      const checked = await reauthenticate(form.currentPassword, form.code);
      if (!checked.ok) {
        const reason = checked.fieldErrors?.code ? "bad_code" : "wrong_password";
        audit(db, { actorId: user.id, action: "second_factor.disable", outcome: "failed", ip, detail: { reason } });
        return checked;
      }
      disableTotp(db, user.id);
      const ended = invalidateUserSessions(db, user.id, current);
      audit(db, { actorId: user.id, action: "second_factor.disable", outcome: "ok", ip, detail: { endedSessions: ended } });
      return { ok: true, twoStep: "disabled", ended };
    }
  }
}
