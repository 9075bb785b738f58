import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OneTimeCodeField } from "#app/components/one-time-code-field.tsx";
import { clientIp, startSession } from "#app/auth/auth.server.ts";
import { clearedSecondFactorCookie, readSecondFactorToken, readSessionToken } from "#app/auth/cookie.server.ts";
import { invalidateSession, validateSessionToken } from "#app/auth/session.server.ts";
import { rememberDevice } from "#app/auth/known-device.server.ts";
import { secondFactorKey, throttledCheck } from "#app/auth/throttle.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { consumeToken, peekToken } from "#app/auth/tokens.server.ts";
import { checkSecondFactor } from "#app/auth/second-factor.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm, single } from "#app/utils/form.server.ts";
import { langParam, safeRedirect } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

/** The second step of signing in: the code from the authenticator app, after a correct password. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  if (!peekToken(getDb(), readSecondFactorToken(request) ?? "", "second_factor")) throw redirect(`/${lang}/login`);
  const t = await getT(lang);
  return { meta: { title: t("twoStep.verifyTitle") } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const db = getDb();
  const form = await readForm(request);
  const token = readSecondFactorToken(request) ?? "";
  const pending = peekToken(db, token, "second_factor");
  if (!pending) throw redirect(`/${lang}/login`, { headers: { "Set-Cookie": clearedSecondFactorCookie() } });
  const ip = clientIp(context);
  const key = secondFactorKey(pending.user.id);
  const checked = await throttledCheck(db, key, () => checkSecondFactor(db, pending.user.id, single(form, "code") ?? ""));
  if (!checked.ok && checked.wait > 0)
    return Response.json({ error: "throttled", wait: checked.wait }, { status: 429, headers: { "Retry-After": String(checked.wait) } });
  if (!checked.ok) {
    audit(db, { actorId: pending.user.id, action: "login.second_factor", outcome: "failed", ip });
    return Response.json({ error: "invalid" }, { status: 400 });
  }
  if (!consumeToken(db, token, "second_factor")) throw redirect(`/${lang}/login`);
  const planted = readSessionToken(request);
  const old = planted ? validateSessionToken(db, planted) : null;
  if (old) invalidateSession(db, old.session.id);
  const headers = new Headers();
  headers.append("Set-Cookie", startSession(db, pending.user.id, request, context));
  headers.append("Set-Cookie", clearedSecondFactorCookie());
  headers.append("Set-Cookie", rememberDevice(db, request, pending.user.id));
  audit(db, { actorId: pending.user.id, action: "login", outcome: "ok", ip, detail: { secondFactor: true } });
  return redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), `/${lang}/dashboard`), { headers });
}

export default function VerifySecondFactor() {
  const result = useActionData<{ error: "invalid" | "throttled"; wait?: number }>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <div className="narrow">
      <h1>{t("twoStep.verifyTitle")}</h1>
      <p>{t("twoStep.verifyIntro")}</p>
      <Form method="post" action={`?${params.toString()}`} className="stack">
        <OneTimeCodeField id="code" label={t("twoStep.code")} wrong={Boolean(result)} wait={result?.error === "throttled" ? (result.wait ?? 1) : undefined} />
        <button type="submit">{t("twoStep.verify")}</button>
      </Form>
    </div>
  );
}
