import { expect, test } from "@playwright/test";
import { ui } from "./helpers.ts";

test("home → theme → practice: a reader finds a peer practice by theme", async ({ page }) => {
  await page.goto("/en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ui("en", "home.title"));
  await page.getByRole("link", { name: /Migration, refugees and shelter/ }).click();
  await expect(page).toHaveURL(/\/en\/search\?theme=migration-refugees$/);
  await expect(page.locator(".chip.removable")).toContainText("Migration, refugees and shelter");
  await page.getByRole("link", { name: "Bed, Bath and Bread" }).waitFor();
  const practice = page.getByRole("link", { name: "Bed, Bath and Bread" });
  await practice.click();
  await expect(page).toHaveURL(/\/en\/practices\/utrecht-bed-bath-bread$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bed, Bath and Bread");
  await expect(page.getByRole("heading", { name: ui("en", "content.sources") })).toBeVisible();
  expect(await page.locator(".sources li a").count()).toBeGreaterThan(0);
  await expect(page.getByTestId("fallback-notice")).toHaveCount(0);
});

test("a question page shows the answers of several cities side by side", async ({ page }) => {
  await page.goto("/en/questions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ui("en", "questions.title"));
  const firstWithThree = page
    .locator(".card")
    .filter({ hasText: /[3-9] city answers|\d\d city answers/ })
    .first();
  await firstWithThree.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/en\/questions\/[a-z0-9-]+$/);
  const answers = page.getByTestId("answers").locator("article.answer");
  await expect(answers.nth(2)).toBeVisible();
  const cities = await answers.locator("h3").allTextContents();
  expect(new Set(cities).size).toBe(cities.length);
});

test("a toolkit chapter has previous and next links", async ({ page }) => {
  await page.goto("/en/toolkits/becoming-a-human-rights-city");
  await page.getByRole("link", { name: new RegExp(ui("en", "toolkits.start")) }).click();
  await expect(page.getByText(ui("en", "toolkits.chapterOf", { number: 1, total: "" }).trim(), { exact: false })).toBeVisible();
  await page.getByRole("link", { name: new RegExp(`^${ui("en", "toolkits.next")}`) }).click();
  await expect(page.locator(".eyebrow")).toContainText("2");
  await expect(page.getByRole("link", { name: new RegExp(`^← ${ui("en", "toolkits.previous")}`) })).toBeVisible();
});

test("a city profile lists its practices and sources", async ({ page }) => {
  await page.goto("/en/cities/gothenburg");
  await expect(page.getByText(ui("en", "cities.noFormalDeclaration")).first()).toBeVisible();
  await page.goto("/en/cities/utrecht");
  await expect(page.getByRole("heading", { name: ui("en", "cities.practices", { city: "Utrecht" }) })).toBeVisible();
  expect(await page.locator("#city-practices ~ .card-grid .card, section[aria-labelledby=city-practices] .card").count()).toBeGreaterThanOrEqual(8);
});

test("the practice filters work without JavaScript (plain GET form)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/en/practices");
  await page.locator("#filter-city").selectOption("graz");
  await page.getByRole("button", { name: ui("en", "practices.apply") }).click();
  await expect(page).toHaveURL(/city=graz/);
  // The URL changes when the navigation commits; wait for the new page's results before counting.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Graz");
  const cards = page.locator(".card");
  await expect(cards.first()).toBeVisible();
  for (const meta of await cards.locator(".card-meta a").allTextContents()) expect(meta).toBe("Graz");
  await context.close();
});
