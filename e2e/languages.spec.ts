import { expect, test } from "@playwright/test";
import { ui } from "./helpers.ts";

test("/ sends the reader to their language from Accept-Language, and later from the cookie", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ko-KR" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/ko$/);
  await page.goto("/de/practices");
  await page.goto("/");
  await expect(page).toHaveURL(/\/de$/);
  await context.close();
});

test("the language switch keeps the reader on the same page", async ({ page }) => {
  await page.goto("/en/practices/utrecht-bed-bath-bread");
  await page
    .getByRole("navigation", { name: ui("en", "site.languageNav") })
    .getByRole("link", { name: "Nederlands" })
    .click();
  await expect(page).toHaveURL(/\/nl\/practices\/utrecht-bed-bath-bread$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByTestId("fallback-notice")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: ui("nl", "site.mainNav") }).getByRole("link", { name: ui("nl", "nav.practices") })).toBeVisible();
});

test("the Korean UI shows Korean labels and html lang", async ({ page }) => {
  await page.goto("/ko");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  const nav = page.getByRole("navigation", { name: ui("ko", "site.mainNav") });
  for (const key of ["practices", "questions", "toolkits", "cities"]) {
    await expect(nav.getByRole("link", { name: ui("ko", `nav.${key}`) })).toBeVisible();
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ui("ko", "home.title"));
  await expect(page.getByRole("heading", { name: ui("ko", "home.byTheme") })).toBeVisible();
  // Taxonomy labels come from the database in Korean too.
  await expect(page.getByRole("link", { name: /주거/ }).first()).toBeVisible();
  const hangul = /[\uac00-\ud7a3]/;
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(hangul);
});

test("an untranslated item shows its original with a label and the languages it exists in", async ({ page }) => {
  await page.goto("/es/practices/utrecht-bed-bath-bread");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const notice = page.getByTestId("fallback-notice");
  await expect(notice).toContainText(ui("es", "content.originalIn", { language: ui("es", "languages.en") }));
  await expect(notice.getByRole("link", { name: "Nederlands" })).toHaveAttribute("href", "/nl/practices/utrecht-bed-bath-bread");
  await expect(page.locator("h1")).toHaveAttribute("lang", "en");
});

test("hreflang alternates point at the same page in every language", async ({ page }) => {
  await page.goto("/de/questions");
  const alternates = await page
    .locator('link[rel="alternate"]')
    .evaluateAll((links) => links.map((l) => [l.getAttribute("hreflang"), new URL(l.getAttribute("href")!).pathname]));
  expect(alternates).toEqual([
    ["en", "/en/questions"],
    ["nl", "/nl/questions"],
    ["de", "/de/questions"],
    ["es", "/es/questions"],
    ["ko", "/ko/questions"],
    ["x-default", "/en/questions"],
  ]);
});

test("an unknown language redirects to a supported one on the same page", async ({ page }) => {
  await page.goto("/fr/practices");
  await expect(page).toHaveURL(/\/en\/practices$/);
  await page.goto("/nl-BE/questions");
  await expect(page).toHaveURL(/\/nl\/questions$/);
});

test("an unknown page is a 404 in the reader's language, without a stack trace", async ({ page }) => {
  const response = await page.goto("/de/practices/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ui("de", "errors.notFoundTitle"));
  const text = (await page.locator("body").textContent()) ?? "";
  expect(text).not.toMatch(/node_modules|\.tsx?:\d+|\bat \S+ \(/);
  const other = await page.goto("/ko/no/such/path");
  expect(other?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ui("ko", "errors.notFoundTitle"));
});
