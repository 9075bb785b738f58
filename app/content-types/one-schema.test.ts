import fs from "node:fs";
import path from "node:path";
import { parseWithZod } from "@conform-to/zod";
import { afterEach, describe, expect, it } from "vitest";
import { importContent } from "#app/content/import-content.server.ts";
import { practiceSchema } from "#app/content-types/practice.ts";
import { copyContent, createTestDb, dumpDb } from "#app/testing/test-db.ts";
import en from "../../locales/en/common.json";

// One rule and one message per field (issue 8): a content file and the edit form refuse the same
// input with the same words, and the limits are the same (a 1,000-character summary is fine in both).

const MINI = path.resolve("app/content/__fixtures__/mini");
const FILE = "practices/testville-shelter.md";
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** What the import says about `field` when the practice file has this value there. */
function importSays(field: "title" | "summary", value: string): string[] {
  const t = createTestDb();
  const content = copyContent(MINI);
  cleanups.push(
    t.close,
    () => fs.rmSync(t.dir, { recursive: true, force: true }),
    () => fs.rmSync(content, { recursive: true, force: true }),
  );
  const file = path.join(content, FILE);
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(new RegExp(`^${field}: .*$`, "m"), `${field}: ${JSON.stringify(value)}`));
  const before = dumpDb(t.db);
  const result = importContent(t.db, content);
  if (result.ok) return [];
  // Refused: nothing was written, and every problem is about this field.
  expect(dumpDb(t.db)).toEqual(before);
  expect(result.problems.map((p) => p.field)).toEqual([field]);
  return result.problems.filter((p) => p.field === field).map((p) => p.message);
}

/** What the English edit form says about `field` for this value. */
function formSays(field: "title" | "summary", value: string): string[] {
  const form = new FormData();
  for (const [k, v] of Object.entries({ title: "A title", summary: "A summary.", body: "A body.", ongoing: "unknown", [field]: value })) form.append(k, v);
  const result = parseWithZod(form, { schema: practiceSchema({ themes: [], questionTypes: [], udhrArticles: [], sdgs: [], organisations: [] }) });
  const codes = result.status === "success" ? [] : (result.reply().error?.[field] ?? []);
  return codes.map((code) => {
    const [key, max] = code.split(":");
    return (en.form.errors as Record<string, string>)[key!]!.replace("{{max}}", max ?? "");
  });
}

describe("content files and the edit form share one schema", () => {
  it.each([
    ["title", "x".repeat(201)],
    ["title", "   "],
    ["title", "A title with a hidden \u202e override"],
    ["summary", "y".repeat(1001)],
  ] as const)("%s = %j: refused by both, with the same message", (field, value) => {
    const fromFile = importSays(field, value);
    expect(fromFile.length).toBe(1);
    expect(fromFile).toEqual(formSays(field, value));
  });

  it.each([
    ["title", "x".repeat(200)],
    ["summary", "y".repeat(1000)],
  ] as const)("%s at its limit: accepted by both", (field, value) => {
    expect(importSays(field, value)).toEqual([]);
    expect(formSays(field, value)).toEqual([]);
  });
});
