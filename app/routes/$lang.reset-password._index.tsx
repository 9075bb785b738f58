import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp } from "#app/auth/auth.server.ts";
import { verifyPassword } from "#app/auth/password.server.ts";
import { emailKey, recordFailure, waitSeconds } from "#app/auth/throttle.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { findUserByEmail, normalizeEmail, sendMail } from "#app/models/users.server.ts";
import { issueToken } from "#app/auth/tokens.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm, single } from "#app/utils/form.server.ts";
import { langParam, publicOrigin } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const t = await getT(langParam(params));
  return { meta: { title: t("auth.resetTitle") } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

/** The same answer whether or not the address has an account; at most one mail per address per throttle step. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const db = getDb();
  const form = await readForm(request);
  const email = normalizeEmail(single(form, "email") ?? "").slice(0, 254);
  const key = emailKey(`reset:${email}`);
  const user = email ? findUserByEmail(db, email) : null;
  if (email && waitSeconds(db, key) === 0) {
    recordFailure(db, key);
    // The same Argon2 work on both paths, so the response time says nothing about the address.
    await verifyPassword(null, email);
    if (user && !user.disabledAt && user.passwordHash) {
      const token = issueToken(db, user.id, "password_reset", null);
      const t = await getT(lang);
      const origin = publicOrigin();
      sendMail(
        db,
        user.email,
        t("auth.mailResetSubject"),
        t("auth.mailResetBody", { link: `${origin}/${lang}/reset-password/${token}`, interpolation: { escapeValue: false } }),
      );
    }
    audit(db, { actorId: user?.id, action: "password_reset.request", outcome: "ok", ip: clientIp(context), detail: { known: Boolean(user) } });
  }
  return { sent: true };
}

export default function ResetRequest() {
  const { t } = useTranslation();
  const sent = useActionData<typeof action>()?.sent;
  return (
    <div className="narrow">
      <h1>{t("auth.resetTitle")}</h1>
      {sent ? (
        <p className="notice" role="status">
          {t("auth.resetSent")}
        </p>
      ) : (
        <>
          <p>{t("auth.resetIntro")}</p>
          <Form method="post" className="stack">
            <div className="field">
              <label htmlFor="email">{t("auth.email")}</label>
              <input id="email" name="email" type="email" autoComplete="username" required maxLength={254} />
            </div>
            <button type="submit">{t("auth.resetSend")}</button>
          </Form>
        </>
      )}
    </div>
  );
}
