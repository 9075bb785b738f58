import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp, getAuth, requireUser } from "#app/auth/auth.server.ts";
import { hashPassword, passwordProblem, verifyPassword, type PasswordProblem } from "#app/auth/password.server.ts";
import { endUserSession, invalidateUserSessions, listUserSessions } from "#app/auth/session.server.ts";
import { forgetDevices, rememberDevice } from "#app/auth/known-device.server.ts";
import { reauthKey, throttledCheck } from "#app/auth/throttle.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { confirmTotp, disableTotp, getUserById, setPasswordHash, startTotpSetup, userCitySlugs } from "#app/models/users.server.ts";
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
  return {
    lang,
    user: { email: user.email, displayName: user.displayName, role: user.role, cities: userCitySlugs(db, user.id) },
    twoStep: {
      enabled: Boolean(row.totpKey),
      // Shown only while being set up, to the signed-in owner (no-store page).
      setupKey: row.totpPendingKey ? displayKey(row.totpPendingKey) : null,
      setupUri: row.totpPendingKey ? totpUri(row.email, row.totpPendingKey) : null,
    },
    sessions: listUserSessions(db, user.id).map((s) => ({ id: s.id, current: s.id === current, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), userAgent: s.userAgent, ip: s.ip })),
    meta: { title: t("account.title") },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

const retryAfter = (wait: number) => (wait > 0 ? { status: 429, headers: { "Retry-After": String(wait) } } : { status: 400 });

type Result = { ended?: number; passwordChanged?: boolean; problem?: PasswordProblem | "wrong_password"; twoStep?: "enabled" | "disabled" | "bad_code" | "wrong_password" };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = requireUser(request, lang);
  const current = getAuth(request)!.session.id;
  const db = getDb();
  const form = await readForm(request);
  const ip = clientIp(context);
  // Guessing the current password is throttled like logging in (per person, whatever the address).
  const currentPassword = () => throttledCheck(db, reauthKey(user.id), () => verifyPassword(getUserById(db, user.id)!.passwordHash, single(form, "currentPassword") ?? ""));
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
        return Response.json({ problem: "wrong_password" } satisfies Result, retryAfter(checked.wait));
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
    case "totp-start":
      startTotpSetup(db, user.id);
      return {} satisfies Result;
    case "totp-confirm": {
      if (!confirmTotp(db, user.id, single(form, "code") ?? "")) return Response.json({ twoStep: "bad_code" } satisfies Result, { status: 400 });
      audit(db, { actorId: user.id, action: "second_factor.enable", outcome: "ok", ip });
      return { twoStep: "enabled" } satisfies Result;
    }
    case "totp-disable": {
      const checked = await currentPassword();
      if (!checked.ok) {
        audit(db, { actorId: user.id, action: "second_factor.disable", outcome: "failed", ip });
        return Response.json({ twoStep: "wrong_password" } satisfies Result, retryAfter(checked.wait));
      }
      disableTotp(db, user.id);
      audit(db, { actorId: user.id, action: "second_factor.disable", outcome: "ok", ip });
      return { twoStep: "disabled" } satisfies Result;
    }
  }
  throw new Response("Bad Request", { status: 400 });
}

/** "Current password", asked before changes that an open laptop should not allow. */
function CurrentPasswordField({ id, wrong }: { id: string; wrong: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`field ${wrong ? "has-error" : ""}`}>
      <label htmlFor={id}>{t("account.currentPassword")}</label>
      <input id={id} name="currentPassword" type="password" autoComplete="current-password" required maxLength={1024} aria-describedby={wrong ? `${id}-error` : undefined} />
      {wrong ? (
        <ul className="field-errors" id={`${id}-error`}>
          <li>{t("account.wrongPassword")}</li>
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
        {result?.twoStep === "enabled" || result?.twoStep === "disabled" ? (
          <p className="notice" role="status">
            {t(result.twoStep === "enabled" ? "twoStep.enabledNow" : "twoStep.disabledNow")}
          </p>
        ) : null}
        {twoStep.enabled ? (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="totp-disable" />
            <CurrentPasswordField id="totp-password" wrong={result?.twoStep === "wrong_password"} />
            <button type="submit" className="secondary">
              {t("twoStep.disable")}
            </button>
          </Form>
        ) : twoStep.setupKey ? (
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
            <div className={`field ${result?.twoStep === "bad_code" ? "has-error" : ""}`}>
              <label htmlFor="totp-code">{t("twoStep.code")}</label>
              <input id="totp-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} required aria-describedby={result?.twoStep === "bad_code" ? "totp-code-error" : undefined} />
              {result?.twoStep === "bad_code" ? (
                <ul className="field-errors" id="totp-code-error">
                  <li>{t("twoStep.invalidCode")}</li>
                </ul>
              ) : null}
            </div>
            <button type="submit">{t("twoStep.confirm")}</button>
          </Form>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="totp-start" />
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
          <CurrentPasswordField id="currentPassword" wrong={result?.problem === "wrong_password"} />
          <div className={`field ${result?.problem && result.problem !== "wrong_password" ? "has-error" : ""}`}>
            <label htmlFor="password">{t("auth.newPassword")}</label>
            <p className="field-help" id="new-help">
              {t("auth.passwordHelp")}
            </p>
            <input id="password" name="password" type="password" autoComplete="new-password" required minLength={12} maxLength={256} aria-describedby="new-help" />
            {result?.problem && result.problem !== "wrong_password" ? (
              <ul className="field-errors">
                <li>{t(`auth.passwordProblem.${result.problem}`)}</li>
              </ul>
            ) : null}
          </div>
          <button type="submit">{t("account.changePassword")}</button>
        </Form>
      </section>
    </>
  );
}
