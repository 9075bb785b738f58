import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { runAccountAction } from "#app/auth/account.server.ts";
import { clientIp, getAuth, requireUser } from "#app/auth/auth.server.ts";
import { accountSchema, changePasswordSchema, reauthSchema, totpConfirmSchema, totpStartSchema } from "#app/auth/forms.ts";
import { listUserSessions } from "#app/auth/session.server.ts";
import { pendingTotpKey, TOTP_SETUP_MS } from "#app/auth/second-factor.server.ts";
import { displayKey, totpUri } from "#app/auth/totp.server.ts";
import { FormErrors } from "#app/components/form-fields.tsx";
import { OneTimeCodeField } from "#app/components/one-time-code-field.tsx";
import { CurrentPasswordField, NewPasswordField } from "#app/components/password-form.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { getUserById, userCitySlugs } from "#app/models/users.server.ts";
import { formatDateTime } from "#app/utils/format.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm } from "#app/utils/form.server.ts";
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

/** What a refused change reports besides its errors: nothing happened. */
const NO_NOTICE = { ended: undefined, passwordChanged: undefined, twoStep: undefined };

/** Secrets never travel back to the page. */
const hideFields = ["currentPassword", "password", "code"];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const user = requireUser(request, lang);
  const sessionId = getAuth(request)!.session.id;
  const submission = parseWithZod(await readForm(request), { schema: accountSchema });
  if (submission.status !== "success") {
    // No intent this page knows: not one of its forms.
    if (submission.error?.intent) throw new Response("Bad Request", { status: 400 });
    return data({ intent: String(submission.payload.intent), result: submission.reply({ hideFields }), ...NO_NOTICE }, { status: 400 });
  }
  const { intent } = submission.value;
  const outcome = await runAccountAction(getDb(), { user, sessionId, request, ip: clientIp(context) }, submission.value);
  if (!outcome.ok) {
    const result = submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors, hideFields });
    return data({ intent, result, ...NO_NOTICE }, outcome.wait > 0 ? { status: 429, headers: { "Retry-After": String(outcome.wait) } } : { status: 400 });
  }
  if (outcome.signedOut) throw redirect(`/${lang}`);
  const { ended, passwordChanged, twoStep } = outcome;
  return data({ intent, result: submission.reply({ resetForm: true }), ended, passwordChanged, twoStep }, { headers: outcome.headers });
}

/** One Conform form of this page; it shows the last result only when that came from one of its intents. */
function useAccountForm<Schema extends z.AnyZodObject>(
  id: string,
  schema: Schema,
  intents: string[],
  last: { intent: string; result: SubmissionResult<string[]> } | undefined,
) {
  return useForm<z.input<Schema>>({
    id,
    lastResult: last && intents.includes(last.intent) ? last.result : undefined,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
}

export default function Account() {
  const { lang, user, sessions, twoStep } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const [passwordForm, passwordFields] = useAccountForm("account-password", changePasswordSchema, ["password"], result);
  // Only one of these three is on the page at a time (setting up, replacing or removing, or starting).
  const [confirmForm, confirmFields] = useAccountForm("totp-confirm", totpConfirmSchema, ["totp-confirm"], result);
  const [reauthForm, reauthFields] = useAccountForm("totp-reauth", reauthSchema, ["totp-start", "totp-disable"], result);
  const [startForm, startFields] = useAccountForm("totp-start", totpStartSchema, ["totp-start"], result);
  const setupProblem = result?.intent === "totp-confirm" ? result.result.error?.[""] : undefined;
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
        <FormErrors errors={setupProblem ?? undefined} />
        {twoStep.setupKey ? (
          <>
            <Form method="post" className="stack" {...getFormProps(confirmForm)}>
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
              <OneTimeCodeField field={confirmFields.code} label={t("twoStep.code")} />
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
          <Form method="post" className="stack" {...getFormProps(reauthForm)}>
            <p>{t("twoStep.reauthIntro")}</p>
            <CurrentPasswordField field={reauthFields.currentPassword} />
            <OneTimeCodeField field={reauthFields.code} label={t("twoStep.currentCode")} />
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
          <Form method="post" className="stack" {...getFormProps(startForm)}>
            <input type="hidden" name="intent" value="totp-start" />
            <p>{t("twoStep.setupReauthIntro")}</p>
            <CurrentPasswordField field={startFields.currentPassword} />
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
        <Form method="post" className="stack" {...getFormProps(passwordForm)}>
          <input type="hidden" name="intent" value="password" />
          <CurrentPasswordField field={passwordFields.currentPassword} />
          <NewPasswordField field={passwordFields.password} />
          <button type="submit">{t("account.changePassword")}</button>
        </Form>
      </section>
    </>
  );
}
