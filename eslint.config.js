import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

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
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["drizzle-orm", "drizzle-orm/*", "#db/*"], message: "Routes and components read data through app/models/*.server.ts." }] },
      ],
    },
  },
  {
    // Only the data layer talks to drizzle.
    files: ["app/models/**", "app/content/**", "app/editorial/**/*.server.ts", "app/auth/**/*.server.ts", "app/testing/**", "app/utils/db.server.ts", "db/**", "scripts/**", "**/*.test.ts", "e2e/**"],
    rules: { "no-restricted-imports": "off" },
  },
);
