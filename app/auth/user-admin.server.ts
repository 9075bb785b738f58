import type { DB } from "#db/client.ts";
import type { Role } from "#app/domain/enums.ts";
import { creatableCities } from "#app/editorial/editing.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import type { Language } from "#app/i18n/languages.ts";
import { audit } from "#app/models/audit.server.ts";
import { getUserById, insertUser, sendMail, UserError } from "#app/models/users.server.ts";
import { publicOrigin } from "#app/utils/http.server.ts";
import { setDisabled, setRole } from "./accounts.server.ts";
import type { ManageUserForm } from "./admin-forms.ts";
import { disableTotp } from "./second-factor.server.ts";
import { invalidateUserSessions, type SessionUser } from "./session.server.ts";
import { issueToken } from "./tokens.server.ts";

/**
 * Inviting people and an administrator's changes to their accounts. Permissions are checked by the
 * route (`authorize()` through requirePermission) before these run; every change is audited.
 */
type Actor = { user: SessionUser; lang: Language; ip: string };

async function sendInvitation(db: DB, actor: Actor, userId: number, role: Role) {
  const t = await getT(actor.lang);
  const token = issueToken(db, userId, "invitation", actor.user.id);
  const target = getUserById(db, userId)!;
  sendMail(
    db,
    target.email,
    t("auth.mailInviteSubject"),
    t("auth.mailInviteBody", {
      role: t(`userRoles.${role}`),
      link: `${publicOrigin()}/${actor.lang}/invitation/${token}`,
      interpolation: { escapeValue: false },
    }),
  );
}

/** Creates the account (without a password) and mails the single-use link; an error is a field's code. */
export async function inviteUser(
  db: DB,
  actor: Actor,
  value: { email: string; displayName?: string; role: Role; cities: string[] },
): Promise<{ ok: true } | { ok: false; field: "email" | "cities"; error: "email_taken" | "city_required" }> {
  const { email, role, cities: citySlugs } = value;
  const displayName = value.displayName || email.split("@")[0]!;
  const all = creatableCities(db, { role: "admin", cityIds: [] }, actor.lang);
  const cityIds = role === "contributor" ? all.filter((c) => citySlugs.includes(c.slug)).map((c) => c.id) : [];
  try {
    const id = insertUser(db, { email, displayName, role, cityIds, passwordHash: null });
    await sendInvitation(db, actor, id, role);
    audit(db, {
      actorId: actor.user.id,
      action: "user.invite",
      outcome: "ok",
      targetType: "user",
      targetId: id,
      ip: actor.ip,
      detail: { role, cities: citySlugs },
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof UserError && error.code === "email_taken") return { ok: false, field: "email", error: "email_taken" };
    if (error instanceof UserError && error.code === "city_required") return { ok: false, field: "cities", error: "city_required" };
    throw error;
  }
}

/**
 * An administrator's change to someone else's account. "not_found" for unknown people, "self" for
 * one's own account, "bad_request" for a change that does not apply (re-inviting an active account).
 */
export async function manageUser(db: DB, actor: Actor, form: ManageUserForm): Promise<"ok" | "not_found" | "self" | "bad_request"> {
  const target = getUserById(db, form.user);
  if (!target) return "not_found";
  // Everything here changes existing accounts: never one's own.
  if (target.id === actor.user.id) return "self";
  const done = (action: string, detail?: Record<string, unknown>) =>
    audit(db, { actorId: actor.user.id, action, outcome: "ok", targetType: "user", targetId: target.id, ip: actor.ip, detail });
  switch (form.intent) {
    case "role":
      setRole(db, target.id, form.role);
      done("user.role", { from: target.role, to: form.role });
      return "ok";
    case "disable":
    case "enable":
      setDisabled(db, target.id, form.intent === "disable");
      done(`user.${form.intent}`);
      return "ok";
    case "reset-two-step":
      if (!target.totpKey) return "bad_request";
      // The recovery path for a lost authenticator: an administrator turns it off; the person sets it up again.
      disableTotp(db, target.id);
      invalidateUserSessions(db, target.id);
      done("second_factor.reset");
      return "ok";
    case "reinvite":
      if (target.passwordHash) return "bad_request";
      await sendInvitation(db, actor, target.id, target.role);
      done("user.invite", { again: true });
      return "ok";
  }
}
