import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp, getUser, startSession } from "#app/auth/auth.server.ts";
import { hashPassword, needsRehash, PASSWORD_MAX, verifyPassword } from "#app/auth/password.server.ts";
import { invalidateSession, validateSessionToken } from "#app/auth/session.server.ts";
import { readSessionToken, secondFactorCookie } from "#app/auth/cookie.server.ts";
import { knownDeviceId, rememberDevice } from "#app/auth/known-device.server.ts";
import { accountIpKey, accountKey, clearFailures, deviceKey, forgiveFailure, ipKey, recordFailure, waitSeconds } from "#app/auth/throttle.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { findUserByEmail, normalizeEmail, setPasswordHash } from "#app/models/users.server.ts";
import { issueToken, SECOND_FACTOR_TTL_MS } from "#app/auth/tokens.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm, single } from "#app/utils/form.server.ts";
import { langParam, safeRedirect } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  if (getUser(request)) throw redirect(`/${lang}/dashboard`);
  const t = await getT(lang);
  const url = new URL(request.url);
  const notice = url.searchParams.get("notice");
  // Browsers drop the Secure session cookie on plain HTTP except for localhost: say so instead of failing silently.
  const insecure = url.protocol === "http:" && !["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  return { lang, insecure, notice: notice === "activated" || notice === "reset" ? notice : null, meta: { title: t("auth.signIn") } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

type Failure = { error: "invalid" | "throttled" | "account_paused"; wait?: number; email: string };

export { passAuthHeaders as headers } from "#app/utils/route-headers.ts";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const db = getDb();
  const form = await readForm(request);
  const email = normalizeEmail(single(form, "email") ?? "").slice(0, 254);
  const password = single(form, "password") ?? "";
  const ip = clientIp(context);
  // Everything from here to recordFailure is synchronous, so parallel guesses cannot all pass.
  const user = email ? findUserByEmail(db, email) : null;
  // A browser that signed in to this account before skips the account-wide key (never the others).
  const device = knownDeviceId(db, request, user?.id);
  const clientKeys = [accountIpKey(email, ip), ipKey(ip), ...(device ? [deviceKey(device)] : [])];
  const wait = Math.max(...clientKeys.map((k) => waitSeconds(db, k)));
  if (wait > 0) {
    audit(db, { action: "login", outcome: "denied", ip, detail: { email, reason: "throttled", wait } });
    return Response.json({ error: "throttled", wait, email } satisfies Failure, { status: 429, headers: { "Retry-After": String(wait) } });
  }
  const accountWait = device ? 0 : waitSeconds(db, accountKey(email));
  if (accountWait > 0) {
    // Many failures for this email from elsewhere: new browsers wait, known devices do not.
    audit(db, { action: "login", outcome: "denied", ip, detail: { email, reason: "account_throttled", wait: accountWait } });
    return Response.json({ error: "account_paused", wait: accountWait, email } satisfies Failure, {
      status: 429,
      headers: { "Retry-After": String(accountWait) },
    });
  }
  // Counted as a failure before the (asynchronous) verification, so parallel guesses cannot all
  // pass the checks above; a success takes it back.
  for (const k of [...clientKeys, accountKey(email)]) recordFailure(db, k);
  // Unknown emails still cost one Argon2 verification, so both failures take the same time.
  const valid = [...password].length <= PASSWORD_MAX * 4 && (await verifyPassword(user?.passwordHash ?? null, password));
  if (!user || !valid || user.disabledAt) {
    audit(db, { actorId: user?.id, action: "login", outcome: "failed", ip, detail: { email: email.slice(0, 100), ...(device ? { knownDevice: true } : {}) } });
    return Response.json({ error: "invalid", email } satisfies Failure, { status: 400 });
  }
  // This client's keys are cleared. The account-wide key only takes back this attempt: the owner
  // signing in must not hand an attacker elsewhere a fresh allowance.
  clearFailures(db, accountIpKey(email, ip));
  if (device) clearFailures(db, deviceKey(device));
  forgiveFailure(db, ipKey(ip));
  forgiveFailure(db, accountKey(email));
  if (needsRehash(user.passwordHash!)) setPasswordHash(db, user.id, await hashPassword(password));
  const redirectTo = safeRedirect(single(form, "redirectTo"), `/${lang}/dashboard`);
  if (user.totpKey) {
    // The password was right; the session starts only after the code from the authenticator app.
    const pending = issueToken(db, user.id, "second_factor", null);
    audit(db, { actorId: user.id, action: "login.password", outcome: "ok", ip });
    return redirect(`/${lang}/login/verify?redirectTo=${encodeURIComponent(redirectTo)}`, {
      headers: { "Set-Cookie": secondFactorCookie(pending, SECOND_FACTOR_TTL_MS / 1000) },
    });
  }
  // A session planted before login is ended: the signed-in session is always a new one.
  const planted = readSessionToken(request);
  const old = planted ? validateSessionToken(db, planted) : null;
  if (old) invalidateSession(db, old.session.id);
  const headers = new Headers();
  headers.append("Set-Cookie", startSession(db, user.id, request, context));
  headers.append("Set-Cookie", rememberDevice(db, request, user.id));
  audit(db, { actorId: user.id, action: "login", outcome: "ok", ip, detail: device ? { knownDevice: true } : undefined });
  return redirect(redirectTo, { headers });
}

function FailureMessage({ failure, lang }: { failure: Failure; lang: string }) {
  const { t } = useTranslation();
  if (failure.error === "invalid") return <>{t("auth.invalidCredentials")}</>;
  if (failure.error === "throttled") return <>{t("auth.throttled", { count: failure.wait ?? 1 })}</>;
  return (
    <>
      {t("auth.accountPaused", { count: Math.max(1, Math.ceil((failure.wait ?? 60) / 60)) })}{" "}
      <Link to={`/${lang}/reset-password`}>{t("auth.accountPausedReset")}</Link>
    </>
  );
}

export default function Login() {
  const { lang, notice, insecure } = useLoaderData<typeof loader>();
  const failure = useActionData<Failure>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="narrow">
      <h1>{t("auth.signIn")}</h1>
      {insecure ? <p className="form-error-summary">{t("auth.httpsRequired")}</p> : null}
      {notice ? (
        <p className="notice" role="status">
          {notice === "activated" ? t("auth.activated") : t("auth.resetDone")}
        </p>
      ) : null}
      {failure ? (
        <p className="form-error-summary" role="alert" id="login-error">
          <FailureMessage failure={failure} lang={lang} />
        </p>
      ) : null}
      <Form method="post" className="stack" aria-describedby={failure ? "login-error" : undefined}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <div className="field">
          <label htmlFor="email">{t("auth.email")}</label>
          <input id="email" name="email" type="email" autoComplete="username" required maxLength={254} defaultValue={failure?.email ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="password">{t("auth.password")}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={1024} />
        </div>
        <button type="submit" disabled={busy}>
          {t("auth.signIn")}
        </button>
      </Form>
      <p>
        <Link to={`/${lang}/reset-password`}>{t("auth.forgot")}</Link>
      </p>
      <p className="muted">{t("auth.noSignUp")}</p>
    </div>
  );
}
