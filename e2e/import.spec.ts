import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATABASE } from "../playwright.config.ts";

test("a broken content file is rejected with file and field named, and the running site is unchanged", async ({ page, request }) => {
  const before = (await (await request.get("/healthz")).json()).content;
  await page.goto("/en/practices/utrecht-bed-bath-bread");
  const titleBefore = await page.locator("h1").textContent();

  // A copy of the real content with one valid edit and one broken reference.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rce-broken-"));
  fs.cpSync("toolkit-content", dir, { recursive: true });
  const practice = path.join(dir, "practices", "utrecht-bed-bath-bread.md");
  fs.writeFileSync(
    practice,
    fs
      .readFileSync(practice, "utf8")
      .replace(/^title: .*$/m, "title: Changed but never imported")
      .replace(/^city: utrecht$/m, "city: atlantis"),
  );

  let status = 0;
  let stderr = "";
  try {
    execFileSync("npx", ["tsx", "scripts/content-import.ts", "--dir", dir], { env: { ...process.env, DATABASE_PATH: E2E_DATABASE }, stdio: "pipe" });
  } catch (error) {
    status = (error as { status: number }).status;
    stderr = String((error as { stderr: Buffer }).stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect(status).toBe(1);
  expect(stderr).toMatch(/practices\/utrecht-bed-bath-bread\.md:\d+ city: unknown city "atlantis"/);

  expect((await (await request.get("/healthz")).json()).content).toEqual(before);
  await page.reload();
  await expect(page.locator("h1")).toHaveText(titleBefore!);
});
