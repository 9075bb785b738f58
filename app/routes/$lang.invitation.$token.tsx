import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp } from "#app/auth/auth.server.ts";
import { DISPLAY_NAME_MAX, invitationSchema } from "#app/auth/forms.ts";
import { acceptInvitation, invitationFor } from "#app/auth/password-links.server.ts";
import { TextField } from "#app/components/form-fields.tsx";
import { NewPasswordField } from "#app/components/password-form.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm } from "#app/utils/form.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const t = await getT(lang);
  const user = invitationFor(getDb(), params.token ?? "");
  return data({ lang, user, meta: { title: t("auth.invitationTitle") } }, { status: user ? 200 : 410, headers: { "Referrer-Policy": "no-referrer" } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

export { passAuthHeaders as headers } from "#app/utils/route-headers.ts";

const hideFields = ["password"];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const db = getDb();
  const token = params.token ?? "";
  if (!invitationFor(db, token)) return data({ invalid: true, result: undefined }, { status: 410 });
  const submission = parseWithZod(await readForm(request), { schema: invitationSchema });
  if (submission.status !== "success") return data({ invalid: false, result: submission.reply({ hideFields }) }, { status: 400 });
  const outcome = await acceptInvitation(db, token, submission.value, clientIp(context));
  if (!outcome.ok && outcome.invalid) return data({ invalid: true, result: undefined }, { status: 410 });
  if (!outcome.ok) return data({ invalid: false, result: submission.reply({ fieldErrors: { password: [outcome.error] }, hideFields }) }, { status: 400 });
  return redirect(`/${lang}/login?notice=activated`);
}

export default function Invitation() {
  const { user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "invitation",
    lastResult: actionData?.result,
    defaultValue: { displayName: user?.displayName ?? "" },
    constraint: getZodConstraint(invitationSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: invitationSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (!user || actionData?.invalid) {
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
      <Form method="post" className="stack" {...getFormProps(form)}>
        <TextField field={fields.displayName} label={t("auth.displayName")} autoComplete="name" maxLength={DISPLAY_NAME_MAX} />
        <NewPasswordField field={fields.password} />
        <button type="submit">{t("auth.activate")}</button>
      </Form>
    </div>
  );
}
