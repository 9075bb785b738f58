import { expect, test } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts.ts";
import { invitedContributor, signIn, ui } from "./helpers.ts";

/**
 * Organisations are edited like practices (issue 8's proof of the registry): a Utrecht contributor
 * adds one and submits it; a curator reviews it in the read-only view and publishes; the contributor
 * links it as a partner of a Utrecht practice; once that change is published too, the organisation
 * shows on the city page, on the practice (as a link) and in search.
 */
test("a contributor adds an organisation and links it as a partner; a curator reviews and publishes both", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const name = `Utrecht Rights Walkers ${stamp}`;
  const utrecht = await invitedContributor(browser, "Utrecht", `utrecht-${stamp}@e2e.test`, "oudegracht-lantern-bicycle-2026");
  const curator = await (await browser.newContext()).newPage();
  await signIn(curator, "en", E2E_ACCOUNTS.curator.email, E2E_ACCOUNTS.curator.password);

  // 1. The contributor writes the organisation. A missing source is refused, and what was typed stays.
  await utrecht.getByRole("link", { name: ui("en", "editor.newOrganisation") }).click();
  await expect(utrecht).toHaveURL(/\/en\/edit\/organisations\/new$/);
  await expect(utrecht.getByLabel(ui("en", "editor.city"))).toHaveValue("utrecht");
  await utrecht.getByLabel(ui("en", "editor.organisationName")).fill(name);
  await utrecht.getByLabel(ui("en", "editor.organisationDescription")).fill("A walking group that visits the places of the **Utrecht** human rights city.");
  await utrecht.getByLabel(ui("en", "organisations.kind")).selectOption("grassroots");
  await utrecht.getByRole("checkbox", { name: "LGBTIQ+ rights" }).check();
  await utrecht.getByRole("button", { name: ui("en", "editor.save") }).click();
  await expect(utrecht.getByLabel(ui("en", "editor.organisationName"))).toHaveValue(name);
  await expect(utrecht.locator(".field-errors").first()).toBeVisible();
  await utrecht.getByLabel(ui("en", "editor.sourceTitle")).first().fill("Walk announcement");
  await utrecht.getByLabel(ui("en", "editor.sourceUrl")).first().fill("https://example.org/walk");
  await utrecht.getByRole("button", { name: ui("en", "editor.save") }).click();
  await expect(utrecht).toHaveURL(/\/en\/edit\/organisations\/\d+\?saved=1$/);
  const organisationEditor = utrecht.url().replace(/\?.*$/, "");
  await utrecht.getByRole("button", { name: ui("en", "workflow.submit") }).click();
  await expect(utrecht).toHaveURL(/\/review\?done=submit$/);
  await expect(utrecht.locator(".state-badge").first()).toHaveText(ui("en", "states.in_review"));

  // 2. The curator reviews it read-only (no form fields) and publishes.
  await curator.goto(`${organisationEditor.replace(/^https?:\/\/[^/]+/, "")}/review`);
  await expect(curator.getByRole("heading", { level: 3, name, exact: true })).toBeVisible();
  await expect(curator.getByRole("textbox", { name: ui("en", "editor.organisationName") })).toHaveCount(0);
  await curator.getByRole("button", { name: ui("en", "workflow.publish"), exact: true }).click();
  await expect(curator.getByRole("status")).toHaveText(ui("en", "workflow.done.publish"));

  // 3. The contributor links it as a partner of a Utrecht practice; the change waits for review.
  await utrecht.goto("/en/practices/utrecht-plan-einstein");
  await utrecht.getByRole("link", { name: ui("en", "content.edit") }).click();
  await expect(utrecht).toHaveURL(/\/en\/edit\/practices\/\d+$/);
  const names = utrecht.getByLabel(ui("en", "editor.partnerName"), { exact: true });
  await expect(names.first()).toBeVisible();
  const values = await names.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const row = values.indexOf("");
  expect(row).toBeGreaterThan(0);
  await names.nth(row).fill(name);
  await utrecht.getByLabel(ui("en", "editor.partnerRole"), { exact: true }).nth(row).selectOption("civil-society");
  await utrecht
    .getByLabel(ui("en", "editor.partnerOrganisation"))
    .nth(row)
    .selectOption({ label: `${name} (Utrecht)` });
  await utrecht.getByRole("button", { name: ui("en", "editor.save") }).click();
  await expect(utrecht.getByRole("status")).toHaveText(ui("en", "editor.saved"));
  await utrecht.getByRole("button", { name: ui("en", "workflow.submit") }).click();
  await expect(utrecht).toHaveURL(/\/review\?done=submit$/);
  const practiceReview = utrecht
    .url()
    .replace(/^https?:\/\/[^/]+/, "")
    .replace(/\?.*$/, "");

  // 4. The curator sees the new partner in the diff and publishes the change.
  await curator.goto(practiceReview);
  await expect(curator.locator(".diff-table")).toContainText(name);
  await curator.getByRole("button", { name: ui("en", "workflow.publish"), exact: true }).click();
  await expect(curator.getByRole("status")).toHaveText(ui("en", "workflow.done.publish"));

  // 5. What readers see: the practice links the partner, the city lists it, search finds it.
  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto("/en/practices/utrecht-plan-einstein");
  await reader.getByRole("link", { name, exact: true }).click();
  await expect(reader).toHaveURL(/\/en\/organisations\/utrecht-rights-walkers-[a-z0-9]+$/);
  await expect(reader.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(reader.getByRole("region", { name: ui("en", "organisations.practices") }).getByRole("link", { name: /Plan Einstein/ })).toBeVisible();
  await reader.goto("/en/cities/utrecht");
  await expect(reader.getByRole("region", { name: ui("en", "organisations.inCity", { city: "Utrecht" }) }).getByRole("link", { name })).toBeVisible();
  await expect(async () => {
    await reader.goto(`/en/search?q=${encodeURIComponent(stamp)}&type=organisation`);
    await expect(reader.getByRole("link", { name })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
});
