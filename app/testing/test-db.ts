import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type DB } from "#db/client.ts";
import { runMigrations } from "#db/migrate.ts";

/** A real, migrated SQLite file in a fresh temporary folder. */
export function createTestDb(): { db: DB; file: string; dir: string; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rce-test-"));
  const file = path.join(dir, "test.db");
  const db = createDb(file);
  runMigrations(db);
  return { db, file, dir, close: () => db.$client.close() };
}

/** Every row of every table, for "the database is exactly as it was" comparisons. */
export function dumpDb(db: DB): Record<string, unknown[]> {
  const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
  }[];
  // Rows sorted by content, because some tables (FTS5 shadow tables) have no rowid to order by.
  const rows = (name: string) => (db.$client.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  return Object.fromEntries(tables.map(({ name }) => [name, rows(name)]));
}

/** A copy of a content folder that a test may break without touching the real one. */
export function copyContent(from: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), "rce-content-"));
  fs.cpSync(from, to, { recursive: true });
  return to;
}
