import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp } from "#app/auth/auth.server.ts";
import { hashPassword, passwordProblem, type PasswordProblem } from "#app/auth/password.server.ts";
import { forgetDevices, rememberDevice } from "#app/auth/known-device.server.ts";
import { accountIpKey, accountKey, clearFailures } from "#app/auth/throttle.server.ts";
import { SetPasswordForm } from "#app/components/password-form.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { consumeTokenSettingPassword, peekToken } from "#app/auth/tokens.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm, single } from "#app/utils/form.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const t = await getT(langParam(params));
  const valid = Boolean(peekToken(getDb(), params.token ?? "", "password_reset"));
  return Response.json({ valid, meta: { title: t("auth.resetSetTitle") } }, { status: valid ? 200 : 410, headers: { "Referrer-Policy": "no-referrer" } });
}

export const meta: MetaFunction = ({ data }) => [...pageMeta(data as never), { name: "robots", content: "noindex" }];

export { passAuthHeaders as headers } from "#app/utils/route-headers.ts";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const db = getDb();
  const found = peekToken(db, params.token ?? "", "password_reset");
  if (!found) return Response.json({ problem: null, invalid: true }, { status: 410 });
  const password = single(await readForm(request), "password") ?? "";
  const problem = passwordProblem(password, [found.user.email, found.user.displayName]);
  if (problem) return Response.json({ problem, invalid: false }, { status: 400 });
  const user = consumeTokenSettingPassword(db, params.token ?? "", "password_reset", await hashPassword(password));
  if (!user) return Response.json({ problem: null, invalid: true }, { status: 410 });
  // Failures against the old password no longer matter. The browser that opened the link (it
  // reads the mailbox) becomes the only known device, so it can sign in even while the account is
  // being attacked from elsewhere; whoever knew the old password loses that shortcut.
  const ip = clientIp(context);
  clearFailures(db, accountKey(user.email));
  clearFailures(db, accountIpKey(user.email, ip));
  forgetDevices(db, user.id);
  audit(db, { actorId: user.id, action: "password_reset.complete", outcome: "ok", targetType: "user", targetId: user.id, ip });
  return redirect(`/${lang}/login?notice=reset`, { headers: { "Set-Cookie": rememberDevice(db, request, user.id) } });
}

export default function ResetPassword() {
  const { valid } = useLoaderData<{ valid: boolean }>();
  const result = useActionData<{ problem: PasswordProblem | null; invalid: boolean }>();
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("auth.resetSetTitle")}</h1>
      {!valid || result?.invalid ? (
        <p className="notice">{t("auth.linkInvalid")}</p>
      ) : (
        <SetPasswordForm problem={result?.problem} submit={t("auth.resetSetTitle")} />
      )}
    </div>
  );
}
