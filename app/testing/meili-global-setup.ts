import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startMeiliOnFreePort } from "#app/search/meili-process.server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    meili: { url: string; masterKey: string; dataDir: string; port: number };
  }
}

/** One real Meilisearch for the whole Vitest run; each test file uses its own index names. */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rce-meili-"));
  const meili = await startMeiliOnFreePort({ dataDir });
  project.provide("meili", { url: meili.url, masterKey: meili.masterKey, dataDir, port: meili.port });
  return async () => {
    await meili.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
