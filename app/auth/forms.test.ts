import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { inviteSchema, manageUserSchema } from "./admin-forms.ts";
import { accountSchema, invitationSchema, loginSchema, verifySchema } from "./forms.ts";
import { chapterLinksSchema, featuredSchema } from "#app/models/curation-forms.ts";

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};
const errors = (schema: Parameters<typeof parseWithZod>[1]["schema"], entries: [string, string][]) => {
  const result = parseWithZod(form(entries), { schema });
  return result.status === "success" ? null : result.error;
};

describe("sign-in and account form schemas", () => {
  it("normalise the email as accounts store it; passwords are taken as typed", () => {
    const result = parseWithZod(
      form([
        ["email", "  Ana@Example.ORG "],
        ["password", " spaced "],
      ]),
      { schema: loginSchema },
    );
    expect(result.status === "success" && result.value).toEqual({ email: "ana@example.org", password: " spaced " });
    expect(errors(loginSchema, [["email", "ana@example.org"]])).toEqual({ password: ["required"] });
  });

  it("say what is wrong with a new password and a code as codes useErrorText knows", () => {
    expect(errors(invitationSchema, [["password", "short"]])).toEqual({ password: ["password_too_short"] });
    expect(errors(invitationSchema, [["password", "x".repeat(257)]])).toEqual({ password: ["password_too_long"] });
    expect(
      errors(invitationSchema, [
        ["password", "long-enough-pass"],
        ["displayName", "A\u202Eb"],
      ]),
    ).toEqual({ displayName: ["bad_chars"] });
    expect(errors(verifySchema, [["code", "12a456"]])).toEqual({ code: ["bad_code"] });
    expect(errors(verifySchema, [["code", "123 456"]])).toBeNull();
  });

  it("let the server judge an empty current password or code on the account page (it throttles and audits them)", () => {
    const result = parseWithZod(form([["intent", "totp-disable"]]), { schema: accountSchema });
    expect(result.status === "success" && result.value).toEqual({ intent: "totp-disable", currentPassword: "", code: "" });
    expect(errors(accountSchema, [["intent", "drop"]])).toHaveProperty("intent");
  });
});

describe("administration and curation form schemas", () => {
  it("check the invitation's address and role; one checked city arrives as a list", () => {
    const result = parseWithZod(
      form([
        ["intent", "invite"],
        ["email", "New@Example.org"],
        ["role", "contributor"],
        ["cities", "gwangju"],
      ]),
      { schema: inviteSchema },
    );
    expect(result.status === "success" && result.value).toEqual({ intent: "invite", email: "new@example.org", role: "contributor", cities: ["gwangju"] });
    expect(
      errors(inviteSchema, [
        ["intent", "invite"],
        ["email", "nope"],
        ["role", "king"],
      ]),
    ).toEqual({ email: ["email"], role: ["unknown_value"] });
    expect(
      errors(manageUserSchema, [
        ["intent", "role"],
        ["user", "1; DROP TABLE users"],
        ["role", "admin"],
      ]),
    ).toEqual({ user: ["invalid"] });
  });

  it("take ids from checkboxes and refuse what is not an id", () => {
    const result = parseWithZod(
      form([
        ["kind", "practice"],
        ["featured", "3"],
        ["featured", "5"],
      ]),
      { schema: featuredSchema },
    );
    expect(result.status === "success" && result.value).toEqual({ kind: "practice", featured: [3, 5] });
    expect(errors(chapterLinksSchema, [["practices", "-1"]])).toEqual({ "practices[0]": ["invalid"] });
    const none = parseWithZod(form([]), { schema: chapterLinksSchema });
    expect(none.status === "success" && none.value).toEqual({ practices: [], questions: [] });
  });
});
