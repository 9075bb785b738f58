import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { importContent } from "#app/content/import-content.server.ts";
import { entityKey } from "#app/search/documents.server.ts";
import { createTestDb } from "#app/testing/test-db.ts";
import * as s from "#db/schema/index.ts";
import { chapterLinks, curationOptions, setChapterLinks, setFeatured } from "./curation.server.ts";

const ROOT = path.resolve(import.meta.dirname, "../../toolkit-content");
let t: ReturnType<typeof createTestDb>;
beforeEach(() => {
  t = createTestDb();
  expect(importContent(t.db, ROOT).ok).toBe(true);
});
afterEach(() => t.close());

describe("curation", () => {
  it("sets exactly the featured practices, and a later content import keeps the choice", () => {
    const { practices } = curationOptions(t.db, "en");
    const pick = practices.slice(0, 3).map((p) => p.id);
    setFeatured(t.db, "practice", pick);
    const featured = () =>
      t.db
        .select({ id: s.practices.id })
        .from(s.practices)
        .where(eq(s.practices.featured, true))
        .all()
        .map((r) => r.id)
        .sort();
    expect(featured()).toEqual([...pick].sort());
    expect(importContent(t.db, ROOT).ok).toBe(true);
    expect(featured()).toEqual([...pick].sort());
  });

  it("links a chapter to published practices and questions only, in order, and the import keeps them", () => {
    const { practices, questions, toolkits } = curationOptions(t.db, "en");
    const chapter = toolkits[0]!.chapters[0]!;
    const draft = t.db
      .insert(s.practices)
      .values({ slug: "a-draft", cityId: t.db.select().from(s.cities).get()!.id, originalLanguage: "en", status: "draft" })
      .returning({ id: s.practices.id })
      .get();
    setChapterLinks(t.db, chapter.id, [practices[4]!.id, draft.id, practices[1]!.id, practices[4]!.id], [questions[2]!.id]);
    expect(chapterLinks(t.db, chapter.id)).toMatchObject({ practiceIds: [practices[4]!.id, practices[1]!.id], questionIds: [questions[2]!.id] });
    expect(importContent(t.db, ROOT).ok).toBe(true);
    expect(chapterLinks(t.db, chapter.id)).toMatchObject({ practiceIds: [practices[4]!.id, practices[1]!.id], questionIds: [questions[2]!.id] });
    const queued = t.db.$client.prepare("SELECT count(*) n FROM search_outbox WHERE entity = ?").get(entityKey("chapter", chapter.id)) as { n: number };
    expect(queued.n).toBeGreaterThanOrEqual(1);
  });
});
