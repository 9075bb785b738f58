import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { SessionUser } from "#app/auth/session.server.ts";
import { importContent } from "#app/content/import-content.server.ts";
import { buildDocument, entityKey } from "#app/search/documents.server.ts";
import { createUserWithPassword } from "#app/auth/accounts.server.ts";
import { answerSnapshot, createDraft, edited, makeCity, practiceSnapshot, saveEdit, transition } from "#app/testing/editorial-fixtures.ts";
import { createTestDb } from "#app/testing/test-db.ts";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import { diffSnapshots } from "./diff.ts";
import type { PracticeSnapshot } from "#app/content-types/snapshot-types.ts";
import { readSnapshot } from "./snapshots.server.ts";
import { loadItem, workingSnapshot } from "./items.server.ts";
import { reviewTrail } from "./review-events.server.ts";
import { listRevisions } from "./revisions.server.ts";
import { TransitionError } from "./transitions.server.ts";

let t: ReturnType<typeof createTestDb>;
let db: DB;
let contributor: SessionUser;
let curator: SessionUser;
let cityId: number;

async function user(role: s.Role, cityIds: number[]): Promise<SessionUser> {
  const email = `${role}-${cityIds.join("-")}@example.org`;
  const id = await createUserWithPassword(db, { email, displayName: role, role, cityIds, password: "tram-lantern-orchard-29" });
  return { id, email, displayName: role, role, cityIds };
}
const outbox = () => (db.$client.prepare("SELECT entity FROM search_outbox ORDER BY id").all() as { entity: string }[]).map((r) => r.entity);
const publicTitle = (id: number) =>
  db.select({ title: s.practiceTranslations.title }).from(s.practiceTranslations).where(eq(s.practiceTranslations.practiceId, id)).get()?.title;

beforeEach(async () => {
  t = createTestDb();
  db = t.db;
  cityId = makeCity(db).id;
  contributor = await user("contributor", [cityId]);
  curator = await user("curator", []);
});
afterEach(() => t.close());

describe("review workflow", () => {
  it("draft → in review → changes requested → resubmitted → published, with a trail and search updates only when public", () => {
    const id = createDraft(db, contributor, "practice", practiceSnapshot(cityId, "First title"));
    const ref = { type: "practice" as const, id };
    expect(loadItem(db, "practice", id)!.state).toBe("draft");
    expect(transition(db, contributor, ref, "submit", null)).toBe("in_review");
    expect(() => transition(db, curator, ref, "request_changes", "  ")).toThrow(TransitionError);
    expect(transition(db, curator, ref, "request_changes", "Please add the council decision as a source.")).toBe("draft");
    saveEdit(db, contributor, ref, edited(workingSnapshot(db, loadItem(db, "practice", id)!) as PracticeSnapshot, "with the source"));
    transition(db, contributor, ref, "submit", null);
    expect(outbox()).toEqual([]);
    expect(transition(db, curator, ref, "publish", null)).toBe("published");
    expect(outbox()).toContain(entityKey("practice", id));
    expect(db.select().from(s.practices).where(eq(s.practices.id, id)).get()!.publishedAt).toBeInstanceOf(Date);
    const trail = reviewTrail(db, ref)
      .map((e) => `${e.action}:${e.fromState}>${e.toState}`)
      .reverse();
    expect(trail).toEqual([
      "create:draft>draft",
      "submit:draft>in_review",
      "request_changes:in_review>draft",
      "submit:draft>in_review",
      "publish:in_review>published",
    ]);
    expect(reviewTrail(db, ref).find((e) => e.action === "request_changes")!.comment).toBe("Please add the council decision as a source.");
    expect(() => transition(db, curator, ref, "submit", null)).toThrow(TransitionError);
  });

  it("a contributor's change to a published item waits for review while the public text stays", () => {
    const id = createDraft(db, contributor, "practice", practiceSnapshot(cityId, "Published title"));
    const ref = { type: "practice" as const, id };
    transition(db, curator, ref, "publish", null);
    const proposal = structuredClone(readSnapshot(db, "practice", id)) as PracticeSnapshot;
    proposal.translations.en!.title = "Proposed title";
    expect(saveEdit(db, contributor, ref, proposal).state).toBe("published_draft");
    expect(publicTitle(id)).toBe("Published title");
    expect((workingSnapshot(db, loadItem(db, "practice", id)!) as PracticeSnapshot).translations.en!.title).toBe("Proposed title");
    expect(transition(db, contributor, ref, "submit", null)).toBe("published_in_review");
    // Rejecting the change keeps the published text and drops the proposal.
    expect(transition(db, curator, ref, "reject", "Not sourced.")).toBe("published");
    expect(publicTitle(id)).toBe("Published title");
    expect(loadItem(db, "practice", id)!.pending).toBeNull();
    // Proposed again and published: now the public sees it.
    saveEdit(db, contributor, ref, proposal);
    transition(db, contributor, ref, "submit", null);
    const before = outbox().length;
    expect(transition(db, curator, ref, "publish", null)).toBe("published");
    expect(publicTitle(id)).toBe("Proposed title");
    expect(outbox().length).toBeGreaterThan(before);
  });

  it("a curator's edit of a published item goes live at once and reaches search through the outbox", () => {
    const id = createDraft(db, contributor, "practice", practiceSnapshot(cityId, "Before"));
    transition(db, curator, { type: "practice", id }, "publish", null);
    const before = outbox().length;
    const snap = structuredClone(readSnapshot(db, "practice", id)) as PracticeSnapshot;
    snap.translations.en!.title = "After";
    expect(saveEdit(db, curator, { type: "practice", id }, snap)).toEqual({ state: "published", changed: true });
    expect(publicTitle(id)).toBe("After");
    expect(outbox().length).toBeGreaterThan(before);
    // Saving the same thing again is not a new version.
    expect(saveEdit(db, curator, { type: "practice", id }, snap).changed).toBe(false);
  });

  it("unpublishing and archiving keep the proposed change instead of losing it", () => {
    const q = db.insert(s.taxonomyTerms).values({ vocabulary: "question_type", slug: "communicate", position: 0 }).returning({ id: s.taxonomyTerms.id }).get();
    db.insert(s.questions).values({ slug: "how", questionTypeId: q.id, originalLanguage: "en", status: "published" }).run();
    const id = createDraft(db, contributor, "answer", answerSnapshot(db, cityId));
    const ref = { type: "answer" as const, id };
    transition(db, curator, ref, "publish", null);
    saveEdit(db, contributor, ref, edited(readSnapshot(db, "answer", id)!, "proposal"));
    expect(transition(db, curator, ref, "unpublish", null)).toBe("draft");
    expect(JSON.stringify(readSnapshot(db, "answer", id))).toContain("proposal");
    expect(transition(db, curator, ref, "archive", null)).toBe("archived");
    expect(transition(db, curator, ref, "reopen", null)).toBe("draft");
  });

  it("every save is a revision; diffs are field-level and a restore is a new revision", () => {
    const id = createDraft(db, contributor, "practice", practiceSnapshot(cityId, "Version one"));
    const ref = { type: "practice" as const, id };
    const v2 = structuredClone(readSnapshot(db, "practice", id)) as PracticeSnapshot;
    v2.translations.en!.title = "Version two";
    v2.partners = [{ name: "University of Gwangju", role: "university", formality: "agreement" }];
    saveEdit(db, contributor, ref, v2);
    const revs = listRevisions(db, ref);
    expect(revs.map((r) => r.number)).toEqual([2, 1]);
    const changes = diffSnapshots(revs[1]!.snapshot, revs[0]!.snapshot);
    expect(changes.map((c) => c.field).sort()).toEqual(["partners[1].formality", "partners[1].name", "partners[1].role", "translations.en.title"]);
    expect(changes.find((c) => c.field === "translations.en.title")).toMatchObject({ before: "Version one", after: "Version two" });
    saveEdit(db, contributor, ref, revs[1]!.snapshot as PracticeSnapshot, { kind: "restore", restoredFrom: 1 });
    const after = listRevisions(db, ref);
    expect(after[0]).toMatchObject({ number: 3, kind: "restore", restoredFrom: 1 });
    expect(publicTitle(id)).toBe("Version one");
  });
});

describe("what the public index sees", () => {
  it("drafts and items in review have no search document; a published item's document keeps the published text while a change waits", () => {
    const id = createDraft(db, contributor, "practice", practiceSnapshot(cityId, "Quietly drafted"));
    const ref = { type: "practice" as const, id };
    const doc = () => buildDocument(db, entityKey("practice", id));
    expect(doc()).toBeNull();
    transition(db, contributor, ref, "submit", null);
    expect(doc()).toBeNull();
    transition(db, curator, ref, "publish", null);
    expect(JSON.stringify(doc())).toContain("Quietly drafted");
    const proposal = structuredClone(readSnapshot(db, "practice", id)) as PracticeSnapshot;
    proposal.translations.en!.title = "Secret proposal";
    saveEdit(db, contributor, ref, proposal);
    transition(db, contributor, ref, "submit", null);
    expect(JSON.stringify(doc())).toContain("Quietly drafted");
    expect(JSON.stringify(doc())).not.toContain("Secret proposal");
    transition(db, curator, ref, "unpublish", null);
    expect(doc()).toBeNull();
  });
});

describe("app edits and the content import", () => {
  it("the first app edit of an imported item keeps the imported version as revision 1, and later imports leave the edit alone", () => {
    const root = path.resolve(import.meta.dirname, "../../toolkit-content");
    expect(importContent(db, root).ok).toBe(true);
    const p = db.select().from(s.practices).where(eq(s.practices.slug, "utrecht-human-rights-city-declaration")).get() ?? db.select().from(s.practices).get()!;
    const snap = structuredClone(readSnapshot(db, "practice", p.id)) as PracticeSnapshot;
    const lang = snap.originalLanguage;
    const original = snap.translations[lang]!.summary;
    snap.translations[lang]!.summary = `${original} Edited in the app.`;
    saveEdit(db, curator, { type: "practice", id: p.id }, snap);
    expect(listRevisions(db, { type: "practice", id: p.id }).map((r) => r.kind)).toEqual(["save", "import"]);
    expect(importContent(db, root).ok).toBe(true);
    const now = readSnapshot(db, "practice", p.id) as PracticeSnapshot;
    expect(now.translations[lang]!.summary).toBe(`${original} Edited in the app.`);
    expect(db.select({ origin: s.practices.origin }).from(s.practices).where(eq(s.practices.id, p.id)).get()!.origin).toBe("app");
  });
});
