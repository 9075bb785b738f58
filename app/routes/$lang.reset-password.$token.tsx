import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp } from "#app/auth/auth.server.ts";
import { resetPasswordSchema } from "#app/auth/forms.ts";
import { completePasswordReset, resetLinkValid } from "#app/auth/password-links.server.ts";
import { NewPasswordField } from "#app/components/password-form.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm } from "#app/utils/form.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const t = await getT(langParam(params));
  const valid = resetLinkValid(getDb(), params.token ?? "");
  return data({ valid, meta: { title: t("auth.resetSetTitle") } }, { status: valid ? 200 : 410, headers: { "Referrer-Policy": "no-referrer" } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

export { passAuthHeaders as headers } from "#app/utils/route-headers.ts";

const hideFields = ["password"];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const db = getDb();
  if (!resetLinkValid(db, params.token ?? "")) return data({ invalid: true, result: undefined }, { status: 410 });
  const submission = parseWithZod(await readForm(request), { schema: resetPasswordSchema });
  if (submission.status !== "success") return data({ invalid: false, result: submission.reply({ hideFields }) }, { status: 400 });
  const outcome = await completePasswordReset(db, request, params.token ?? "", submission.value.password, clientIp(context));
  if (!outcome.ok && outcome.invalid) return data({ invalid: true, result: undefined }, { status: 410 });
  if (!outcome.ok) return data({ invalid: false, result: submission.reply({ fieldErrors: { password: [outcome.error] }, hideFields }) }, { status: 400 });
  return redirect(`/${lang}/login?notice=reset`, { headers: outcome.headers });
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: actionData?.result,
    constraint: getZodConstraint(resetPasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="narrow">
      <h1>{t("auth.resetSetTitle")}</h1>
      {!valid || actionData?.invalid ? (
        <p className="notice">{t("auth.linkInvalid")}</p>
      ) : (
        <Form method="post" className="stack" {...getFormProps(form)}>
          <NewPasswordField field={fields.password} />
          <button type="submit">{t("auth.resetSetTitle")}</button>
        </Form>
      )}
    </div>
  );
}
