import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layering rules of eslint.config.js, checked by linting one-line files at made-up paths: each
// forbidden import must be reported, each allowed one must not (a rule that never fires protects nothing).
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

const IMPORT_RULES = new Set(["no-restricted-imports", "@typescript-eslint/no-restricted-imports"]);

async function importProblems(filePath: string, code: string) {
  const [result] = await eslint.lintText(`${code}\nexport const used = [];\n`, { filePath, warnIgnored: true });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId && IMPORT_RULES.has(m.ruleId)).map((m) => m.message);
}

const forbidden: [string, string, string, RegExp][] = [
  ["models ↛ auth", "app/models/fixture.server.ts", `import { hashPassword } from "#app/auth/password.server.ts";`, /data layer/],
  ["models ↛ editorial (relative)", "app/models/fixture.server.ts", `import { loadItem } from "../editorial/items.server.ts";`, /data layer/],
  ["routes ↛ db (value)", "app/routes/$lang.fixture.tsx", `import { practices } from "#db/schema/index.ts";`, /read data through app\/models/],
  ["routes ↛ db (relative)", "app/routes/$lang.fixture.tsx", `import { createDb } from "../../db/client.ts";`, /read data through app\/models/],
  ["routes ↛ drizzle", "app/routes/$lang.fixture.tsx", `import { eq } from "drizzle-orm";`, /read data through app\/models/],
  ["routes ↛ drizzle subpath", "app/routes/$lang.fixture.tsx", `import { sqliteTable } from "drizzle-orm/sqlite-core";`, /read data through app\/models/],
  ["components ↛ db", "app/components/fixture.tsx", `import { LANGUAGES } from "#db/schema/columns.ts";`, /read data through app\/models/],
  [
    "search ↛ content",
    "app/search/fixture.server.ts",
    `import { parseYamlFile } from "#app/content/front-matter.server.ts";`,
    /app\/search must not depend on app\/content/,
  ],
  [
    "search ↛ content (relative)",
    "app/search/fixture.server.ts",
    `import { loadContent } from "../content/load-content.server.ts";`,
    /app\/search must not depend on app\/content/,
  ],
  [
    "search ↛ content (types too)",
    "app/search/fixture.server.ts",
    `import type { ContentModel } from "#app/content/content-model.ts";`,
    /app\/search must not depend on app\/content/,
  ],
  ["db ↛ app", "db/schema/fixture.ts", `import { getDb } from "#app/utils/db.server.ts";`, /db\/ must not import app\//],
  ["db ↛ app (relative)", "db/schema/fixture.ts", `import { searchConfig } from "../../app/search/meili.server.ts";`, /db\/ must not import app\//],
  ["db ↛ app (other i18n modules)", "db/fixture.ts", `import { i18n } from "../app/i18n/instance.ts";`, /db\/ must not import app\//],
  ["the value lists db/ shares stay leaves", "app/domain/fixture.ts", `import { LANGUAGES } from "#app/i18n/languages.ts";`, /keep them free of imports/],
];

const allowed: [string, string, string][] = [
  ["routes: import type from db", "app/routes/$lang.fixture.tsx", `import type { DB } from "#db/client.ts";`],
  ["routes: inline type specifiers from db", "app/routes/$lang.fixture.tsx", `import { type Role } from "#db/schema/accounts.ts";`],
  ["routes: models", "app/routes/$lang.fixture.tsx", `import { listPractices } from "#app/models/practices.server.ts";`],
  [
    "models: domain and other models",
    "app/models/fixture.server.ts",
    `import { stateOf } from "#app/domain/item-state.ts";\nimport { groupBy } from "./localize.server.ts";`,
  ],
  ["models: drizzle and db", "app/models/fixture.server.ts", `import { eq } from "drizzle-orm";\nimport * as s from "#db/schema/index.ts";`],
  ["content → search", "app/content/fixture.server.ts", `import { recordChanges } from "#app/search/outbox.server.ts";`],
  [
    "search: its own modules and db types",
    "app/search/fixture.server.ts",
    `import { readSynonyms } from "./synonyms.server.ts";\nimport type { DB } from "#db/client.ts";`,
  ],
  ["search tests may set up with the importer", "app/search/fixture.test.ts", `import { importContent } from "#app/content/import-content.server.ts";`],
  [
    "db: the shared value lists",
    "db/schema/fixture.ts",
    `import { ROLES } from "../../app/domain/enums.ts";\nimport { LANGUAGES } from "../../app/i18n/languages.ts";\nimport { X } from "#app/domain/co-cities.ts";`,
  ],
  ["db: its own modules", "db/schema/fixture.ts", `import { id } from "./columns.ts";\nimport { sqliteTable } from "drizzle-orm/sqlite-core";`],
  ["server: composition root", "server/fixture.ts", `import { createDb } from "#db/client.ts";`],
];

describe("eslint.config.js enforces the layering", () => {
  it.each(forbidden)("reports %s", async (_name, filePath, code, message) => {
    const problems = await importProblems(filePath, code);
    expect(problems).toHaveLength(code.split("\n").length);
    for (const p of problems) expect(p).toMatch(message);
  });

  it.each(allowed)("allows %s", async (_name, filePath, code) => {
    expect(await importProblems(filePath, code)).toEqual([]);
  });
});
