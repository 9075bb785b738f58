import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser } from "#app/auth/auth.server.ts";
import { loginSchema } from "#app/auth/forms.ts";
import { refusalHeaders, signInWithPassword } from "#app/auth/sign-in.server.ts";
import { TextField, useErrorText } from "#app/components/form-fields.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
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

export { passAuthHeaders as headers } from "#app/utils/route-headers.ts";

/** The password never travels back to the page. */
const hideFields = ["password"];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: loginSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields }) }, { status: 400 });
  const outcome = await signInWithPassword(getDb(), request, context, submission.value);
  if (!outcome.ok)
    return data({ result: submission.reply({ formErrors: [outcome.error], hideFields }) }, { status: outcome.status, headers: refusalHeaders(outcome) });
  const redirectTo = safeRedirect(single(form, "redirectTo"), `/${lang}/dashboard`);
  if (outcome.location === "second_factor") return redirect(`/${lang}/login/verify?redirectTo=${encodeURIComponent(redirectTo)}`, { headers: outcome.headers });
  return redirect(redirectTo, { headers: outcome.headers });
}

/** Why signing in failed; a paused account also points to the password reset. */
function FailureMessage({ code, lang }: { code: string; lang: string }) {
  const { t } = useTranslation();
  const text = useErrorText();
  if (!code.startsWith("account_paused")) return <>{text(code)}</>;
  return (
    <>
      {text(code)} <Link to={`/${lang}/reset-password`}>{t("auth.accountPausedReset")}</Link>
    </>
  );
}

export default function Login() {
  const { lang, notice, insecure } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(loginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const failure = form.errors?.[0];
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
          <FailureMessage code={failure} lang={lang} />
        </p>
      ) : null}
      <Form method="post" className="stack" {...getFormProps(form)} aria-describedby={failure ? "login-error" : undefined}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField field={fields.email} type="email" label={t("auth.email")} autoComplete="username" />
        <TextField field={fields.password} type="password" label={t("auth.password")} autoComplete="current-password" />
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
