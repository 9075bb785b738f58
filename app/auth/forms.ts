import { z } from "zod";
import { line, str } from "#app/utils/form-schema.ts";

/**
 * The sign-in and account forms (login, second step, invitation, password reset, the account page):
 * one Zod schema each, used by Conform in the browser and again in the action. Messages are codes
 * that `useErrorText` translates; what only the server can know (a wrong password, a used code, a
 * common password, a wait) comes back as the same kind of code on the field or the form.
 */
export const EMAIL_MAX = 254;
export const DISPLAY_NAME_MAX = 200;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
/** What a sign-in or current-password field accepts at most (a password may be typed with long characters). */
export const SECRET_MAX = PASSWORD_MAX * 4;
/** A code from an authenticator app: six digits, perhaps with a space in the middle. */
export const CODE_PATTERN = "[0-9 ]{6,7}";

/** An email address as the account is stored: trimmed, lower case. */
const email = () =>
  str()
    .transform((v) => v.trim().toLowerCase())
    .pipe(str().min(1, "required").max(EMAIL_MAX, `too_long:${EMAIL_MAX}`));

/** A new address (invitations, reset requests): also looks like one. */
export const emailAddress = () => email().pipe(str().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "email"));

/** A password as typed (never trimmed). */
const secret = () => str().min(1, "required").max(SECRET_MAX, `too_long:${SECRET_MAX}`);

/** A new password: the length here; how guessable it is only the server checks (`password_too_common`). */
export const newPassword = () =>
  str()
    .min(1, "required")
    .superRefine((v, ctx) => {
      const length = [...v].length;
      if (length < PASSWORD_MIN) ctx.addIssue({ code: "custom", message: "password_too_short" });
      else if (length > PASSWORD_MAX) ctx.addIssue({ code: "custom", message: "password_too_long" });
    });

/**
 * A secret the server checks, throttles and audits (the current password, a current code on the
 * account page): an empty one is simply a wrong one, refused and recorded like any other guess.
 */
const checkedSecret = () => str().max(SECRET_MAX, `too_long:${SECRET_MAX}`).default("");

export const oneTimeCode = () => str().regex(new RegExp(`^${CODE_PATTERN}$`), "bad_code");

const displayName = () => line(DISPLAY_NAME_MAX).optional();

export const loginSchema = z.object({ email: email(), password: secret() });
export const verifySchema = z.object({ code: oneTimeCode() });
export const resetRequestSchema = z.object({ email: emailAddress() });
export const resetPasswordSchema = z.object({ password: newPassword() });
export const invitationSchema = z.object({ password: newPassword(), displayName: displayName() });

/** The account page: one form per intent. */
export const endSessionSchema = z.object({ intent: z.literal("end-session"), session: str().max(200, "invalid") });
export const endOthersSchema = z.object({ intent: z.literal("end-others") });
export const changePasswordSchema = z.object({ intent: z.literal("password"), currentPassword: checkedSecret(), password: newPassword() });
/** Setting up needs the password; replacing a key in use needs a current code too (checked by the server). */
export const totpStartSchema = z.object({ intent: z.literal("totp-start"), currentPassword: checkedSecret(), code: checkedSecret() });
export const totpConfirmSchema = z.object({ intent: z.literal("totp-confirm"), code: oneTimeCode() });
export const totpCancelSchema = z.object({ intent: z.literal("totp-cancel") });
export const totpDisableSchema = z.object({ intent: z.literal("totp-disable"), currentPassword: checkedSecret(), code: checkedSecret() });
/** The form that replaces or removes a factor in use (its buttons set the intent). */
export const reauthSchema = z.object({ currentPassword: checkedSecret(), code: checkedSecret() });

export const accountSchema = z.discriminatedUnion("intent", [
  endSessionSchema,
  endOthersSchema,
  changePasswordSchema,
  totpStartSchema,
  totpConfirmSchema,
  totpCancelSchema,
  totpDisableSchema,
]);
export type AccountForm = z.infer<typeof accountSchema>;
