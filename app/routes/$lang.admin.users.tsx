import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize } from "#app/auth/authorize.ts";
import { clientIp, requirePermission } from "#app/auth/auth.server.ts";
import { creatableCities } from "#app/editorial/editing.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import type { Language } from "#app/i18n/languages.ts";
import { audit } from "#app/models/audit.server.ts";
import { disableTotp } from "#app/auth/second-factor.server.ts";
import { getUserById, insertUser, listUsers, normalizeEmail, sendMail, UserError } from "#app/models/users.server.ts";
import { issueToken } from "#app/auth/tokens.server.ts";
import { setDisabled, setRole } from "#app/auth/accounts.server.ts";
import { invalidateUserSessions } from "#app/auth/session.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm, single } from "#app/utils/form.server.ts";
import { langParam, publicOrigin } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { ROLES, type Role } from "#app/domain/enums.ts";
import type { DB } from "#db/client.ts";

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

type Result = { ok?: string; error?: "email_taken" | "city_required" | "email" | "self"; values?: Record<string, string | string[]> };

async function invite(db: DB, lang: Language, origin: string, createdBy: number, userId: number, role: Role) {
  const t = await getT(lang);
  const token = issueToken(db, userId, "invitation", createdBy);
  const target = getUserById(db, userId)!;
  sendMail(
    db,
    target.email,
    t("auth.mailInviteSubject"),
    t("auth.mailInviteBody", { role: t(`userRoles.${role}`), link: `${origin}/${lang}/invitation/${token}`, interpolation: { escapeValue: false } }),
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const actor = requirePermission(request, lang, context, "invite_contributor");
  const db = getDb();
  const form = await readForm(request);
  const ip = clientIp(context);
  const origin = publicOrigin();
  const intent = single(form, "intent");
  if (intent === "invite") {
    const email = normalizeEmail(single(form, "email") ?? "");
    const displayName = (single(form, "displayName") ?? "").trim().slice(0, 200) || email.split("@")[0]!;
    const role = single(form, "role") as Role;
    const citySlugs = form.getAll("cities").filter((c): c is string => typeof c === "string");
    const values = { email, displayName, role: role ?? "", cities: citySlugs };
    if (!ROLES.includes(role)) throw new Response("Bad Request", { status: 400 });
    requirePermission(request, lang, context, role === "contributor" ? "invite_contributor" : "invite_curator");
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) return Response.json({ error: "email", values } satisfies Result, { status: 400 });
    const all = creatableCities(db, { role: "admin", cityIds: [] }, lang);
    const cityIds = role === "contributor" ? all.filter((c) => citySlugs.includes(c.slug)).map((c) => c.id) : [];
    try {
      const id = insertUser(db, { email, displayName, role, cityIds, passwordHash: null });
      await invite(db, lang, origin, actor.id, id, role);
      audit(db, { actorId: actor.id, action: "user.invite", outcome: "ok", targetType: "user", targetId: id, ip, detail: { role, cities: citySlugs } });
      return { ok: email } satisfies Result;
    } catch (error) {
      if (error instanceof UserError && (error.code === "email_taken" || error.code === "city_required"))
        return Response.json({ error: error.code, values } satisfies Result, { status: 400 });
      throw error;
    }
  }
  // Everything below changes existing accounts: administrators only, never their own.
  requirePermission(request, lang, context, "manage_users");
  const target = getUserById(db, Number(single(form, "user")));
  if (!target) throw new Response("Not Found", { status: 404 });
  if (target.id === actor.id) return Response.json({ error: "self" } satisfies Result, { status: 400 });
  if (intent === "role") {
    const role = single(form, "role") as Role;
    if (!ROLES.includes(role)) throw new Response("Bad Request", { status: 400 });
    setRole(db, target.id, role);
    audit(db, { actorId: actor.id, action: "user.role", outcome: "ok", targetType: "user", targetId: target.id, ip, detail: { from: target.role, to: role } });
  } else if (intent === "disable" || intent === "enable") {
    setDisabled(db, target.id, intent === "disable");
    audit(db, { actorId: actor.id, action: `user.${intent}`, outcome: "ok", targetType: "user", targetId: target.id, ip });
  } else if (intent === "reset-two-step" && target.totpKey) {
    // The recovery path for a lost authenticator: an administrator turns it off; the person sets it up again.
    disableTotp(db, target.id);
    invalidateUserSessions(db, target.id);
    audit(db, { actorId: actor.id, action: "second_factor.reset", outcome: "ok", targetType: "user", targetId: target.id, ip });
  } else if (intent === "reinvite" && !target.passwordHash) {
    await invite(db, lang, origin, actor.id, target.id, target.role);
    audit(db, { actorId: actor.id, action: "user.invite", outcome: "ok", targetType: "user", targetId: target.id, ip, detail: { again: true } });
  } else {
    throw new Response("Bad Request", { status: 400 });
  }
  return { ok: "updated" } satisfies Result;
}

export default function Users() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const { t } = useTranslation();
  const v = result?.values;
  return (
    <>
      <h1>{t("admin.usersTitle")}</h1>
      {result?.ok ? (
        <p className="notice" role="status">
          {result.ok === "updated" ? t("admin.updated") : t("admin.invited", { email: result.ok })}
        </p>
      ) : null}
      {result?.error === "self" ? <p className="form-error-summary">{t("admin.self")}</p> : null}
      <section aria-labelledby="invite-h" className="narrow">
        <h2 id="invite-h">{t("admin.invite")}</h2>
        <p>{t("admin.inviteHelp")}</p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="invite" />
          <div className={`field ${result?.error === "email" || result?.error === "email_taken" ? "has-error" : ""}`}>
            <label htmlFor="invite-email">{t("auth.email")}</label>
            <input
              id="invite-email"
              name="email"
              type="email"
              required
              maxLength={254}
              defaultValue={(v?.email as string) ?? ""}
              aria-describedby={result?.error === "email" || result?.error === "email_taken" ? "invite-email-error" : undefined}
            />
            {result?.error === "email" || result?.error === "email_taken" ? (
              <ul className="field-errors" id="invite-email-error">
                <li>{result.error === "email" ? t("form.errors.email") : t("admin.emailTaken")}</li>
              </ul>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="invite-name">{t("auth.displayName")}</label>
            <input id="invite-name" name="displayName" maxLength={200} defaultValue={(v?.displayName as string) ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="invite-role">{t("admin.role")}</label>
            <select id="invite-role" name="role" defaultValue={(v?.role as string) ?? "contributor"}>
              {d.invitableRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`userRoles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className={`checkbox-group ${result?.error === "city_required" ? "has-error" : ""}`}>
            <legend>{t("admin.cities")}</legend>
            <div className="checkbox-grid">
              {d.cities.map((c) => (
                <label key={c.slug}>
                  <input type="checkbox" name="cities" value={c.slug} defaultChecked={((v?.cities as string[]) ?? []).includes(c.slug)} /> {c.name}
                </label>
              ))}
            </div>
            {result?.error === "city_required" ? (
              <ul className="field-errors">
                <li>{t("admin.cityRequired")}</li>
              </ul>
            ) : null}
          </fieldset>
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
