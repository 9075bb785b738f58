import { desc, inArray } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import { stateOf, type ItemState } from "#app/domain/item-state.ts";
import type { Language } from "#app/i18n/languages.ts";
import { groupBy, pickTranslation } from "./localize.server.ts";

export type WorkItem = {
  type: s.EditableType;
  id: number;
  cityId: number;
  citySlug: string;
  title: string;
  state: ItemState;
  updatedAt: string;
  changesRequested: boolean;
};

/**
 * Every practice, answer and city profile with its review state and a title in the reader's
 * language, optionally only for some cities. Small tables (hundreds of rows): one pass in memory.
 */
export function listWorkItems(db: DB, lang: Language, cityIds?: number[]): WorkItem[] {
  const cityRows = db
    .select({ id: s.cities.id, slug: s.cities.slug, status: s.cities.status, originalLanguage: s.cities.originalLanguage, updatedAt: s.cities.updatedAt })
    .from(s.cities)
    .all();
  const citySlug = new Map(cityRows.map((c) => [c.id, c.slug]));
  const cityNames = groupBy(db.select().from(s.cityTranslations).all(), (n) => n.cityId);
  const cityName = (id: number, original: Language) => pickTranslation(cityNames.get(id) ?? [], lang, original)?.text.name;
  const pending = new Map(
    db
      .select()
      .from(s.pendingChanges)
      .all()
      .map((p) => [`${p.entityType}:${p.entityId}`, p]),
  );
  const lastEvent = new Map<string, string>();
  for (const e of db
    .select({ t: s.reviewEvents.entityType, id: s.reviewEvents.entityId, action: s.reviewEvents.action })
    .from(s.reviewEvents)
    .orderBy(desc(s.reviewEvents.id))
    .all()) {
    const key = `${e.t}:${e.id}`;
    if (!lastEvent.has(key)) lastEvent.set(key, e.action);
  }
  const within = (cityId: number) => !cityIds || cityIds.includes(cityId);
  const item = (type: s.EditableType, id: number, cityId: number, status: s.Status, title: string, updatedAt: Date): WorkItem => {
    const key = `${type}:${id}`;
    const p = pending.get(key);
    const state = stateOf(status, p ? { revisionId: p.revisionId, state: p.state } : null);
    return {
      type,
      id,
      cityId,
      citySlug: citySlug.get(cityId) ?? "",
      title,
      state,
      updatedAt: (p?.updatedAt ?? updatedAt).toISOString(),
      changesRequested: lastEvent.get(key) === "request_changes" && (state === "draft" || state === "published_draft"),
    };
  };
  const out: WorkItem[] = [];
  for (const c of cityRows.filter((c) => within(c.id))) {
    const name = cityName(c.id, c.originalLanguage) ?? c.slug;
    out.push(item("city", c.id, c.id, c.status, name, c.updatedAt));
  }
  const practices = db
    .select()
    .from(s.practices)
    .where(cityIds ? inArray(s.practices.cityId, cityIds) : undefined)
    .all();
  const pTexts = groupBy(
    db
      .select({ practiceId: s.practiceTranslations.practiceId, lang: s.practiceTranslations.lang, title: s.practiceTranslations.title })
      .from(s.practiceTranslations)
      .all(),
    (t) => t.practiceId,
  );
  for (const p of practices) {
    const title = pickTranslation(pTexts.get(p.id) ?? [], lang, p.originalLanguage)?.text.title ?? p.slug;
    out.push(item("practice", p.id, p.cityId, p.status, title, p.updatedAt));
  }
  const answers = db
    .select()
    .from(s.answers)
    .where(cityIds ? inArray(s.answers.cityId, cityIds) : undefined)
    .all();
  const qTexts = groupBy(
    db
      .select({ questionId: s.questionTranslations.questionId, lang: s.questionTranslations.lang, title: s.questionTranslations.title })
      .from(s.questionTranslations)
      .all(),
    (t) => t.questionId,
  );
  const cityLanguage = new Map(cityRows.map((c) => [c.id, c.originalLanguage]));
  const qs = new Map(
    db
      .select({ id: s.questions.id, originalLanguage: s.questions.originalLanguage, slug: s.questions.slug })
      .from(s.questions)
      .all()
      .map((q) => [q.id, q]),
  );
  for (const a of answers) {
    const q = qs.get(a.questionId);
    const qt = q ? pickTranslation(qTexts.get(q.id) ?? [], lang, q.originalLanguage)?.text.title : undefined;
    const city = cityName(a.cityId, cityLanguage.get(a.cityId) ?? "en") ?? "";
    out.push(item("answer", a.id, a.cityId, a.status, `${city}: ${qt ?? q?.slug ?? ""}`, a.updatedAt));
  }
  // Organisations: of a city like the rest; those of no one city (national bodies) only in the full list.
  const organisations = db
    .select()
    .from(s.organisations)
    .where(cityIds ? inArray(s.organisations.cityId, cityIds) : undefined)
    .all();
  const oTexts = groupBy(
    db
      .select({ organisationId: s.organisationTranslations.organisationId, lang: s.organisationTranslations.lang, name: s.organisationTranslations.name })
      .from(s.organisationTranslations)
      .all(),
    (t) => t.organisationId,
  );
  for (const o of organisations) {
    const name = pickTranslation(oTexts.get(o.id) ?? [], lang, o.originalLanguage)?.text.name ?? o.slug;
    out.push(item("organisation", o.id, o.cityId ?? -1, o.status, name, o.updatedAt));
  }
  return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export const IN_REVIEW: ItemState[] = ["in_review", "published_in_review"];
