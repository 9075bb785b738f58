import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ItemState } from "#app/auth/permissions.ts";
import type { SessionUser } from "#app/auth/session.server.ts";
import { client, startAppServer, userWithSession, type AppServer } from "#app/testing/app-server.ts";
import { edited, itemFingerprint, itemInState, makeCity, saveEdit, statusOf } from "#app/testing/editorial-fixtures.ts";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import type { PracticeSnapshot } from "#app/content-types/snapshot-types.ts";
import { loadItem, workingSnapshot } from "./items.server.ts";

/**
 * The read-only review page (/{lang}/edit/{type}/{id}/review) against the real production server
 * over a real SQLite file: who may see it and post its review actions, what it shows, and that the
 * editor sends a contributor there once the item is no longer theirs to edit.
 */
let app: AppServer;
type U = Awaited<ReturnType<typeof userWithSession>>;
let contributor: U;
let other: U;
let curator: U;
const asActor = (u: U): SessionUser => ({ id: u.id, email: u.email, displayName: u.email, role: u.role, cityIds: u.cityIds });
const SEGMENT = { practice: "practices", answer: "answers", city: "cities", organisation: "organisations" } as const;

beforeAll(async () => {
  app = await startAppServer();
  contributor = await userWithSession(app.db, "contributor", [makeCity(app.db).id]);
  other = await userWithSession(app.db, "contributor", [makeCity(app.db).id]);
  curator = await userWithSession(app.db, "curator", []);
}, 120_000);
afterAll(() => app?.stop());

/** A fresh item in `state` whose city the contributor belongs to. */
function item(type: s.EditableType, state: ItemState) {
  const made = itemInState(app.db, type, state, { contributor: asActor(contributor), curator: asActor(curator) });
  app.db.insert(s.userCities).values({ userId: contributor.id, cityId: made.cityId }).run();
  return { ...made, review: `/en/edit/${SEGMENT[type]}/${made.id}/review`, editor: `/en/edit/${SEGMENT[type]}/${made.id}` };
}
const pending = (db: DB, type: s.EditableType, id: number) => loadItem(db, type, id)!.pending;

describe("who may see the review page", () => {
  it("the item's own contributor and curators, in every state; not another city's contributor, not anonymous people", async () => {
    const seen: string[] = [];
    for (const type of ["practice", "answer", "city"] as const) {
      for (const state of ["draft", "in_review", "published", "published_in_review", "archived"] as const) {
        const it = item(type, state);
        const own = await client(app.url, contributor.cookie).get(it.review);
        const cur = await client(app.url, curator.cookie).get(it.review);
        const foreign = await client(app.url, other.cookie).get(it.review);
        const anonymous = await client(app.url).get(it.review);
        seen.push(
          `${type}/${state}: ${own.status} ${cur.status} ${foreign.status} ${anonymous.status} ${anonymous.headers.get("Location")?.includes("/login")}`,
        );
      }
    }
    expect(seen.filter((line) => !line.endsWith(": 200 200 403 302 true"))).toEqual([]);
    // Malformed ids and types are not found, as elsewhere in the editor.
    expect((await client(app.url, curator.cookie).get("/en/edit/practices/0/review")).status).toBe(404);
    expect((await client(app.url, curator.cookie).get("/en/edit/things/1/review")).status).toBe(404);
    expect((await client(app.url, curator.cookie).get("/en/edit/practices/999999/review")).status).toBe(404);
  });
});

describe("what the review page shows", () => {
  it("to the contributor of a submitted practice: the state, the rendered item, no published version, and no review actions", async () => {
    const it = item("practice", "in_review");
    const html = await (await client(app.url, contributor.cookie).get(it.review)).text();
    expect(html).toContain('class="state-badge state-in_review"');
    // The body as readers see it: rendered Markdown, not the Markdown text.
    expect(html).toContain("<strong>full</strong>");
    expect(html).not.toContain("**full**");
    expect(html).toContain("there is no published version to compare with");
    expect(html).toContain('value="withdraw"');
    for (const review of ["publish", "request_changes", "reject"]) expect(html).not.toContain(`value="${review}"`);
    // Not editable by them now: the page links to no editor, and says why.
    expect(html).toContain("waiting for review, so it cannot be changed now");
    expect(html).not.toContain(`href="${it.editor}"`);
  });

  it("to a curator: the diff of the waiting change against the published version, and the review actions", async () => {
    const it = item("practice", "published_in_review");
    const html = await (await client(app.url, curator.cookie).get(it.review)).text();
    expect(html).toContain('class="state-badge state-published_in_review"');
    expect(html).toMatch(/<code>translations\.en\.summary<\/code>/);
    expect(html).toMatch(/<ins>[^<]* proposal<\/ins>/);
    for (const review of ["publish", "request_changes", "reject"]) expect(html).toContain(`value="${review}"`);
    expect(html).toContain(`action="${it.review}"`);
    expect(html).toContain(`href="${it.editor}"`);
  });

  it("answers and city profiles as their fields, with the change waiting for review", async () => {
    for (const type of ["answer", "city"] as const) {
      const it = item(type, "published_in_review");
      const res = await client(app.url, curator.cookie).get(it.review);
      expect(res.status).toBe(200);
      const html = await res.text();
      const text = workingSnapshot(app.db, loadItem(app.db, type, it.id)!)!.translations.en as { summary: string };
      expect(text.summary).toMatch(/proposal$/);
      expect(html).toContain(text.summary);
      expect(html).toMatch(/<ins>[^<]* proposal<\/ins>/);
    }
  });

  it("never shows unsanitised Markdown: a proposed body with script and javascript: links is rendered safely", async () => {
    const it = item("practice", "published");
    const snap = workingSnapshot(app.db, loadItem(app.db, "practice", it.id)!) as PracticeSnapshot;
    const hostile = edited(snap, "hostile");
    hostile.translations.en!.bodyMd = 'Hello <script>alert("x")</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>';
    saveEdit(app.db, { ...asActor(contributor), cityIds: [...contributor.cityIds, it.cityId] }, { type: "practice", id: it.id }, hostile);
    const html = await (await client(app.url, curator.cookie).get(it.review)).text();
    // The rendered item (the page's data stream carries the Markdown text for the diff, as data).
    const preview = html.slice(html.indexOf('id="as-readers-h"'), html.indexOf('class="workflow-panel"'));
    expect(preview).toContain("<p>Hello");
    expect(preview).not.toMatch(/<script>alert|href="javascript:|onerror=/i);
  });
});

describe("review actions on the review page", () => {
  it("a curator publishes from the review page and comes back to it", async () => {
    const it = item("practice", "published_in_review");
    const res = await client(app.url, curator.cookie).post(it.review, { intent: "publish" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`${it.review}?done=publish`);
    expect(pending(app.db, "practice", it.id)).toBeNull();
    const html = await (await client(app.url, curator.cookie).get(`${it.review}?done=publish`)).text();
    expect(html).toContain('role="status"');
    expect(html).toContain("No change is waiting");
  });

  it("requesting changes needs a comment, which the contributor then reads on the same page", async () => {
    const it = item("answer", "in_review");
    const without = await client(app.url, curator.cookie).post(it.review, { intent: "request_changes", comment: "  " });
    expect(without.headers.get("Location")).toBe(`${it.review}?error=comment_required`);
    expect(statusOf(app.db, "answer", it.id)).toBe("in_review");
    const res = await client(app.url, curator.cookie).post(it.review, { intent: "request_changes", comment: "Please name the council decision." });
    expect(res.headers.get("Location")).toBe(`${it.review}?done=request_changes`);
    expect(statusOf(app.db, "answer", it.id)).toBe("draft");
    const html = await (await client(app.url, contributor.cookie).get(it.review)).text();
    expect(html).toContain("Please name the council decision.");
    // Editable again: the page links to the editor.
    expect(html).toContain(`href="${it.editor}"`);
  });

  it("refuses review actions from those who may not take them, and changes nothing", async () => {
    const it = item("practice", "in_review");
    const before = itemFingerprint(app.db, "practice", it.id);
    const own = await client(app.url, contributor.cookie).post(it.review, { intent: "publish" });
    expect(own.status).toBe(403);
    const foreign = await client(app.url, other.cookie).post(it.review, { intent: "withdraw" });
    expect(foreign.status).toBe(403);
    const anonymous = await client(app.url).post(it.review, { intent: "reject", comment: "No." });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toContain("/login");
    const unknown = await client(app.url, curator.cookie).post(it.review, { intent: "delete" });
    expect(unknown.status).toBe(400);
    const crossSite = await fetch(app.url + it.review, {
      method: "POST",
      body: new URLSearchParams({ intent: "publish" }),
      headers: { Cookie: curator.cookie, Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      redirect: "manual",
    });
    expect(crossSite.status).toBe(403);
    expect(itemFingerprint(app.db, "practice", it.id)).toBe(before);
  });
});

describe("from the editor to the review page", () => {
  it("a contributor who submits is sent to the read-only page; a curator who may still edit stays in the editor", async () => {
    const it = item("practice", "draft");
    const submitted = await client(app.url, contributor.cookie).post(`${it.editor}/workflow`, { intent: "submit" });
    expect(submitted.headers.get("Location")).toBe(`${it.review}?done=submit`);
    const editor = await (await client(app.url, contributor.cookie).get(it.editor)).text();
    expect(editor).toContain(`href="${it.review}"`);
    const changes = await client(app.url, curator.cookie).post(`${it.editor}/workflow`, { intent: "request_changes", comment: "More detail." });
    expect(changes.headers.get("Location")).toBe(`${it.editor}?done=request_changes`);
  });

  it("the dashboard and the curate page link items waiting for review to their review page", async () => {
    const it = item("city", "in_review");
    const dashboard = await (await client(app.url, curator.cookie).get("/en/dashboard")).text();
    expect(dashboard).toContain(`href="${it.review}"`);
    const curate = await (await client(app.url, curator.cookie).get("/en/curate")).text();
    expect(curate).toContain(`href="${it.review}"`);
    const mine = await (await client(app.url, contributor.cookie).get("/en/dashboard")).text();
    expect(mine).toContain(`href="${it.review}"`);
  });
});
