import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clearedSecondFactorCookie } from "#app/auth/cookie.server.ts";
import { verifySchema } from "#app/auth/forms.ts";
import { pendingSecondFactor, refusalHeaders, verifySecondFactor } from "#app/auth/sign-in.server.ts";
import { OneTimeCodeField } from "#app/components/one-time-code-field.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm } from "#app/utils/form.server.ts";
import { langParam, safeRedirect } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

/** The second step of signing in: the code from the authenticator app, after a correct password. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  if (!pendingSecondFactor(getDb(), request)) throw redirect(`/${lang}/login`);
  const t = await getT(lang);
  return { meta: { title: t("twoStep.verifyTitle") } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

/** A code is spent once it worked, and is of no use afterwards: it is not kept in the form. */
const hideFields = ["code"];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const db = getDb();
  const form = await readForm(request);
  const restart = () => redirect(`/${lang}/login`, { headers: { "Set-Cookie": clearedSecondFactorCookie() } });
  if (!pendingSecondFactor(db, request)) throw restart();
  const submission = parseWithZod(form, { schema: verifySchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields }) }, { status: 400 });
  const outcome = await verifySecondFactor(db, request, context, submission.value.code);
  if (!outcome) throw restart();
  if (!outcome.ok)
    return data(
      { result: submission.reply({ fieldErrors: { code: [outcome.error] }, hideFields }) },
      { status: outcome.status, headers: refusalHeaders(outcome) },
    );
  return redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), `/${lang}/dashboard`), { headers: outcome.headers });
}

export default function VerifySecondFactor() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "verify",
    lastResult: actionData?.result,
    constraint: getZodConstraint(verifySchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: verifySchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="narrow">
      <h1>{t("twoStep.verifyTitle")}</h1>
      <p>{t("twoStep.verifyIntro")}</p>
      <Form method="post" action={`?${params.toString()}`} className="stack" {...getFormProps(form)}>
        <OneTimeCodeField field={fields.code} label={t("twoStep.code")} />
        <button type="submit">{t("twoStep.verify")}</button>
      </Form>
    </div>
  );
}
