import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp } from "#app/auth/auth.server.ts";
import { hashPassword, passwordProblem } from "#app/auth/password.server.ts";
import { SetPasswordForm } from "#app/components/password-form.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { consumeTokenSettingPassword, peekToken } from "#app/auth/tokens.server.ts";
import { userCitySlugs } from "#app/models/users.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm, single } from "#app/utils/form.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const t = await getT(lang);
  const found = peekToken(getDb(), params.token ?? "", "invitation");
  const user = found ? { email: found.user.email, role: found.user.role, displayName: found.user.displayName } : null;
  return Response.json({ lang, user, meta: { title: t("auth.invitationTitle") } }, { status: user ? 200 : 410, headers: { "Referrer-Policy": "no-referrer" } });
}

export const meta: MetaFunction = ({ data }) => [...pageMeta(data as never), { name: "robots", content: "noindex" }];

export { passAuthHeaders as headers } from "#app/utils/route-headers.ts";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const db = getDb();
  const found = peekToken(db, params.token ?? "", "invitation");
  if (!found) return Response.json({ problem: null, invalid: true }, { status: 410 });
  const form = await readForm(request);
  const password = single(form, "password") ?? "";
  const displayName = (single(form, "displayName") ?? "").trim().slice(0, 200);
  const problem = passwordProblem(password, [found.user.email, displayName, ...userCitySlugs(db, found.user.id)]);
  if (problem) return Response.json({ problem, invalid: false, displayName }, { status: 400 });
  const user = consumeTokenSettingPassword(db, params.token ?? "", "invitation", await hashPassword(password), displayName || undefined);
  if (!user) return Response.json({ problem: null, invalid: true }, { status: 410 });
  audit(db, { actorId: user.id, action: "invitation.accept", outcome: "ok", targetType: "user", targetId: user.id, ip: clientIp(context) });
  return redirect(`/${lang}/login?notice=activated`);
}

export default function Invitation() {
  const { user } = useLoaderData<{ user: { email: string; role: "contributor" | "curator" | "admin"; displayName: string } | null }>();
  const result = useActionData<{ problem: "too_short" | "too_long" | "too_common" | null; invalid: boolean; displayName?: string }>();
  const { t } = useTranslation();
  if (!user || result?.invalid) {
    return (
      <div className="narrow">
        <h1>{t("auth.invitationTitle")}</h1>
        <p className="notice">{t("auth.linkInvalid")}</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("auth.invitationTitle")}</h1>
      <p>{t("auth.invitationIntro", { role: t(`userRoles.${user.role}`), email: user.email })}</p>
      <SetPasswordForm problem={result?.problem} askName defaultName={result?.displayName ?? user.displayName} submit={t("auth.activate")} />
    </div>
  );
}
