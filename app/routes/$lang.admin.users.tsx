import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inviteSchema, manageUserSchema } from "#app/auth/admin-forms.ts";
import { authorize } from "#app/auth/authorize.ts";
import { clientIp, requirePermission } from "#app/auth/auth.server.ts";
import { DISPLAY_NAME_MAX } from "#app/auth/forms.ts";
import { inviteUser, manageUser } from "#app/auth/user-admin.server.ts";
import { CheckboxGroup, SelectField, TextField } from "#app/components/form-fields.tsx";
import { creatableCities } from "#app/editorial/editing.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { listUsers } from "#app/models/users.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm, single } from "#app/utils/form.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { ROLES } from "#app/domain/enums.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const user = requirePermission(request, lang, context, "invite_contributor");
  const t = await getT(lang);
  const db = getDb();
  const isAdmin = authorize(user, "manage_users").allowed;
  return {
    lang,
    me: user.id,
    isAdmin,
    invitableRoles: ROLES.filter((r) => authorize(user, r === "contributor" ? "invite_contributor" : "invite_curator").allowed),
    cities: creatableCities(db, { role: "admin", cityIds: [] }, lang).map((c) => ({ slug: c.slug, id: c.id, name: c.name })),
    users: isAdmin ? listUsers(db) : [],
    meta: { title: t("admin.usersTitle") },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

const bad = () => new Response("Bad Request", { status: 400 });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const actor = { user: requirePermission(request, lang, context, "invite_contributor"), lang, ip: clientIp(context) };
  const db = getDb();
  const form = await readForm(request);
  if (single(form, "intent") === "invite") {
    const submission = parseWithZod(form, { schema: inviteSchema });
    // Whoever may not invite this role is refused before hearing what else is wrong.
    const role = submission.payload.role;
    if (typeof role !== "string" || !(ROLES as readonly string[]).includes(role)) throw bad();
    requirePermission(request, lang, context, role === "contributor" ? "invite_contributor" : "invite_curator");
    if (submission.status !== "success") return data({ ok: undefined, invite: submission.reply() }, { status: 400 });
    const outcome = await inviteUser(db, actor, submission.value);
    if (!outcome.ok) return data({ ok: undefined, invite: submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] } }) }, { status: 400 });
    return data({ ok: submission.value.email, invite: submission.reply({ resetForm: true }) });
  }
  // Everything below changes existing accounts: administrators only, never their own.
  requirePermission(request, lang, context, "manage_users");
  const submission = parseWithZod(form, { schema: manageUserSchema });
  if (submission.status !== "success") throw bad();
  const outcome = await manageUser(db, actor, submission.value);
  if (outcome === "not_found") throw new Response("Not Found", { status: 404 });
  if (outcome === "bad_request") throw bad();
  if (outcome === "self") return data({ ok: undefined, invite: undefined, error: "self" }, { status: 400 });
  return data({ ok: "updated", invite: undefined });
}

export default function Users() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: result?.invite,
    defaultValue: { role: "contributor" },
    constraint: getZodConstraint(inviteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const self = result && "error" in result && result.error === "self";
  return (
    <>
      <h1>{t("admin.usersTitle")}</h1>
      {result?.ok ? (
        <p className="notice" role="status">
          {result.ok === "updated" ? t("admin.updated") : t("admin.invited", { email: result.ok })}
        </p>
      ) : null}
      {self ? <p className="form-error-summary">{t("admin.self")}</p> : null}
      <section aria-labelledby="invite-h" className="narrow">
        <h2 id="invite-h">{t("admin.invite")}</h2>
        <p>{t("admin.inviteHelp")}</p>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="invite" />
          <TextField field={fields.email} type="email" label={t("auth.email")} />
          <TextField field={fields.displayName} label={t("auth.displayName")} maxLength={DISPLAY_NAME_MAX} />
          <SelectField field={fields.role} label={t("admin.role")} options={d.invitableRoles.map((r) => ({ value: r, label: t(`userRoles.${r}`) }))} />
          <CheckboxGroup field={fields.cities} legend={t("admin.cities")} options={d.cities.map((c) => ({ value: c.slug, label: c.name }))} />
          <button type="submit">{t("admin.invite")}</button>
        </Form>
      </section>
      {d.isAdmin ? (
        <section aria-labelledby="users-h">
          <h2 id="users-h">{t("admin.usersTitle")}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("auth.email")}</th>
                <th scope="col">{t("admin.role")}</th>
                <th scope="col">{t("admin.cities")}</th>
                <th scope="col">{t("admin.status")}</th>
                <th scope="col">{t("admin.changeRole")}</th>
              </tr>
            </thead>
            <tbody>
              {d.users.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.displayName} &lt;{u.email}&gt;
                  </td>
                  <td>{t(`userRoles.${u.role}`)}</td>
                  <td>{u.cities.join(", ")}</td>
                  <td>
                    {u.disabled ? t("admin.disabled") : u.activated ? t("admin.active") : t("admin.pending")}
                    {u.twoStep ? ` · ${t("twoStep.title")}` : ""}
                  </td>
                  <td>
                    {u.id === d.me ? null : (
                      <div className="button-row">
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="user" value={u.id} />
                          <input type="hidden" name="intent" value="role" />
                          <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                            {t("admin.role")}
                          </label>
                          <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                            {ROLES.map((r) => (
                              <option key={r} value={r}>
                                {t(`userRoles.${r}`)}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="secondary">
                            {t("admin.changeRole")}
                          </button>
                        </Form>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="user" value={u.id} />
                          <button type="submit" name="intent" value={u.disabled ? "enable" : "disable"} className="secondary">
                            {u.disabled ? t("admin.enable") : t("admin.disable")}
                          </button>
                          {u.twoStep ? (
                            <button type="submit" name="intent" value="reset-two-step" className="secondary">
                              {t("admin.resetTwoStep")}
                            </button>
                          ) : null}
                          {!u.activated && !u.disabled ? (
                            <button type="submit" name="intent" value="reinvite" className="secondary">
                              {t("admin.resendInvite")}
                            </button>
                          ) : null}
                        </Form>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
