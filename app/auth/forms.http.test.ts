import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser } from "#app/models/users.server.ts";
import { issueToken } from "#app/auth/tokens.server.ts";
import { client, startAppServer, TEST_PASSWORD, userWithSession, type AppServer } from "#app/testing/app-server.ts";
import { makeCity } from "#app/testing/editorial-fixtures.ts";

/**
 * The sign-in, account and administration forms without JavaScript (plain POST): the server says
 * what is wrong in the reader's language, next to the field and linked to it, and keeps what was
 * typed (never a password).
 */
let app: AppServer;
let city: { id: number; slug: string };
beforeAll(async () => {
  app = await startAppServer();
  city = makeCity(app.db);
}, 120_000);
afterAll(() => app?.stop());

const nl = JSON.parse(fs.readFileSync(path.join("locales", "nl", "common.json"), "utf8"));
/** React escapes text and attributes; the strings below have at most apostrophes and quotes. */
const html = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** The input named `name` (its attributes), and the error list its aria-describedby points to. */
function field(page: string, name: string) {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(page)?.[0] ?? "";
  const describedBy = /aria-describedby="([^"]+)"/.exec(input)?.[1]?.split(" ") ?? [];
  const errors = describedBy.map((id) => new RegExp(`<ul id="${id}" class="field-errors">(.*?)</ul>`, "s").exec(page)?.[1]).filter(Boolean);
  return { input, errors: errors.join(" "), invalid: /aria-invalid="true"/.test(input) };
}

describe("forms without JavaScript", () => {
  it("a failed sign-in keeps the typed email, says what is wrong in Dutch, and never echoes the password", async () => {
    const u = await userWithSession(app.db, "contributor", [city.id]);
    const typed = `  ${u.email.toUpperCase()} `;
    const res = await client(app.url).post("/nl/login", { email: typed, password: "not-the-password-42" }, { "X-Forwarded-For": "192.0.2.31" });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toMatch(new RegExp(`<p class="form-error-summary" role="alert" id="login-error">${html(nl.auth.invalidCredentials)}</p>`));
    expect(page).toMatch(/<form[^>]*aria-describedby="login-error"/);
    expect(field(page, "email").input).toContain(`value="${typed}"`);
    expect(field(page, "password").input).not.toContain("value=");
    expect(page).not.toContain("not-the-password-42");
    // The right password still signs in (the email is normalised as before).
    expect((await client(app.url).post("/nl/login", { email: typed, password: TEST_PASSWORD }, { "X-Forwarded-For": "192.0.2.32" })).status).toBe(302);
  });

  it("a missing field is named next to it, linked with aria-describedby", async () => {
    const res = await client(app.url).post("/nl/login", { email: "iemand@example.org", password: "" }, { "X-Forwarded-For": "192.0.2.33" });
    expect(res.status).toBe(400);
    const page = await res.text();
    const password = field(page, "password");
    expect(password.invalid).toBe(true);
    expect(password.errors).toContain(html(nl.form.errors.required));
    expect(field(page, "email").input).toContain('value="iemand@example.org"');
  });

  it("an invitation refused for a common password keeps the name and says why, in Dutch", async () => {
    const id = insertUser(app.db, { email: "uitgenodigd@test.example", displayName: "U", role: "contributor", cityIds: [city.id], passwordHash: null });
    const token = issueToken(app.db, id, "invitation", null);
    const res = await client(app.url).post(`/nl/invitation/${token}`, { displayName: "Anna de Vries", password: "password123456" });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(field(page, "password").errors).toContain(html(nl.auth.passwordProblem.too_common));
    expect(field(page, "password").input).toContain('aria-describedby="');
    expect(field(page, "displayName").input).toContain('value="Anna de Vries"');
    expect(page).not.toContain("password123456");
  });

  it("a wrong current password on the account page is named next to that field", async () => {
    const u = await userWithSession(app.db, "contributor", [city.id]);
    const res = await client(app.url, u.cookie).post("/nl/account", {
      intent: "password",
      currentPassword: "wrong-password-77",
      password: "violet-harbour-bicycle-77",
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    const errors = [...page.matchAll(/<ul id="[^"]+" class="field-errors">(.*?)<\/ul>/gs)].map((m) => m[1]);
    expect(errors).toEqual([`<li>${html(nl.account.wrongPassword)}</li>`]);
    expect(page).not.toContain("wrong-password-77");
    expect(page).not.toContain("violet-harbour-bicycle-77");
  });

  it("inviting an address that has an account says so, keeping what was typed", async () => {
    const admin = await userWithSession(app.db, "admin", []);
    const taken = await userWithSession(app.db, "contributor", [city.id]);
    const res = await client(app.url, admin.cookie).post("/nl/admin/users", {
      intent: "invite",
      email: taken.email,
      displayName: "Dubbel",
      role: "contributor",
      cities: "gwangju",
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(field(page, "email").errors).toContain(html(nl.admin.emailTaken));
    expect(field(page, "displayName").input).toContain('value="Dubbel"');
    // A city of the imported content (the page lists cities through a cache that test fixtures do not reach).
    expect(/<input type="checkbox" name="cities"[^>]*value="gwangju"[^>]*>/.exec(page)?.[0]).toContain("checked");
  });
});
