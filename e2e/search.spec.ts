import { expect, test, type Page } from "@playwright/test";
import { ui } from "./helpers.ts";

const hits = (page: Page) => page.locator("ol.hits > li");
const facet = (page: Page, param: string) => page.locator(`ul[data-facet="${param}"] a`);

async function narrowAndBrowse(page: Page) {
  await page.goto("/en");
  await page
    .getByRole("search", { name: ui("en", "search.headerLabel") })
    .getByRole("searchbox")
    .fill("refugee");
  await page
    .getByRole("search", { name: ui("en", "search.headerLabel") })
    .getByRole("button")
    .click();
  await expect(page).toHaveURL(/\/en\/search\?q=refugee$/);
  await expect(page.locator("#results-heading")).toContainText("“refugee”");
  const total = await hits(page).count();
  expect(total).toBeGreaterThan(0);
  await expect(page.locator("ol.hits mark").first()).toBeVisible();

  // Narrow by theme, then by question type: AND across facets.
  await facet(page, "theme").filter({ hasText: "Migration, refugees and shelter" }).click();
  await expect(page).toHaveURL(/theme=migration-refugees/);
  await expect(page.locator(".chip.removable")).toHaveCount(1);
  const qtype = facet(page, "qtype").first();
  const qtypeLabel = (await qtype.locator(".facet-label").textContent())!;
  const expected = Number(await qtype.locator(".facet-count").textContent());
  await qtype.click();
  await expect(page).toHaveURL(/qtype=/);
  await expect(page.locator(".chip.removable")).toHaveCount(2);
  await expect(page.locator("#results-heading")).toContainText(String(expected));

  // Remove the theme chip: the question type stays.
  await page.locator(".chip.removable", { hasText: "Migration" }).click();
  await expect(page).not.toHaveURL(/theme=/);
  await expect(page.locator(".chip.removable")).toHaveText([new RegExp(qtypeLabel)]);
  await page.getByRole("link", { name: ui("en", "search.clearAll") }).click();
  await expect(page.locator(".chip.removable")).toHaveCount(0);

  // Page through everything, then open a result.
  await page.goto("/en/search");
  const first = await hits(page).first().locator("h3").textContent();
  await page
    .getByRole("navigation", { name: ui("en", "search.pagination") })
    .getByRole("link", { name: new RegExp(ui("en", "search.next")) })
    .click();
  await expect(page).toHaveURL(/page=2/);
  await expect(hits(page).first().locator("h3")).not.toHaveText(first!);
  const target = hits(page).first().locator("h3 a");
  const title = (await target.textContent())!.trim();
  await target.click();
  await expect(
    page
      .locator("h1, h3")
      .filter({ hasText: title.split(":").pop()!.trim() })
      .first(),
  ).toBeVisible();
}

test("search in English: type, narrow by theme and question type, remove a chip, page through, open a result", async ({ page }) => {
  await narrowAndBrowse(page);
});

test("the same search journey works with JavaScript disabled", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await narrowAndBrowse(await context.newPage());
  await context.close();
});

test("search in Korean finds content written in other languages, with Korean labels", async ({ page }) => {
  await page.goto("/ko/search?q=%EB%82%9C%EB%AF%BC");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.locator("#filters-heading")).toHaveText(ui("ko", "search.filters"));
  expect(await hits(page).count()).toBeGreaterThan(0);
  // Items shown in another language say so, in Korean.
  await expect(page.locator("ol.hits .badge").first()).toContainText(ui("ko", "search.inLanguage", { language: "" }).trim());
  await facet(page, "type").first().click();
  await expect(page).toHaveURL(/type=/);
  await expect(page.locator(".chip.removable")).toContainText(ui("ko", "search.facet.type"));
});

test("with JavaScript, results follow the typing without a page reload, and the back button works", async ({ page }) => {
  await page.goto("/en/search");
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await page.locator("#search-q").pressSequentially("ombudsman", { delay: 30 });
  await expect(page).toHaveURL(/q=ombudsman/);
  await expect(page.locator("#results-heading")).toContainText("“ombudsman”");
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  await facet(page, "type").first().click();
  await expect(page).toHaveURL(/type=/);
  await page.goBack();
  await expect(page).not.toHaveURL(/type=/);
  await expect(page.locator(".chip.removable")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});

test("bad input: unknown filters are ignored with a notice, an overlong query is cut", async ({ page }) => {
  await page.goto(`/en/search?theme=${encodeURIComponent('x" OR type = "city')}&q=${"housing ".repeat(40)}`);
  await expect(page.getByTestId("notice-unknownFilter")).toBeVisible();
  await expect(page.getByTestId("notice-queryTruncated")).toBeVisible();
  await expect(page.locator(".chip.removable")).toHaveCount(0);
});

test("/healthz reports the search server and the outbox", async ({ request }) => {
  const health = await (await request.get("/healthz")).json();
  expect(health.search.status).toBe("ok");
  expect(typeof health.search.outboxPending).toBe("number");
});
