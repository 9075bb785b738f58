import { eq, sql } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { answers, cities, practices, questions, toolkitChapters, toolkits } from "#db/schema/index.ts";

/** Database reachability and published-content counts, for /healthz and the home page. */
export function contentCounts() {
  const db = getDb();
  const count = (table: typeof cities | typeof practices | typeof questions | typeof answers | typeof toolkits) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .where(eq(table.status, "published"))
      .get()!.n;
  return {
    cities: count(cities),
    practices: count(practices),
    questions: count(questions),
    answers: count(answers),
    toolkits: count(toolkits),
    chapters: db
      .select({ n: sql<number>`count(*)` })
      .from(toolkitChapters)
      .get()!.n,
  };
}
