import { eq } from "drizzle-orm";
import type { ItemState } from "#app/auth/permissions.ts";
import type { SessionUser } from "#app/auth/session.server.ts";
import { readSnapshot } from "#app/editorial/snapshots.server.ts";
import type { AnswerSnapshot, CitySnapshot, PracticeSnapshot, Snapshot, OrganisationSnapshot } from "#app/content-types/snapshot-types.ts";
import { renderBodiesInProcess } from "#app/editorial/rendered-bodies.server.ts";
import { loadItem, workingSnapshot, type ItemRef } from "#app/editorial/items.server.ts";
import * as saving from "#app/editorial/saving.server.ts";
import * as transitions from "#app/editorial/transitions.server.ts";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";

let counter = 0;

// The workflow functions with bodies rendered in this thread: fixture text is trusted, and tests
// that build dozens of items stay synchronous. Routes render in the worker pool instead.
type Ref = ItemRef;
export const saveEdit = (db: DB, actor: SessionUser, ref: Ref, snap: Snapshot, opts?: Parameters<typeof saving.saveEdit>[5]) =>
  saving.saveEdit(db, actor, ref, snap, renderBodiesInProcess(snap), opts);
export const createDraft = (db: DB, actor: SessionUser, type: "practice" | "answer" | "organisation", snap: Snapshot) =>
  saving.createDraft(db, actor, type, snap, renderBodiesInProcess(snap));
export const transition = (db: DB, actor: SessionUser, ref: Ref, action: transitions.Transition, comment: string | null) =>
  transitions.transition(db, actor, ref, action, comment, undefined, renderBodiesInProcess(workingSnapshot(db, loadItem(db, ref.type, ref.id)!)));

/** A new city with an English profile, in the given status. */
export function makeCity(db: DB, status: s.Status = "published"): { id: number; slug: string } {
  const slug = `testcity-${process.pid}-${++counter}`;
  const { id } = db
    .insert(s.cities)
    .values({ slug, originalLanguage: "en", country: "NL", hrCityStatus: "declared", hrCitySince: [], hrCityBasis: "declaration", status, origin: "app" })
    .returning({ id: s.cities.id })
    .get();
  db.insert(s.cityTranslations)
    .values({ cityId: id, lang: "en", name: `Test City ${counter}`, summary: "A city made by a test.", bodyMd: "Profile.", bodyHtml: "<p>Profile.</p>" })
    .run();
  return { id, slug };
}

export function practiceSnapshot(cityId: number, title = `Practice ${++counter}`): PracticeSnapshot {
  return {
    slug: `test-practice-${process.pid}-${++counter}`,
    cityId,
    originalLanguage: "en",
    startYear: 2015,
    endYear: null,
    ongoing: true,
    coCities: {},
    themes: [],
    questionTypes: [],
    udhrArticles: [],
    sdgs: [],
    partners: [],
    sources: [{ title: "A source", url: "https://example.org/source" }],
    translations: { en: { title, summary: "What was done.", bodyMd: "The **full** text.", outcomes: [], continuity: null } },
  };
}

export function organisationSnapshot(cityId: number, name = `Organisation ${++counter}`): OrganisationSnapshot {
  return {
    slug: `test-organisation-${process.pid}-${++counter}`,
    cityId,
    originalLanguage: "en",
    kind: "civil-society",
    themes: ["lgbtiq"],
    website: null,
    coalitionRole: null,
    coalitionSince: null,
    sources: [{ title: "A source", url: "https://example.org/source" }],
    translations: { en: { name, bodyMd: "What the organisation does." } },
  };
}

export function answerSnapshot(db: DB, cityId: number): AnswerSnapshot {
  const q = db.select({ id: s.questions.id }).from(s.questions).limit(1).get()!;
  return { questionId: q.id, cityId, originalLanguage: "en", sources: [], translations: { en: { summary: "Our answer.", bodyMd: "How we did it." } } };
}

/** The same item with its text changed, for edits. */
export function edited<T extends Snapshot>(snap: T, marker: string): T {
  const copy = structuredClone(snap) as Snapshot;
  const lang = copy.originalLanguage;
  const tr = copy.translations[lang] as { summary?: string; bodyMd: string };
  // Organisations have no summary: their description changes instead.
  if (tr.summary === undefined) tr.bodyMd = `${tr.bodyMd} ${marker}`;
  else tr.summary = `${tr.summary} ${marker}`;
  return copy as T;
}

const TABLE = { practice: s.practices, answer: s.answers, city: s.cities, organisation: s.organisations } as const;

/**
 * A fresh item of `type` in `state`, in its own new city (answers are one per question and city),
 * brought there through the real workflow functions.
 */
export function itemInState(
  db: DB,
  type: s.EditableType,
  state: ItemState,
  actors: { contributor: SessionUser; curator: SessionUser },
): { id: number; cityId: number } {
  const city = makeCity(db, type === "city" ? "draft" : "published");
  const contributor = { ...actors.contributor, cityIds: [...actors.contributor.cityIds, city.id] };
  let id: number;
  if (type === "city") {
    id = city.id;
    saveEdit(db, actors.curator, { type, id }, edited(readSnapshot(db, type, id) as CitySnapshot, "v2"));
  } else {
    id = createDraft(
      db,
      contributor,
      type,
      type === "practice" ? practiceSnapshot(city.id) : type === "organisation" ? organisationSnapshot(city.id) : answerSnapshot(db, city.id),
    );
  }
  const ref = { type, id };
  const go = (action: Parameters<typeof transition>[3], who: SessionUser) =>
    transition(db, who, ref, action, action === "request_changes" || action === "reject" ? "test" : null);
  if (state === "in_review") go("submit", contributor);
  if (state.startsWith("published")) go("publish", actors.curator);
  if (state === "published_draft" || state === "published_in_review") saveEdit(db, contributor, ref, edited(readSnapshot(db, type, id)!, "proposal"));
  if (state === "published_in_review") go("submit", contributor);
  if (state === "archived") go("archive", actors.curator);
  return { id, cityId: city.id };
}

export function statusOf(db: DB, type: s.EditableType, id: number): string {
  const table = TABLE[type];
  return db.select({ status: table.status }).from(table).where(eq(table.id, id)).get()!.status;
}

/** Everything an action might change about an item, to prove a denied request changed nothing. */
export function itemFingerprint(db: DB, type: s.EditableType, id: number): string {
  const q = (sql: string) => db.$client.prepare(sql).all(type, id);
  return JSON.stringify([
    statusOf(db, type, id),
    readSnapshot(db, type, id),
    q("SELECT revision_id, state FROM pending_changes WHERE entity_type = ? AND entity_id = ?"),
    q("SELECT count(*) n FROM revisions WHERE entity_type = ? AND entity_id = ?"),
    q("SELECT count(*) n FROM review_events WHERE entity_type = ? AND entity_id = ?"),
  ]);
}
