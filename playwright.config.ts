import { defineConfig, devices } from "@playwright/test";
import { E2E_ACCOUNTS } from "./e2e/accounts.ts";

const PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_DATABASE = "data/e2e.db";
export const E2E_MEILI_DIR = "data/e2e-meili";
const MEILI_PORT = Number(process.env.E2E_MEILI_PORT || 7811);

// Playwright cannot download its own browsers here: we drive the system Chromium (Debian package).
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  forbidOnly: true,
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "en-GB",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    // A fresh database for every run: migrate + import the real content, then serve the production build.
    // The real app server, which starts its own Meilisearch (fresh data folder) and sync worker.
    command: [
      `rm -rf ${E2E_DATABASE} ${E2E_DATABASE}-wal ${E2E_DATABASE}-shm ${E2E_MEILI_DIR}`,
      `DATABASE_PATH=${E2E_DATABASE} npx tsx scripts/content-import.ts`,
      ...Object.entries(E2E_ACCOUNTS).map(
        ([role, a]) =>
          `printf '%s' '${a.password}' | DATABASE_PATH=${E2E_DATABASE} npx tsx scripts/user-create.ts --email ${a.email} --role ${role} --name '${a.name}' --password-stdin`,
      ),
      // The browser tests submit many forms from one address; the write limit is tested in Vitest.
      `DATABASE_PATH=${E2E_DATABASE} MEILI_DATA_DIR=${E2E_MEILI_DIR} MEILI_PORT=${MEILI_PORT} PORT=${PORT} WRITE_RATE_LIMIT=100000 NODE_ENV=production npx tsx server/index.ts`,
    ].join(" && "),
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
