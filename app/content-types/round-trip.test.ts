import fs from "node:fs";
import path from "node:path";
import { parseWithZod } from "@conform-to/zod";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "#app/testing/test-db.ts";

// The registry's promise (issue 8): a content file, the database and the edit form hold the same
// item. Content file → snapshot → database → snapshot → form → snapshot gives the same item, for
// every item of every type in the real toolkit-content/.

const t = createTestDb();
// The models read through getDb(), which opens DATABASE_PATH: this process's test file.
process.env.DATABASE_PATH = t.file;
afterAll(() => {
  t.close();
  fs.rmSync(t.dir, { recursive: true, force: true });
});

const { importContent } = await import("#app/content/import-content.server.ts");
const { loadContent } = await import("#app/content/load-content.server.ts");
const registry = await import("./registry.server.ts");
const editing = await import("#app/editorial/editing.server.ts");
const { editSchema } = await import("#app/editorial/schema-for.ts");
const { vocabSlugs } = await import("./fields.ts");
const forms = { practice: await import("./practice.ts"), answer: await import("./answer.ts"), city: await import("./city.ts") };
const s = await import("#db/schema/index.ts");
const { eq, and } = await import("drizzle-orm");

const CONTENT = path.resolve("toolkit-content");
const imported = importContent(t.db, CONTENT);
const { model } = loadContent(CONTENT);
const idBySlug = (table: typeof s.cities | typeof s.practices | typeof s.organisations, slug: string) =>
  t.db.select({ id: table.id }).from(table).where(eq(table.slug, slug)).get()!.id;
const cityId = (slug: string) => idBySlug(s.cities, slug);
const organisationId = (slug: string) => idBySlug(s.organisations, slug);

/** Facet terms are a set: the database keeps them in taxonomy order, a file in the order it lists them. */
const TERM_LISTS = ["themes", "questionTypes", "udhrArticles", "sdgs"] as const;
function canonical<T extends object>(snap: T | null): T | null {
  if (!snap) return snap;
  const copy = { ...snap } as Record<string, unknown>;
  for (const k of TERM_LISTS) if (Array.isArray(copy[k])) copy[k] = [...(copy[k] as string[])].sort();
  return copy as T;
}

/** Form values as a browser without JavaScript posts them: Conform's names, lists repeated. */
function formData(values: Record<string, unknown>): FormData {
  const form = new FormData();
  const add = (name: string, v: unknown) => {
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x !== "object")) v.forEach((x) => form.append(name, String(x)));
      else v.forEach((x, i) => add(`${name}[${i}]`, x));
    } else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) add(`${name}.${k}`, x);
    else form.append(name, v === null || v === undefined ? "" : String(v));
  };
  for (const [k, v] of Object.entries(values)) add(k, v);
  return form;
}

function throughForm(type: "practice" | "answer" | "city", snap: never) {
  const vocab = type === "practice" ? vocabSlugs(editing.vocabularies("en")) : null;
  const result = parseWithZod(formData(editing.editFormDefaults(type, snap)), { schema: editSchema(type, vocab) as never });
  if (result.status !== "success") throw new Error(`${type}: the form refused its own values: ${JSON.stringify(result.reply().error)}`);
  const value = result.value as never;
  return type === "practice"
    ? forms.practice.practiceFromForm(value, snap)
    : type === "answer"
      ? forms.answer.answerFromForm(value, snap)
      : forms.city.cityFromForm(value, snap);
}

describe("content file → snapshot → database → snapshot → form → snapshot", () => {
  it("imports the real content", () => {
    expect(imported.ok).toBe(true);
    expect(model.organisations.length).toBeGreaterThanOrEqual(30);
  });

  it("cities", () => {
    for (const item of model.cities) {
      const fromFile = registry.city.fromFile(item);
      const stored = registry.city.read(t.db, cityId(item.slug));
      expect(canonical(stored), item.file).toEqual(canonical(fromFile));
      expect(throughForm("city", stored as never), item.file).toEqual(stored);
    }
  });

  it("practices, with partners linked to their organisations", () => {
    let linked = 0;
    for (const item of model.practices) {
      const fromFile = registry.practice.fromFile(item, { cityId: cityId(item.data.city), organisationId });
      const stored = registry.practice.read(t.db, idBySlug(s.practices, item.slug));
      expect(canonical(stored), item.file).toEqual(canonical(fromFile));
      expect(throughForm("practice", stored as never), item.file).toEqual(stored);
      linked += fromFile.partners.filter((p) => p.organisationId).length;
    }
    expect(linked).toBeGreaterThanOrEqual(30);
  });

  it("answers", () => {
    for (const item of model.answers) {
      const questionId = t.db.select({ id: s.questions.id }).from(s.questions).where(eq(s.questions.slug, item.question)).get()!.id;
      const id = t.db
        .select({ id: s.answers.id })
        .from(s.answers)
        .where(and(eq(s.answers.questionId, questionId), eq(s.answers.cityId, cityId(item.city))))
        .get()!.id;
      const fromFile = registry.answer.fromFile(item, { questionId, cityId: cityId(item.city) });
      const stored = registry.answer.read(t.db, id);
      expect(canonical(stored), item.file).toEqual(canonical(fromFile));
      expect(throughForm("answer", stored as never), item.file).toEqual(stored);
    }
  });

  it("organisations", () => {
    for (const item of model.organisations) {
      const fromFile = registry.organisation.fromFile(item, { cityId: item.data.city ? cityId(item.data.city) : null });
      expect(canonical(registry.organisation.read(t.db, organisationId(item.slug))), item.file).toEqual(canonical(fromFile));
    }
  });
});

describe("organisations in search", () => {
  it("a published organisation is a document of type organisation, with its city's facets and its themes", () => {
    const doc = registry.organisation.searchDocument(t.db, organisationId("coc-midden-nederland"));
    expect(doc).toMatchObject({ type: "organisation", url: "organisations/coc-midden-nederland", city: ["utrecht"], country: ["NL"], themes: ["lgbtiq"] });
    expect(doc?.title_en).toBe("COC Midden-Nederland");
    expect(doc?.summary_en?.length).toBeLessThanOrEqual(281);
  });

  it("an organisation without a city has no city facets; an unpublished one has no document", () => {
    const id = organisationId("amnesty-international");
    expect(registry.organisation.searchDocument(t.db, id)).toMatchObject({ city: [], country: [] });
    t.db.update(s.organisations).set({ status: "draft" }).where(eq(s.organisations.id, id)).run();
    expect(registry.organisation.searchDocument(t.db, id)).toBeNull();
    t.db.update(s.organisations).set({ status: "published" }).where(eq(s.organisations.id, id)).run();
  });

  it("a city's change refreshes the documents of its organisations", () => {
    const keys = registry.city.dependents(t.db, cityId("utrecht"));
    expect(keys).toContain(`organisation-${organisationId("coc-midden-nederland")}`);
  });
});
