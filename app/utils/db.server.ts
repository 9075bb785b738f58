import { createDb, databasePath, type DB } from "#db/client.ts";
import { env } from "./env.server.ts";

// Reuse one connection across dev-server reloads instead of opening a new file handle per reload.
const globalForDb = globalThis as unknown as { __rceDb?: DB };

export function getDb(): DB {
  globalForDb.__rceDb ??= createDb(databasePath(env()));
  return globalForDb.__rceDb;
}
