import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { envOrExit } from "#app/utils/env.server.ts";
import { createDb, databasePath, type DB } from "./client.ts";

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export function runMigrations(db: DB): void {
  migrate(db, { migrationsFolder });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = databasePath(envOrExit());
  const db = createDb(file);
  runMigrations(db);
  db.$client.close();
  console.log(`migrated ${path.relative(process.cwd(), file)}`);
}
