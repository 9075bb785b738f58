import { z } from "zod";
import { ROLES } from "#app/domain/enums.ts";
import { line, pick, str } from "#app/utils/form-schema.ts";
import { DISPLAY_NAME_MAX, emailAddress } from "./forms.ts";

/**
 * The people-and-roles page: inviting someone, and an administrator's changes to an existing
 * account (one small form per row). Messages are codes for `useErrorText`; what only the server
 * knows comes back the same way (`email_taken`, `city_required`, `self`).
 */
export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: emailAddress(),
  displayName: line(DISPLAY_NAME_MAX).optional(),
  role: pick(ROLES),
  cities: z.array(str().max(200, "invalid"), { invalid_type_error: "invalid" }).max(500, "invalid").default([]),
});

const userId = () => z.coerce.number({ invalid_type_error: "invalid" }).int("invalid").positive("invalid").max(Number.MAX_SAFE_INTEGER, "invalid");

export const manageUserSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), user: userId(), role: pick(ROLES) }),
  z.object({ intent: z.literal("disable"), user: userId() }),
  z.object({ intent: z.literal("enable"), user: userId() }),
  z.object({ intent: z.literal("reset-two-step"), user: userId() }),
  z.object({ intent: z.literal("reinvite"), user: userId() }),
]);
export type ManageUserForm = z.infer<typeof manageUserSchema>;
