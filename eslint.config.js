import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Layering (issue 8). Import patterns are regular expressions: "group" patterns use gitignore syntax,
// where a leading "#" starts a comment, so the old "#db/*" never matched anything.
// app/testing/layering-lint.test.ts lints forbidden and allowed imports against this file.
const relativeOrAlias = (alias, folder) => `^(${alias}|(\\.\\./)+${folder})`;

/** Outside the data layer: no drizzle, and from db/ only types. */
const dataAccess = {
  patterns: [
    { regex: "^drizzle-orm(/|$)", message: "Routes and components read data through app/models/*.server.ts." },
    {
      regex: relativeOrAlias("#db/", "db/"),
      allowTypeImports: true,
      message: "Routes and components read data through app/models/*.server.ts; `import type` from db/ is fine.",
    },
  ],
};

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "data/", "test-results/", "playwright-report/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-restricted-imports": ["error", dataAccess],
    },
  },
  {
    // Only the data layer (and the composition roots: server, scripts, tests) talks to drizzle and db/.
    files: [
      "app/models/**",
      "app/content/**",
      "app/content-types/**/*.server.ts",
      "app/editorial/**/*.server.ts",
      "app/auth/**/*.server.ts",
      "app/testing/**",
      "app/utils/db.server.ts",
      "db/**",
      "server/**",
      "scripts/**",
      "**/*.test.ts",
      "e2e/**",
    ],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
  // Zones. Tests are composition roots: they may set up with anything (e.g. import content to search it).
  {
    files: ["app/search/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: relativeOrAlias("#app/content/", "content/"),
              message: "app/search must not depend on app/content (the importer feeds search through SQLite and the outbox).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/models/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `${relativeOrAlias("#app/", "")}(editorial|auth)/`,
              message: "app/models is the data layer: it must not depend on app/editorial or app/auth (they build on the models).",
            },
          ],
        },
      ],
    },
  },
  {
    // The registry of content types is the data layer the editor, the import and search build on.
    files: ["app/content-types/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `${relativeOrAlias("#app/", "")}(editorial|auth|routes|components)/`,
              message: "app/content-types is the data layer: the editor, auth and the UI build on it, not the other way round.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["db/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // Only the dependency-free value lists that the schema shares with the UI and the forms.
              regex: `${relativeOrAlias("#app/", "app/")}(?!domain/|i18n/languages\\.ts$)`,
              message: "db/ must not import app/ (only the value lists in app/domain/ and app/i18n/languages.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    // What db/ may import from app/ stays a leaf: it imports nothing, so db/ can never reach app code through it.
    files: ["app/domain/**", "app/i18n/languages.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^", message: "app/domain/ and app/i18n/languages.ts are shared with db/schema: keep them free of imports." }] },
      ],
    },
  },
);
