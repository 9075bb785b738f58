import { and, desc, eq } from "drizzle-orm";
import { authorize } from "#app/auth/authorize.ts";
import { getUser } from "#app/auth/auth.server.ts";
import type { Language } from "#app/i18n/languages.ts";
import { getDb } from "#app/utils/db.server.ts";
import * as s from "#db/schema/index.ts";
import { SEGMENT_OF } from "./route-helpers.server.ts";
import { loadItem } from "./items.server.ts";

/** The editor's address for an item on a public page, when the reader may open it; else null. */
export function editLinkFor(request: Request, lang: Language, type: s.EditableType, id: number): string | null {
  const user = getUser(request);
  if (!user) return null;
  const item = loadItem(getDb(), type, id);
  if (!item || !authorize(user, "view", { type, cityId: item.cityId, state: item.state }).allowed) return null;
  return `/${lang}/edit/${SEGMENT_OF[type]}/${id}`;
}

/** The reader's cities that have no answer (in any state) to this question yet: they can write one. */
export function answerableCities(request: Request, questionId: number): number[] {
  const user = getUser(request);
  if (!user || user.role !== "contributor" || !authorize(user, "create_answer").allowed) return [];
  const answered = new Set(
    getDb()
      .select({ cityId: s.answers.cityId })
      .from(s.answers)
      .where(eq(s.answers.questionId, questionId))
      .all()
      .map((r) => r.cityId),
  );
  return user.cityIds.filter((c) => !answered.has(c));
}

/** Who published the item's current version and when: the citable end of its review trail. */
export function lastPublication(type: s.EditableType, id: number): { at: string; by: string | null } | null {
  const row = getDb()
    .select({ at: s.reviewEvents.createdAt, by: s.users.displayName })
    .from(s.reviewEvents)
    .leftJoin(s.users, eq(s.users.id, s.reviewEvents.actorId))
    .where(and(eq(s.reviewEvents.entityType, type), eq(s.reviewEvents.entityId, id), eq(s.reviewEvents.action, "publish")))
    .orderBy(desc(s.reviewEvents.id))
    .get();
  return row ? { at: row.at.toISOString(), by: row.by } : null;
}
