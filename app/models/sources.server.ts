import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import type { DB } from "#db/client.ts";
import { sources } from "#db/schema/index.ts";

export type Source = { title: string; url: string };
export type SourceOwner = "cityId" | "practiceId" | "questionId" | "answerId" | "toolkitId" | "chapterId" | "organisationId";
type Writer = Pick<DB, "insert" | "delete">;

/** Replaces an item's sources, in order; used by the content import and by app edits alike. */
export function replaceSources(db: Writer, owner: SourceOwner, ownerId: number, list: Source[]): void {
  db.delete(sources).where(eq(sources[owner], ownerId)).run();
  list.forEach((src, position) =>
    db
      .insert(sources)
      .values({ [owner]: ownerId, title: src.title, url: src.url, position })
      .run(),
  );
}

export function listSources(owner: SourceOwner, id: number): Source[] {
  return getDb().select({ title: sources.title, url: sources.url }).from(sources).where(eq(sources[owner], id)).orderBy(asc(sources.position)).all();
}

export function listSourcesFor(owner: SourceOwner, ids: number[]): Map<number, Source[]> {
  const map = new Map<number, Source[]>();
  if (!ids.length) return map;
  const rows = getDb().select().from(sources).where(inArray(sources[owner], ids)).orderBy(asc(sources.position)).all();
  for (const row of rows) {
    const key = row[owner]!;
    map.set(key, [...(map.get(key) ?? []), { title: row.title, url: row.url }]);
  }
  return map;
}
