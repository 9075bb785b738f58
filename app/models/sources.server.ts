import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { sources } from "#db/schema/index.ts";

export type Source = { title: string; url: string };
type Owner = "cityId" | "practiceId" | "questionId" | "answerId" | "toolkitId" | "chapterId";

export function listSources(owner: Owner, id: number): Source[] {
  return getDb()
    .select({ title: sources.title, url: sources.url })
    .from(sources)
    .where(eq(sources[owner], id))
    .orderBy(asc(sources.position))
    .all();
}

export function listSourcesFor(owner: Owner, ids: number[]): Map<number, Source[]> {
  const map = new Map<number, Source[]>();
  if (!ids.length) return map;
  const rows = getDb().select().from(sources).where(inArray(sources[owner], ids)).orderBy(asc(sources.position)).all();
  for (const row of rows) {
    const key = row[owner]!;
    map.set(key, [...(map.get(key) ?? []), { title: row.title, url: row.url }]);
  }
  return map;
}
