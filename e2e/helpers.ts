import fs from "node:fs";
import { expect, type Browser, type Page } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts.ts";
import path from "node:path";

type Tree = { [key: string]: string | Tree };

/** UI strings exactly as a locale file has them, so tests check real translations, not copies. */
export function ui(lang: string, key: string, vars: Record<string, string | number> = {}): string {
  const tree = JSON.parse(fs.readFileSync(path.join("locales", lang, "common.json"), "utf8")) as Tree;
  const value = key.split(".").reduce<string | Tree | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), tree);
  if (typeof value !== "string") throw new Error(`no string ${key} in ${lang}`);
  return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

/** Signs in through the real form and waits for the dashboard. */
export async function signIn(page: Page, lang: string, email: string, password: string) {
  await page.goto(`/${lang}/login`);
  await page.getByLabel(ui(lang, "auth.email")).fill(email);
  await page.getByLabel(ui(lang, "auth.password"), { exact: true }).fill(password);
  await page.getByRole("button", { name: ui(lang, "auth.signIn") }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/dashboard`));
}

/**
 * A new contributor for one city, invited by the admin through the mailbox (there is no SMTP in
 * the tests), who activates the account and signs in. Returns their page, in a context of its own.
 */
export async function invitedContributor(browser: Browser, city: string, email: string, password: string) {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "en", E2E_ACCOUNTS.admin.email, E2E_ACCOUNTS.admin.password);
  await admin.goto("/en/admin/users");
  await admin.getByLabel(ui("en", "auth.email")).fill(email);
  await admin.getByLabel(ui("en", "auth.displayName")).fill(`${city} official`);
  await admin.getByLabel(ui("en", "admin.role")).first().selectOption("contributor");
  await admin.getByRole("checkbox", { name: city }).check();
  await admin.getByRole("button", { name: ui("en", "admin.invite") }).click();
  await expect(admin.getByRole("status")).toContainText(email);
  await admin.goto("/en/admin/mailbox");
  const body = await admin.locator("article.mail", { hasText: email }).first().locator(".mail-body").textContent();
  const link = /https?:\/\/\S+\/invitation\/\S+/.exec(body ?? "")![0];
  await admin.context().close();
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL(link).pathname);
  await page.getByLabel(ui("en", "auth.newPassword")).fill(password);
  await page.getByRole("button", { name: ui("en", "auth.activate") }).click();
  await expect(page).toHaveURL(/\/en\/login\?notice=activated/);
  await signIn(page, "en", email, password);
  return page;
}
