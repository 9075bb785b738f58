import type { ItemAction } from "#app/auth/permissions.ts";
import type { SessionUser } from "#app/auth/session.server.ts";
import type { Language } from "#app/i18n/languages.ts";
import { cityNames } from "#app/models/cities.server.ts";
import type { PracticeView } from "#app/models/practices.server.ts";
import type { DB } from "#db/client.ts";
import { diffSnapshots, type FieldChange } from "./diff.ts";
import { itemLabel, publicPath } from "./editing.server.ts";
import { practicePreview } from "./preview.server.ts";
import { htmlForDisplay } from "./rendered-bodies.server.ts";
import { allowedActions, SEGMENT_OF } from "./route-helpers.server.ts";
import type { AnswerSnapshot, CitySnapshot, OrganisationSnapshot, PracticeSnapshot, Snapshot, SourceRow } from "#app/content-types/snapshot-types.ts";
import { listTerms } from "#app/models/taxonomy.server.ts";
import { readSnapshot, storedBody } from "./snapshots.server.ts";
import { workingSnapshot, type ItemInfo } from "./items.server.ts";
import { reviewTrail } from "./review-events.server.ts";

/** The read-only page of an item: /{lang}/edit/{type}/{id}/review. */
export const reviewPath = (lang: Language, type: ItemInfo["type"], id: number) => `/${lang}/edit/${SEGMENT_OF[type]}/${id}/review`;

/** A body as readers will see it: sanitised HTML (stored, or rendered in the worker pool), or why it could not be rendered. */
type Body = { html: string | null; error: string | null };

/** The item as readers will see it, in its original language. Practices use the public page's own shape. */
export type ReadOnlyItem =
  | { type: "practice"; language: Language; practice: PracticeView | null; bodyError: string | null }
  | { type: "answer"; language: Language; summary: string; body: Body; sources: SourceRow[] }
  | {
      type: "organisation";
      language: Language;
      name: string;
      body: Body;
      kind: OrganisationSnapshot["kind"];
      themes: string[];
      website: string | null;
      coalitionRole: OrganisationSnapshot["coalitionRole"];
      coalitionSince: number | null;
      sources: SourceRow[];
    }
  | {
      type: "city";
      language: Language;
      name: string;
      summary: string;
      body: Body;
      country: string;
      population: number | null;
      populationYear: number | null;
      website: string | null;
      hrCityStatus: CitySnapshot["hrCityStatus"];
      facts: CitySnapshot["facts"];
      sources: SourceRow[];
    };

/**
 * What is compared: the published version (the public tables) against the change waiting for
 * review. An item that was never published has no published version: its first publication.
 */
export type Comparison = { kind: "first_publication" } | { kind: "no_pending_change" } | { kind: "changes"; changes: FieldChange[] };

async function readOnlyItem(db: DB, item: ItemInfo, snap: Snapshot, lang: Language): Promise<ReadOnlyItem> {
  const language = snap.originalLanguage;
  const text = snap.translations[language] as { bodyMd: string } | undefined;
  // The stored HTML when the public tables hold this very text; otherwise rendered (and sanitised) off the main thread.
  const body = await htmlForDisplay(text?.bodyMd ?? "", storedBody(db, item.type, item.id, language));
  if (item.type === "practice") {
    const p = snap as PracticeSnapshot;
    const html = new Map(body.html === null ? [] : [[text?.bodyMd ?? "", body.html]]);
    return { type: "practice", language, practice: practicePreview(p, lang, html), bodyError: body.error };
  }
  if (item.type === "answer") {
    const a = snap as AnswerSnapshot;
    return { type: "answer", language, summary: a.translations[language]?.summary ?? "", body, sources: a.sources };
  }
  if (item.type === "organisation") {
    const o = snap as OrganisationSnapshot;
    const labels = new Map(listTerms("theme", lang).map((term) => [term.slug, term.label]));
    return {
      type: "organisation",
      language,
      name: o.translations[language]?.name ?? "",
      body,
      kind: o.kind,
      themes: o.themes.map((slug) => labels.get(slug) ?? slug),
      website: o.website,
      coalitionRole: o.coalitionRole,
      coalitionSince: o.coalitionSince,
      sources: o.sources,
    };
  }
  const c = snap as CitySnapshot;
  return {
    type: "city",
    language,
    name: c.translations[language]?.name ?? "",
    summary: c.translations[language]?.summary ?? "",
    body,
    country: c.country,
    population: c.population,
    populationYear: c.populationYear,
    website: c.website,
    hrCityStatus: c.hrCityStatus,
    facts: c.facts,
    sources: c.sources,
  };
}

/**
 * Everything the review page shows: the state, the item as readers will see it (the waiting change,
 * if there is one), what that change does to the published version field by field, the review
 * trail with its comments, and which transitions this user may make now.
 */
export async function reviewPage(db: DB, user: SessionUser, item: ItemInfo, lang: Language) {
  const working = workingSnapshot(db, item);
  if (!working) throw new Error(`no ${item.type} ${item.id}`);
  const published = item.status === "published" ? readSnapshot(db, item.type, item.id) : null;
  const comparison: Comparison = !published
    ? { kind: "first_publication" }
    : !item.pending
      ? { kind: "no_pending_change" }
      : { kind: "changes", changes: diffSnapshots(published, working) };
  const allowed: ItemAction[] = allowedActions(user, item);
  const title = itemLabel(db, item.type, working, lang);
  return {
    type: item.type,
    id: item.id,
    state: item.state,
    title,
    city: item.type === "city" ? null : (cityNames(lang, [item.cityId]).get(item.cityId)?.name ?? null),
    editPath: `/${lang}/edit/${SEGMENT_OF[item.type]}/${item.id}`,
    reviewPath: reviewPath(lang, item.type, item.id),
    publicPath: item.status === "published" ? publicPath(db, lang, item.type, item.id) : null,
    allowed,
    canEdit: allowed.includes("edit"),
    comparison,
    item: await readOnlyItem(db, item, working, lang),
    trail: reviewTrail(db, item).map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
  };
}
