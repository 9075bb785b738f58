import type { DB } from "#db/client.ts";

/**
 * Memoises a value derived from the database until the database changes. SQLite's data_version
 * changes whenever another connection commits (e.g. `npm run content:import` while the app runs);
 * `invalidateCaches()` covers writes made through this process's own connection.
 */
let localVersion = 0;
export function invalidateCaches(): void {
  localVersion++;
}

export function cachedByDataVersion<T>(compute: (db: DB) => T): (db: DB) => T {
  let key = "";
  let value: T;
  return (db: DB) => {
    const current = `${db.$client.pragma("data_version", { simple: true })}:${localVersion}`;
    if (current !== key) {
      value = compute(db);
      key = current;
    }
    return value;
  };
}
