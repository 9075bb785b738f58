import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts.ts";
import { ui } from "./helpers.ts";

/**
 * The whole contribution journey with real accounts, the real server, search and Chromium:
 * an invited Gwangju official writes a practice in Korean, a curator asks for changes, the
 * official fixes it, the curator publishes, and readers find it by search in Korean and English.
 */
async function signIn(page: Page, lang: string, email: string, password: string) {
  await page.goto(`/${lang}/login`);
  await page.getByLabel(ui(lang, "auth.email")).fill(email);
  await page.getByLabel(ui(lang, "auth.password"), { exact: true }).fill(password);
  await page.getByRole("button", { name: ui(lang, "auth.signIn") }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/dashboard`));
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test("an invited Gwangju contributor writes in Korean; a curator requests changes, then publishes; search finds it", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const email = `gwangju-${stamp}@e2e.test`;
  const koTitle = `광주 인권 마을 활동가 ${stamp}`;
  const enWord = `neighbourhood${stamp}`;

  // 1. The admin invites a contributor for Gwangju; the invitation waits in the mailbox (no SMTP here).
  const admin = await newPage(browser);
  await signIn(admin, "en", E2E_ACCOUNTS.admin.email, E2E_ACCOUNTS.admin.password);
  await admin.goto("/en/admin/users");
  await admin.getByLabel(ui("en", "auth.email")).fill(email);
  await admin.getByLabel(ui("en", "auth.displayName")).fill("Gwangju official");
  await admin.getByLabel(ui("en", "admin.role")).first().selectOption("contributor");
  await admin.getByRole("checkbox", { name: "Gwangju" }).check();
  await admin.getByRole("button", { name: ui("en", "admin.invite") }).click();
  await expect(admin.getByRole("status")).toContainText(email);
  await admin.goto("/en/admin/mailbox");
  const mail = admin.locator("article.mail", { hasText: email }).first();
  const link = /https?:\/\/\S+\/invitation\/\S+/.exec((await mail.locator(".mail-body").textContent()) ?? "")?.[0];
  expect(link).toBeTruthy();

  // 2. The contributor opens the link in Korean and chooses a password.
  const gj = await newPage(browser);
  await gj.goto(new URL(link!).pathname.replace("/en/", "/ko/"));
  await expect(gj.getByRole("heading", { level: 1 })).toHaveText(ui("ko", "auth.invitationTitle"));
  await gj.getByLabel(ui("ko", "auth.newPassword")).fill("short");
  await gj.getByRole("button", { name: ui("ko", "auth.activate") }).click();
  // Native validation stops a too-short password before it is sent; a common one is refused by the server.
  await gj.getByLabel(ui("ko", "auth.newPassword")).fill("password123456");
  await gj.getByRole("button", { name: ui("ko", "auth.activate") }).click();
  await expect(gj.locator(".field-errors")).toHaveText(ui("ko", "auth.passwordProblem.too_common"));
  await gj.getByLabel(ui("ko", "auth.newPassword")).fill("mudeung-mountain-tram-2026");
  await gj.getByRole("button", { name: ui("ko", "auth.activate") }).click();
  await expect(gj).toHaveURL(/\/ko\/login\?notice=activated/);
  await signIn(gj, "ko", email, "mudeung-mountain-tram-2026");

  // 3. A new practice in Korean, with a theme and a source.
  await gj.getByRole("link", { name: ui("ko", "dashboard.newPractice") }).click();
  await gj.getByLabel(ui("ko", "editor.language")).selectOption("ko");
  await gj.getByLabel(ui("ko", "editor.title"), { exact: true }).fill(koTitle);
  await gj.getByLabel(ui("ko", "editor.summary")).fill("주민과 함께 마을 인권 지도를 만들었습니다.");
  await gj.getByLabel(ui("ko", "editor.body")).fill("## 무엇을 했나\n\n주민 **인권 지킴이**가 마을을 함께 조사했습니다.");
  await gj.getByRole("checkbox").first().check();
  await gj.getByLabel(ui("ko", "editor.sourceTitle")).first().fill("광주광역시 인권 정책");
  await gj.getByLabel(ui("ko", "editor.sourceUrl")).first().fill("https://www.gwangju.go.kr/");
  await gj.getByRole("button", { name: ui("ko", "editor.save") }).click();
  await expect(gj.getByRole("status")).toHaveText(ui("ko", "editor.saved"));
  const editUrl = gj.url().replace(/\?.*$/, "");

  // 4. An English translation, side by side with the Korean original.
  await gj.getByRole("link", { name: ui("ko", "editor.translate", { language: "English" }) }).click();
  await expect(gj.locator(".original-text")).toContainText(koTitle);
  await gj.getByLabel(ui("ko", "editor.title"), { exact: true }).fill(`Village human rights mapping in Gwangju ${enWord}`);
  await gj.getByLabel(ui("ko", "editor.summary")).fill("Residents mapped human rights in their neighbourhood.");
  await gj.getByLabel(ui("ko", "editor.body")).fill("Residents surveyed their own neighbourhood together.");
  await gj.getByRole("button", { name: ui("ko", "editor.save") }).click();
  await expect(gj.getByRole("status")).toHaveText(ui("ko", "editor.saved"));
  await gj.getByRole("button", { name: ui("ko", "workflow.submit") }).click();
  await expect(gj.locator(".state-badge").first()).toHaveText(ui("ko", "states.in_review"));

  // 5. The curator asks for changes, with a comment.
  const curator = await newPage(browser);
  await signIn(curator, "en", E2E_ACCOUNTS.curator.email, E2E_ACCOUNTS.curator.password);
  await expect(curator.getByRole("link", { name: new RegExp(`Gwangju ${enWord}`) })).toBeVisible();
  await curator.goto(editUrl.replace("/ko/", "/en/"));
  await curator.getByRole("button", { name: ui("en", "workflow.request_changes") }).click();
  await expect(curator.locator(".field-errors")).toHaveText(ui("en", "workflow.commentRequired"));
  await curator.getByLabel(ui("en", "workflow.comment")).fill("Please say how many residents took part, with a source.");
  await curator.getByRole("button", { name: ui("en", "workflow.request_changes") }).click();
  await expect(curator.getByRole("status")).toHaveText(ui("en", "workflow.done.request_changes"));

  // 6. The contributor sees the request on the dashboard, fixes the text and resubmits.
  await gj.goto("/ko/dashboard");
  const needs = gj.locator("section", { has: gj.getByRole("heading", { name: ui("ko", "dashboard.needsChanges") }) });
  await needs.getByRole("link", { name: new RegExp(stamp) }).click();
  await expect(gj.locator(".review-comment")).toHaveText("Please say how many residents took part, with a source.");
  await gj.getByLabel(ui("ko", "editor.body")).fill("## 무엇을 했나\n\n주민 **인권 지킴이**가 마을을 함께 조사했습니다. 참여 인원은 출처에 따라 밝힙니다.");
  await gj.getByRole("button", { name: ui("ko", "editor.save") }).click();
  await expect(gj.getByRole("status")).toHaveText(ui("ko", "editor.saved"));
  await gj.getByRole("button", { name: ui("ko", "workflow.submit") }).click();

  // 7. The curator publishes.
  await curator.goto(editUrl.replace("/ko/", "/en/"));
  await curator.getByRole("button", { name: ui("en", "workflow.publish") }).click();
  await expect(curator.getByRole("status")).toHaveText(ui("en", "workflow.done.publish"));

  // 8. Readers find it by search, in Korean and in English, within seconds.
  const reader = await newPage(browser);
  await expect(async () => {
    await reader.goto(`/ko/search?q=${encodeURIComponent(koTitle)}`);
    await expect(reader.getByRole("link", { name: koTitle })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(async () => {
    await reader.goto(`/en/search?q=${enWord}`);
    await expect(reader.getByRole("link", { name: new RegExp(enWord) })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  // The public page names who reviewed and published it; only editors see an edit link.
  await reader
    .getByRole("link", { name: new RegExp(enWord) })
    .first()
    .click();
  await expect(reader.getByRole("heading", { level: 1 })).toContainText(enWord);
  await expect(reader.getByText(/Mira Curator/)).toBeVisible();
  await expect(reader.getByRole("link", { name: ui("en", "content.edit") })).toHaveCount(0);
  await gj.goto(reader.url().replace("/en/", "/ko/"));
  await expect(gj.getByRole("link", { name: ui("ko", "content.edit") })).toHaveAttribute("href", editUrl.replace(/^https?:\/\/[^/]+/, ""));

  // 9. Its history shows the versions, with what changed.
  await gj.goto(`${editUrl}/history`);
  await expect(gj.locator("li.revision")).toHaveCount(3);
  await expect(gj.locator(".diff-table").first()).toContainText("참여 인원은 출처에 따라 밝힙니다");
  for (const p of [admin, gj, curator, reader]) await p.context().close();
});

test("forms work without JavaScript: errors in the reader's language, and nothing typed is lost", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/de/login");
  // A wrong password (for an address without an account, so the curator's sign-in is not slowed
  // down): the page says so in German and keeps the email, not the password.
  await page.getByLabel(ui("de", "auth.email")).fill("niemand@e2e.test");
  await page.getByLabel(ui("de", "auth.password"), { exact: true }).fill("not-the-password-e2e");
  await page.getByRole("button", { name: ui("de", "auth.signIn") }).click();
  await expect(page.getByRole("alert")).toHaveText(ui("de", "auth.invalidCredentials"));
  await expect(page.getByLabel(ui("de", "auth.email"))).toHaveValue("niemand@e2e.test");
  await expect(page.getByLabel(ui("de", "auth.password"), { exact: true })).toHaveValue("");
  await page.getByLabel(ui("de", "auth.email")).fill(E2E_ACCOUNTS.curator.email);
  await page.getByLabel(ui("de", "auth.password"), { exact: true }).fill(E2E_ACCOUNTS.curator.password);
  await page.getByRole("button", { name: ui("de", "auth.signIn") }).click();
  await expect(page).toHaveURL(/\/de\/dashboard/);
  await page.goto("/de/edit/practices/new");
  await page.getByLabel(ui("de", "editor.title"), { exact: true }).fill("Ein Titel, der bleibt");
  await page.getByLabel(ui("de", "editor.sourceUrl")).first().fill("javascript:alert(1)");
  await page.getByRole("button", { name: ui("de", "editor.save") }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByLabel(ui("de", "editor.title"), { exact: true })).toHaveValue("Ein Titel, der bleibt");
  await expect(
    page
      .locator(".field-errors")
      .filter({ hasText: ui("de", "form.errors.required") })
      .first(),
  ).toBeVisible();
  await expect(page.locator(".field-errors").filter({ hasText: ui("de", "form.errors.url") })).toBeVisible();
  await context.close();
});
