import { expect, test } from "@playwright/test";
import { XSS_PAYLOADS } from "../app/testing/xss-corpus.ts";
import { E2E_ACCOUNTS } from "./accounts.ts";
import { ui } from "./helpers.ts";

/**
 * Every payload of the XSS corpus rendered by the app in Chromium, under the real CSP, through the
 * editor's preview (the same renderer the saved text goes through): no script may run.
 */
test("the XSS corpus executes nothing in the browser", async ({ page }) => {
  test.setTimeout(240_000);
  let executions = 0;
  const cspViolations: string[] = [];
  page.on("dialog", (d) => {
    executions++;
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.goto("/en/login");
  await page.getByLabel(ui("en", "auth.email")).fill(E2E_ACCOUNTS.curator.email);
  await page.getByLabel(ui("en", "auth.password"), { exact: true }).fill(E2E_ACCOUNTS.curator.password);
  await page.getByRole("button", { name: ui("en", "auth.signIn") }).click();
  await expect(page).toHaveURL(/\/en\/dashboard/);
  // A marker any successful injection would flip, besides alert().
  await page.addInitScript(() => {
    Object.defineProperty(window, "__xss", { value: 0, writable: true });
  });
  await page.goto("/en/edit/practices/1");
  let rendered = 0;
  for (const payload of XSS_PAYLOADS) {
    await page.getByLabel(ui("en", "editor.body")).fill(payload.markdown);
    const response = page.waitForResponse((r) => r.request().method() === "POST", { timeout: 10_000 });
    await page.getByRole("button", { name: ui("en", "editor.preview") }).click();
    await response.catch(() => {
      throw new Error(`no preview request for payload ${payload.id}`);
    });
    if (await page.locator(".preview").count()) rendered++;
    expect(await page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(0);
  }
  console.log(
    `XSS corpus in Chromium: ${XSS_PAYLOADS.length} payloads, ${rendered} previews rendered, executions ${executions}, CSP violations ${cspViolations.length}`,
  );
  expect(executions).toBe(0);
  expect(cspViolations).toEqual([]);
  expect(rendered).toBeGreaterThan(XSS_PAYLOADS.length * 0.9);
});
