import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts.ts";

const PAGES = [
  "/en",
  "/ko",
  "/en/practices",
  "/en/practices/utrecht-bed-bath-bread",
  "/es/practices/utrecht-bed-bath-bread",
  "/en/questions",
  "/en/cities/utrecht",
  "/de/toolkits/becoming-a-human-rights-city",
  "/nl/toolkits/building-a-local-human-rights-coalition",
  "/en/nope",
  "/en/search?q=refugee&theme=migration-refugees",
  "/ko/search?q=%EB%82%9C%EB%AF%BC",
];

for (const url of PAGES) {
  test(`no serious accessibility violations on ${url}`, async ({ page }) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
    expect(serious).toEqual([]);
  });
}

test("the whole page can be used with the keyboard: skip link first, then focus is visible", async ({ page }) => {
  await page.goto("/en/practices");
  await page.keyboard.press("Tab");
  const skip = page.locator(":focus");
  await expect(skip).toHaveClass(/skip-link/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  // The next Tab lands inside the main content, on a control with a visible focus outline.
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus");
  expect(await focused.evaluate((el) => Boolean(el.closest("main")))).toBe(true);
  expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
});

test("no serious accessibility violations on the sign-in, editing and administration pages", async ({ page }) => {
  test.setTimeout(90_000);
  const check = async (url: string) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${url} ${v.id}: ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
  };
  const problems = [...(await check("/en/login")), ...(await check("/ko/reset-password"))];
  await page.goto("/en/login");
  await page.getByLabel("Email address").fill(E2E_ACCOUNTS.admin.email);
  await page.getByLabel("Password", { exact: true }).fill(E2E_ACCOUNTS.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/dashboard/);
  for (const url of [
    "/en/dashboard",
    "/en/edit/practices/1",
    "/ko/edit/practices/1/translate/ko",
    "/en/edit/practices/1/translate/nl",
    "/en/edit/answers/1",
    "/de/edit/cities/1",
    "/en/edit/practices/1/history",
    "/en/edit/practices/new",
    "/en/account",
    "/en/admin/users",
    "/en/admin/audit",
    "/en/admin/mailbox",
    "/en/curate",
    "/ko/curate/chapters/1",
  ]) {
    problems.push(...(await check(url)));
  }
  expect(problems).toEqual([]);
});

// One test per language: 3 pages × 2 widths each, so a busy machine does not push one long test past its time limit.
for (const lang of ["en", "nl", "de", "es", "ko"]) {
  test(`the review page in ${lang}: no serious accessibility violations, and no horizontal scrolling at 320px`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/en/login");
    await page.getByLabel("Email address").fill(E2E_ACCOUNTS.curator.email);
    await page.getByLabel("Password", { exact: true }).fill(E2E_ACCOUNTS.curator.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/en\/dashboard/);
    const problems: string[] = [];
    const urls = [`/${lang}/edit/practices/1/review`, `/${lang}/edit/answers/1/review`, `/${lang}/edit/cities/1/review`];
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      for (const url of urls) {
        const res = await page.goto(url);
        if (res?.status() !== 200) problems.push(`${url}: ${res?.status()}`);
        if (width === 320) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) problems.push(`${url} scrolls sideways at 320px by ${overflow}px`);
        }
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
        problems.push(
          ...results.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map(
              (v) =>
                `${url} at ${width}px ${v.id}: ${v.nodes
                  .map((n) => n.target.join(" "))
                  .slice(0, 3)
                  .join(", ")}`,
            ),
        );
      }
    }
    expect(problems).toEqual([]);
  });
}
