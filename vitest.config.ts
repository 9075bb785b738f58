import { defineConfig } from "vitest/config";

// Kept apart from vite.config.ts so the Remix plugin does not run under Vitest.
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "server/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ["app/testing/meili-global-setup.ts"],
  },
});
