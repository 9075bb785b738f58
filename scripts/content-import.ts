import path from "node:path";
import { importContent } from "#app/content/import-content.server.ts";
import { envOrExit } from "#app/utils/env.server.ts";
import { createDb, databasePath } from "#db/client.ts";
import { runMigrations } from "#db/migrate.ts";

// Usage: tsx scripts/content-import.ts [--check] [--dir toolkit-content]
const args = process.argv.slice(2);
const dryRun = args.includes("--check");
const dirIndex = args.indexOf("--dir");
const settings = envOrExit();
const dir = path.resolve(dirIndex >= 0 && args[dirIndex + 1] ? args[dirIndex + 1]! : settings.CONTENT_DIR);

const started = performance.now();
const db = dryRun ? null : createDb(databasePath(settings));
if (db) runMigrations(db);
const result = importContent(db, dir, { dryRun });
db?.$client.close();
const ms = Math.round(performance.now() - started);

if (!result.ok) {
  for (const p of result.problems) console.error(p.toString());
  console.error(`\n${result.problems.length} problem(s) in ${path.relative(process.cwd(), dir) || dir}; the database was not changed.`);
  process.exit(1);
}
if (!result.stats) {
  console.log(`content ok: ${result.files} files checked in ${ms} ms`);
} else {
  const { searchQueued, ...counts } = result.stats;
  const line = Object.entries(counts)
    .map(([k, c]) => `${k} +${c.created} ~${c.updated} =${c.unchanged} -${c.deleted}`)
    .join(", ");
  console.log(
    `content imported from ${result.files} files in ${ms} ms: ${line} (+ created, ~ updated, = unchanged, - deleted); ${searchQueued} search documents queued`,
  );
}
