import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp } from "#app/auth/auth.server.ts";
import { resetRequestSchema } from "#app/auth/forms.ts";
import { requestPasswordReset } from "#app/auth/password-links.server.ts";
import { TextField } from "#app/components/form-fields.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm } from "#app/utils/form.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const t = await getT(langParam(params));
  return { meta: { title: t("auth.resetTitle") } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

/** The same answer whether or not the address has an account. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const submission = parseWithZod(await readForm(request), { schema: resetRequestSchema });
  if (submission.status !== "success") return data({ sent: false, result: submission.reply() }, { status: 400 });
  await requestPasswordReset(getDb(), lang, submission.value.email, clientIp(context));
  return data({ sent: true, result: submission.reply() });
}

export default function ResetRequest() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "reset-request",
    lastResult: actionData?.result,
    constraint: getZodConstraint(resetRequestSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetRequestSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="narrow">
      <h1>{t("auth.resetTitle")}</h1>
      {actionData?.sent ? (
        <p className="notice" role="status">
          {t("auth.resetSent")}
        </p>
      ) : (
        <>
          <p>{t("auth.resetIntro")}</p>
          <Form method="post" className="stack" {...getFormProps(form)}>
            <TextField field={fields.email} type="email" label={t("auth.email")} autoComplete="username" />
            <button type="submit">{t("auth.resetSend")}</button>
          </Form>
        </>
      )}
    </div>
  );
}
