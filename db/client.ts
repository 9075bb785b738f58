import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema/index.ts";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** DATABASE_PATH (default data/app.db, see app/utils/env.server.ts), from the folder the command runs in. */
export function databasePath(settings: { DATABASE_PATH: string }): string {
  return path.resolve(settings.DATABASE_PATH);
}

/** Opens the SQLite file with the pragmas every connection needs. */
export function createDb(file: string): DB {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // Writers wait for each other instead of failing at once with SQLITE_BUSY.
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema }) as DB;
}
