import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OneTimeCodeField } from "#app/components/one-time-code-field.tsx";
import { NewPasswordField } from "#app/components/password-form.tsx";
import { clientIp, getAuth, requireUser } from "#app/auth/auth.server.ts";
import { hashPassword, passwordProblem, verifyPassword, type PasswordProblem } from "#app/auth/password.server.ts";
import { endUserSession, invalidateUserSessions, listUserSessions } from "#app/auth/session.server.ts";
import { forgetDevices, rememberDevice } from "#app/auth/known-device.server.ts";
import { reauthKey, secondFactorKey, secondFactorSetupKey, throttledCheck } from "#app/auth/throttle.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { cancelTotpSetup, checkSecondFactor, confirmTotp, disableTotp, pendingTotpKey, startTotpSetup, TOTP_SETUP_MS } from "#app/auth/second-factor.server.ts";
import { getUserById, setPasswordHash, userCitySlugs } from "#app/models/users.server.ts";
import { displayKey, totpUri } from "#app/auth/totp.server.ts";
import { formatDateTime } from "#app/utils/format.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm, single } from "#app/utils/form.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = requireUser(request, lang);
  const current = getAuth(request)!.session.id;
  const t = await getT(lang);
  const db = getDb();
  const row = getUserById(db, user.id)!;
  // A key being set up belongs to the session that started the setup (after re-authentication),
  // and only while the setup lasts: another session of the same person never receives it.
  const pending = pendingTotpKey(db, current);
  return {
    lang,
    user: { email: user.email, displayName: user.displayName, role: user.role, cities: userCitySlugs(db, user.id) },
    twoStep: {
      enabled: Boolean(row.totpKey),
      setupKey: pending ? displayKey(pending.key) : null,
      setupUri: pending ? totpUri(row.email, pending.key) : null,
      setupMinutes: TOTP_SETUP_MS / 60_000,
    },
    sessions: listUserSessions(db, user.id).map((s) => ({
      id: s.id,
      current: s.id === current,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      userAgent: s.userAgent,
      ip: s.ip,
    })),
    meta: { title: t("account.title") },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

const retryAfter = (wait: number) => (wait > 0 ? { status: 429, headers: { "Retry-After": String(wait) } } : { status: 400 });

type TwoStepOutcome = "enabled" | "changed" | "disabled" | "bad_code" | "wrong_password" | "setup_expired";
type Result = {
  ended?: number;
  passwordChanged?: boolean;
  problem?: PasswordProblem | "wrong_password";
  twoStep?: TwoStepOutcome;
  /** Seconds to wait when a check was throttled. */
  wait?: number;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = requireUser(request, lang);
  const current = getAuth(request)!.session.id;
  const db = getDb();
  const form = await readForm(request);
  const ip = clientIp(context);
  // Guessing the current password is throttled like logging in (per person, whatever the address).
  const currentPassword = () =>
    throttledCheck(db, reauthKey(user.id), () => verifyPassword(getUserById(db, user.id)!.passwordHash, single(form, "currentPassword") ?? ""));
  /**
   * Re-authentication for the second factor: the current password, and with two-step verification
   * on, a current code too (spent like a sign-in code; both throttled as at sign-in).
   */
  const reauthenticate = async (withCode: boolean): Promise<{ ok: true } | { ok: false; twoStep: "wrong_password" | "bad_code"; wait: number }> => {
    const password = await currentPassword();
    if (!password.ok) return { ok: false, twoStep: "wrong_password", wait: password.wait };
    if (!withCode) return { ok: true };
    const code = await throttledCheck(db, secondFactorKey(user.id), () => checkSecondFactor(db, user.id, single(form, "code") ?? ""));
    return code.ok ? code : { ok: false, twoStep: "bad_code", wait: code.wait };
  };
  const enabled = () => Boolean(getUserById(db, user.id)!.totpKey);
  switch (single(form, "intent")) {
    case "end-session": {
      const id = single(form, "session") ?? "";
      const n = endUserSession(db, user.id, id) ? 1 : 0;
      audit(db, { actorId: user.id, action: "session.end", outcome: n ? "ok" : "failed", ip });
      if (id === current) throw redirect(`/${lang}`);
      return { ended: n } satisfies Result;
    }
    case "end-others": {
      const n = invalidateUserSessions(db, user.id, current);
      audit(db, { actorId: user.id, action: "session.end_others", outcome: "ok", ip, detail: { ended: n } });
      return { ended: n } satisfies Result;
    }
    case "password": {
      const checked = await currentPassword();
      if (!checked.ok) {
        audit(db, { actorId: user.id, action: "password.change", outcome: "failed", ip });
        return Response.json({ problem: "wrong_password", wait: checked.wait } satisfies Result, retryAfter(checked.wait));
      }
      const password = single(form, "password") ?? "";
      const problem = passwordProblem(password, [user.email, user.displayName]);
      if (problem) return Response.json({ problem } satisfies Result, { status: 400 });
      setPasswordHash(db, user.id, await hashPassword(password));
      invalidateUserSessions(db, user.id, current);
      // Whoever knew the old password loses the known-device shortcut; this browser keeps it.
      forgetDevices(db, user.id);
      audit(db, { actorId: user.id, action: "password.change", outcome: "ok", ip });
      return Response.json({ passwordChanged: true } satisfies Result, { headers: { "Set-Cookie": rememberDevice(db, request, user.id) } });
    }
    case "totp-start": {
      // Starting a setup needs the password; replacing a key in use needs a current code too.
      const rekey = enabled();
      const checked = await reauthenticate(rekey);
      if (!checked.ok) {
        audit(db, { actorId: user.id, action: "second_factor.setup", outcome: "failed", ip, detail: { rekey, reason: checked.twoStep } });
        return Response.json({ twoStep: checked.twoStep, wait: checked.wait } satisfies Result, retryAfter(checked.wait));
      }
      startTotpSetup(db, current);
      audit(db, { actorId: user.id, action: "second_factor.setup", outcome: "ok", ip, detail: { rekey } });
      return {} satisfies Result;
    }
    case "totp-confirm": {
      if (!pendingTotpKey(db, current)) return Response.json({ twoStep: "setup_expired" } satisfies Result, { status: 400 });
      const box: { result: ReturnType<typeof confirmTotp> | null } = { result: null };
      const checked = await throttledCheck(
        db,
        secondFactorSetupKey(current),
        () => (box.result = confirmTotp(db, user.id, current, single(form, "code") ?? "")).ok,
      );
      const confirmed = box.result;
      if (!checked.ok || !confirmed?.ok) {
        const twoStep = confirmed && !confirmed.ok && confirmed.reason === "no_setup" ? "setup_expired" : "bad_code";
        const wait = checked.ok ? 0 : checked.wait;
        return Response.json({ twoStep, wait } satisfies Result, retryAfter(wait));
      }
      const { replaced, ended } = confirmed;
      audit(db, { actorId: user.id, action: replaced ? "second_factor.change" : "second_factor.enable", outcome: "ok", ip, detail: { endedSessions: ended } });
      return { twoStep: replaced ? "changed" : "enabled", ended } satisfies Result;
    }
    case "totp-cancel": {
      cancelTotpSetup(db, current);
      return {} satisfies Result;
    }
    case "totp-disable": {
      if (!enabled()) return Response.json({} satisfies Result, { status: 400 });
      const checked = await reauthenticate(true);
      if (!checked.ok) {
        audit(db, { actorId: user.id, action: "second_factor.disable", outcome: "failed", ip, detail: { reason: checked.twoStep } });
        return Response.json({ twoStep: checked.twoStep, wait: checked.wait } satisfies Result, retryAfter(checked.wait));
      }
      disableTotp(db, user.id);
      const ended = invalidateUserSessions(db, user.id, current);
      audit(db, { actorId: user.id, action: "second_factor.disable", outcome: "ok", ip, detail: { endedSessions: ended } });
      return { twoStep: "disabled", ended } satisfies Result;
    }
  }
  throw new Response("Bad Request", { status: 400 });
}

/** "Current password", asked before changes that an open laptop should not allow. */
function CurrentPasswordField({ id, wrong, wait }: { id: string; wrong: boolean; wait?: number }) {
  const { t } = useTranslation();
  return (
    <div className={`field ${wrong ? "has-error" : ""}`}>
      <label htmlFor={id}>{t("account.currentPassword")}</label>
      <input
        id={id}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        maxLength={1024}
        aria-invalid={wrong || undefined}
        aria-describedby={wrong ? `${id}-error` : undefined}
      />
      {wrong ? (
        <ul className="field-errors" id={`${id}-error`}>
          <li>{wait ? t("auth.throttled", { count: wait }) : t("account.wrongPassword")}</li>
        </ul>
      ) : null}
    </div>
  );
}

export default function Account() {
  const { lang, user, sessions, twoStep } = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("account.title")}</h1>
      <dl className="facts">
        <dt>{t("auth.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("account.role")}</dt>
        <dd>{t(`userRoles.${user.role}`)}</dd>
        {user.cities.length ? (
          <>
            <dt>{t("account.cities")}</dt>
            <dd>{user.cities.join(", ")}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="sessions-h">
        <h2 id="sessions-h">{t("account.sessions")}</h2>
        <p>{t("account.sessionsIntro")}</p>
        {result?.ended !== undefined ? (
          <p className="notice" role="status">
            {t("account.endedOthers", { count: result.ended })}
          </p>
        ) : null}
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("account.device")}</th>
              <th scope="col">{t("account.started")}</th>
              <th scope="col">{t("account.lastSeen")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("account.end")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.current ? <strong>{t("account.thisSession")}: </strong> : null}
                  {s.userAgent.slice(0, 80)} {s.ip ? `(${s.ip})` : ""}
                </td>
                <td>{formatDateTime(s.createdAt, lang)}</td>
                <td>{formatDateTime(s.lastSeenAt, lang)}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="end-session" />
                    <input type="hidden" name="session" value={s.id} />
                    <button type="submit" className="secondary">
                      {t("account.endSession")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Form method="post">
          <input type="hidden" name="intent" value="end-others" />
          <button type="submit">{t("account.endOthers")}</button>
        </Form>
      </section>

      <section aria-labelledby="two-step-h" className="narrow">
        <h2 id="two-step-h">{t("twoStep.title")}</h2>
        <p>{twoStep.enabled ? t("twoStep.isOn") : t("twoStep.isOff")}</p>
        {result?.twoStep === "enabled" || result?.twoStep === "changed" || result?.twoStep === "disabled" ? (
          <p className="notice" role="status">
            {t(result.twoStep === "enabled" ? "twoStep.enabledNow" : result.twoStep === "changed" ? "twoStep.changedNow" : "twoStep.disabledNow")}{" "}
            {result.ended ? t("account.endedOthers", { count: result.ended }) : null}
          </p>
        ) : null}
        {result?.twoStep === "setup_expired" ? (
          <p className="form-error-summary" role="alert">
            {t("twoStep.setupExpired", { count: twoStep.setupMinutes })}
          </p>
        ) : null}
        {twoStep.setupKey ? (
          <>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="totp-confirm" />
              <p>{t("twoStep.setupIntro")}</p>
              <p>
                <code className="totp-key" data-testid="totp-key">
                  {twoStep.setupKey}
                </code>
              </p>
              <p className="muted small">
                <a href={twoStep.setupUri!}>{t("twoStep.openInApp")}</a>
              </p>
              <p className="field-help">{t("twoStep.setupTimeLimit", { count: twoStep.setupMinutes })}</p>
              <OneTimeCodeField id="totp-code" label={t("twoStep.code")} wrong={result?.twoStep === "bad_code"} wait={result?.wait} />
              <button type="submit">{twoStep.enabled ? t("twoStep.confirmNewKey") : t("twoStep.confirm")}</button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="totp-cancel" />
              <button type="submit" className="secondary">
                {t("twoStep.cancelSetup")}
              </button>
            </Form>
          </>
        ) : twoStep.enabled ? (
          // Replacing or removing the factor: the current password and a current code, in one form.
          <Form method="post" className="stack">
            <p>{t("twoStep.reauthIntro")}</p>
            <CurrentPasswordField id="totp-password" wrong={result?.twoStep === "wrong_password"} wait={result?.wait} />
            <OneTimeCodeField id="totp-current-code" label={t("twoStep.currentCode")} wrong={result?.twoStep === "bad_code"} wait={result?.wait} />
            <div className="actions">
              <button type="submit" name="intent" value="totp-start">
                {t("twoStep.changeKey")}
              </button>
              <button type="submit" name="intent" value="totp-disable" className="secondary">
                {t("twoStep.disable")}
              </button>
            </div>
          </Form>
        ) : (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="totp-start" />
            <p>{t("twoStep.setupReauthIntro")}</p>
            <CurrentPasswordField id="totp-password" wrong={result?.twoStep === "wrong_password"} wait={result?.wait} />
            <button type="submit">{t("twoStep.setUp")}</button>
          </Form>
        )}
      </section>

      <section aria-labelledby="password-h" className="narrow">
        <h2 id="password-h">{t("account.changePassword")}</h2>
        {result?.passwordChanged ? (
          <p className="notice" role="status">
            {t("account.passwordChanged")}
          </p>
        ) : null}
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="password" />
          <CurrentPasswordField id="currentPassword" wrong={result?.problem === "wrong_password"} wait={result?.wait} />
          <NewPasswordField problem={result?.problem && result.problem !== "wrong_password" ? result.problem : null} />
          <button type="submit">{t("account.changePassword")}</button>
        </Form>
      </section>
    </>
  );
}
