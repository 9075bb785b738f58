import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts.ts";
import { signIn, ui } from "./helpers.ts";

const LANGS = ["en", "nl", "de", "es", "ko"] as const;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3)}`);
}

/** True when the page is wider than the window: the reader would have to scroll sideways. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

for (const lang of LANGS) {
  test(`organisation pages in ${lang}: no serious accessibility violations, no sideways scrolling at 320 px`, async ({ page }) => {
    test.setTimeout(60_000);
    const problems: string[] = [];
    for (const url of [
      `/${lang}/organisations`,
      `/${lang}/organisations?city=utrecht&kind=civil-society`,
      `/${lang}/organisations/human-rights-office-vienna`,
    ]) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      problems.push(...(await seriousViolations(page)));
      await page.setViewportSize({ width: 320, height: 800 });
      if (await scrollsSideways(page)) problems.push(`${url} scrolls sideways at 320 px`);
    }
    expect(problems).toEqual([]);
  });
}

for (const lang of LANGS) {
  test(`editing organisations in ${lang}: no serious accessibility violations, no sideways scrolling at 320 px`, async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, "en", E2E_ACCOUNTS.admin.email, E2E_ACCOUNTS.admin.password);
    const problems: string[] = [];
    for (const url of [
      `/${lang}/edit/organisations/new`,
      `/${lang}/edit/organisations/1`,
      `/${lang}/edit/organisations/1/review`,
      `/${lang}/edit/organisations/1/translate/nl`,
    ]) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      problems.push(...(await seriousViolations(page)));
      await page.setViewportSize({ width: 320, height: 800 });
      if (await scrollsSideways(page)) problems.push(`${url} scrolls sideways at 320 px`);
    }
    expect(problems).toEqual([]);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the list filters by city, kind and theme with a plain GET form", async ({ page }) => {
    await page.goto("/en/organisations");
    const all = await page.locator(".card").count();
    expect(all).toBeGreaterThanOrEqual(30);
    await page.getByLabel(ui("en", "organisations.city")).selectOption("utrecht");
    await page.getByLabel(ui("en", "organisations.kind")).selectOption("civil-society");
    await page.getByRole("button", { name: ui("en", "organisations.apply") }).click();
    await expect(page).toHaveURL(/city=utrecht/);
    await expect(page).toHaveURL(/kind=civil-society/);
    const cards = page.locator(".card");
    const filtered = await cards.count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    for (const meta of await cards.locator(".card-meta").allTextContents()) {
      expect(meta).toContain("Utrecht");
      expect(meta).toContain(ui("en", "organisations.kinds.civil-society"));
    }
    await expect(cards.getByRole("link", { name: "COC Midden-Nederland" })).toBeVisible();
    await page.getByLabel(ui("en", "organisations.theme")).selectOption("lgbtiq");
    await page.getByRole("button", { name: ui("en", "organisations.apply") }).click();
    await expect(page.locator(".card").getByRole("link", { name: "COC Midden-Nederland" })).toBeVisible();
    await expect(page.locator(".card").getByRole("link", { name: "STIL" })).toHaveCount(0);
  });

  test("an organisation page shows its city, its coalition membership, its sources and the practices it took part in", async ({ page }) => {
    await page.goto("/en/organisations/stil");
    await expect(page.getByRole("heading", { level: 1, name: "STIL" })).toBeVisible();
    await expect(page.locator("main").getByRole("link", { name: "Utrecht" }).first()).toBeVisible();
    await expect(page.getByText(ui("en", "organisations.coalitionIn", { role: ui("en", "organisations.roles.member"), city: "Utrecht" }))).toBeVisible();
    await expect(page.getByRole("link", { name: "STIL: vision and mission" })).toHaveAttribute(
      "href",
      "https://www.stil-utrecht.nl/over-stil/visie-en-missie/",
    );
    const practices = page.getByRole("region", { name: ui("en", "organisations.practices") });
    await practices.getByRole("link", { name: /Bed, Bath/ }).click();
    await expect(page).toHaveURL(/\/en\/practices\/utrecht-bed-bath-bread$/);
    // Back from the practice: its partner links to the organisation page.
    await page.getByRole("link", { name: "STIL", exact: true }).click();
    await expect(page).toHaveURL(/\/en\/organisations\/stil$/);
  });

  test("a city page lists its organisations, in the reader's language", async ({ page }) => {
    await page.goto("/de/cities/vienna");
    const section = page.getByRole("region", { name: ui("de", "organisations.inCity", { city: "Wien" }) });
    await expect(section.getByRole("link").first()).toBeVisible();
    await section.getByRole("link", { name: /Menschenrechtsbüro/ }).click();
    await expect(page).toHaveURL(/\/de\/organisations\/human-rights-office-vienna$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
  });

  test("search finds organisations as their own content type", async ({ page }) => {
    await page.goto("/en/search?q=COC&type=organisation");
    await expect(page.getByRole("link", { name: "COC Midden-Nederland" })).toBeVisible();
  });
});
