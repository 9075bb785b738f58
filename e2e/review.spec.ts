import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts.ts";
import { invitedContributor, signIn, ui } from "./helpers.ts";

/**
 * The review page: a Lund contributor proposes a change to a published practice and submits it; the
 * editor sends them to the read-only view of their item, with its state and the change. A curator
 * (without JavaScript) opens it from the dashboard's queue, reads the diff and publishes.
 */
test("a contributor submits a change and follows it read-only; a curator reviews the diff without JavaScript and publishes", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const marker = `Revisited in ${stamp} with the city's own figures.`;
  const lund = await invitedContributor(browser, "Lund", `lund-${stamp}@e2e.test`, "kungsgatan-bicycle-lamp-2026");

  // 1. The contributor edits a published practice of their city: the change waits as a proposal.
  await lund.goto("/en/practices/lund-baseline-analysis");
  await lund.getByRole("link", { name: ui("en", "content.edit") }).click();
  await expect(lund).toHaveURL(/\/en\/edit\/practices\/\d+$/);
  const editUrl = lund.url().replace(/\?.*$/, "");
  const summary = lund.getByLabel(ui("en", "editor.summary"));
  await summary.fill(`${await summary.inputValue()} ${marker}`);
  await lund.getByRole("button", { name: ui("en", "editor.save") }).click();
  await expect(lund.getByRole("status")).toHaveText(ui("en", "editor.saved"));

  // 2. Submitting sends them to the read-only view: state, the change, the item as readers will see it.
  await lund.getByRole("button", { name: ui("en", "workflow.submit") }).click();
  await expect(lund).toHaveURL(new RegExp(`${editUrl.replace(/^https?:\/\/[^/]+/, "")}/review\\?done=submit$`));
  await expect(lund.getByRole("status")).toHaveText(ui("en", "workflow.done.submit"));
  await expect(lund.locator(".state-badge").first()).toHaveText(ui("en", "states.published_in_review"));
  await expect(lund.getByText(ui("en", "review.readOnlyWaiting"))).toBeVisible();
  await expect(lund.locator(".diff-table")).toContainText(marker);
  const asReaders = lund.locator("section", { has: lund.getByRole("heading", { name: ui("en", "review.asReaders") }) });
  await expect(asReaders.locator(".lead")).toContainText(marker);
  await expect(lund.getByRole("button", { name: ui("en", "workflow.publish"), exact: true })).toHaveCount(0);
  await expect(lund.getByRole("button", { name: ui("en", "workflow.withdraw") })).toBeVisible();
  // With the diff on it: no serious accessibility problems, and no sideways scrolling at 320px.
  await lund.setViewportSize({ width: 320, height: 800 });
  expect(await lund.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  const results = await new AxeBuilder({ page: lund }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await lund.setViewportSize({ width: 1280, height: 800 });
  // The editor, no longer editable for them, points to this view.
  await lund.goto(editUrl);
  await expect(lund.getByRole("textbox", { name: ui("en", "editor.summary") })).toHaveCount(0);
  await lund.getByRole("link", { name: ui("en", "review.seeReadOnly") }).click();
  await expect(lund).toHaveURL(/\/review$/);

  // 3. The curator, without JavaScript, opens it from the review queue and reads the diff.
  const curatorContext = await browser.newContext({ javaScriptEnabled: false });
  const curator = await curatorContext.newPage();
  await signIn(curator, "en", E2E_ACCOUNTS.curator.email, E2E_ACCOUNTS.curator.password);
  const queue = curator.locator("section", { has: curator.getByRole("heading", { name: ui("en", "dashboard.reviewQueue") }) });
  await queue.getByRole("link", { name: "Baseline analysis of human rights and public health" }).click();
  await expect(curator).toHaveURL(/\/en\/edit\/practices\/\d+\/review$/);
  await expect(curator.getByRole("heading", { level: 1 })).toHaveText(
    ui("en", "review.title", { title: "Baseline analysis of human rights and public health" }),
  );
  const diff = curator.locator(".diff-table");
  await expect(diff.getByRole("rowheader", { name: "translations.en.summary" })).toBeVisible();
  await expect(diff.locator("ins")).toContainText(marker);

  // Readable on a narrow phone too.
  await curator.setViewportSize({ width: 320, height: 800 });
  expect(await curator.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await curator.setViewportSize({ width: 1280, height: 800 });

  // 4. The curator publishes from the review page and stays on it.
  await curator.getByRole("button", { name: ui("en", "workflow.publish"), exact: true }).click();
  await expect(curator).toHaveURL(/\/review\?done=publish$/);
  await expect(curator.getByRole("status")).toHaveText(ui("en", "workflow.done.publish"));
  await expect(curator.locator(".state-badge").first()).toHaveText(ui("en", "states.published"));
  await expect(curator.getByText(ui("en", "review.noPendingChange"))).toBeVisible();

  // 5. The contributor sees the outcome on the same page, and readers see the change.
  await lund.reload();
  await expect(lund.locator(".state-badge").first()).toHaveText(ui("en", "states.published"));
  await expect(lund.locator(".trail")).toContainText("Mira Curator");
  await lund.goto("/en/practices/lund-baseline-analysis");
  await expect(lund.locator(".lead")).toContainText(marker);
  await lund.context().close();
  await curatorContext.close();
});
