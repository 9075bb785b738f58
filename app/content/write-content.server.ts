import { createHash } from "node:crypto";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import { replaceSources } from "#app/models/sources.server.ts";
import { allTermLabels } from "#app/models/taxonomy.server.ts";
import { MARKDOWN_RENDERER_VERSION, renderMarkdown } from "#app/utils/markdown.server.ts";
import { dependentKeys, entityKey, type ContentType } from "#app/search/documents.server.ts";
import { recordChanges, recordSynonymsChange } from "#app/search/outbox.server.ts";
import type { ContentModel } from "./content-model.ts";
import * as contentTypes from "#app/content-types/registry.server.ts";
import type { Owner } from "#app/content-types/store-helpers.server.ts";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
export type Counts = { created: number; updated: number; unchanged: number; deleted: number };
export type ImportStats = Record<"terms" | "synonyms" | "cities" | "organisations" | "practices" | "questions" | "answers" | "toolkits", Counts> & {
  searchQueued: number;
};

const hashOf = (value: unknown) =>
  createHash("sha256")
    .update(JSON.stringify([MARKDOWN_RENDERER_VERSION, value]))
    .digest("hex");
const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0, deleted: 0 });

/**
 * Finds the row with this key and decides by the content hash whether the file changed. The row
 * keeps only what the import alone owns (`columns`: status, featured, region, …; plus what a new
 * row needs, `insert`); the item's content is then written by its type's `apply` (the editor's
 * writer), when `changed`.
 */
function upsertRow<T extends SQLiteTable & { id: SQLiteColumn; contentHash: SQLiteColumn; origin: SQLiteColumn }>(
  tx: Tx,
  table: T,
  where: ReturnType<typeof eq>,
  row: { columns: Record<string, unknown>; insert: Record<string, unknown> },
  hash: string,
  counts: Counts,
): { id: number; changed: boolean; owner: Owner } {
  const owner: Owner = { origin: "content", contentHash: hash };
  const existing = tx
    .select({ id: table.id, hash: table.contentHash, origin: table.origin })
    .from(table as SQLiteTable)
    .where(where)
    .get() as { id: number; hash: string | null; origin: string } | undefined;
  // Once edited in the app, the database copy is the newer one: the file no longer overwrites it.
  if (existing && (existing.hash === hash || existing.origin === "app")) {
    counts.unchanged++;
    return { id: existing.id, changed: false, owner };
  }
  if (existing) {
    tx.update(table)
      .set({ ...row.columns, origin: "content", contentHash: hash, updatedAt: new Date() } as never)
      .where(eq(table.id, existing.id))
      .run();
    counts.updated++;
    return { id: existing.id, changed: true, owner };
  }
  const inserted = tx
    .insert(table)
    .values({ ...row.insert, ...row.columns, origin: "content", contentHash: hash } as never)
    .returning({ id: table.id })
    .get() as { id: number };
  counts.created++;
  return { id: inserted.id, changed: true, owner };
}

function termIds(tx: Tx) {
  const rows = tx.select().from(s.taxonomyTerms).all();
  const map = new Map(rows.map((r) => [`${r.vocabulary}:${r.slug}`, r.id]));
  return (vocabulary: s.Vocabulary, slug: string | number) => {
    const found = map.get(`${vocabulary}:${slug}`);
    if (found === undefined) throw new Error(`unknown ${vocabulary} "${slug}"`); // checked before writing
    return found;
  };
}

/**
 * Deletes content-origin rows whose files are gone; rows made in the app are never touched.
 * Returns the search keys of what goes, with their dependants, computed before the rows vanish.
 */
function deleteMissing(
  db: DB,
  tx: Tx,
  type: ContentType,
  table: SQLiteTable & { id: SQLiteColumn; origin: SQLiteColumn },
  keep: number[],
  counts: Counts,
): string[] {
  const where = keep.length ? and(eq(table.origin, "content"), notInArray(table.id, keep)) : eq(table.origin, "content");
  const ids = (
    tx
      .select({ id: table.id })
      .from(table as SQLiteTable)
      .where(where)
      .all() as { id: number }[]
  ).map((r) => r.id);
  const keys = ids.flatMap((id) => [entityKey(type, id), ...dependentKeys(db, entityKey(type, id))]);
  counts.deleted += tx.delete(table).where(where).run().changes;
  return keys;
}

/**
 * Stores the synonym groups (one row per group, by position) and counts them like items. Any change
 * queues one outbox row, so the sync worker updates the Meilisearch synonyms setting.
 */
function writeSynonyms(db: DB, tx: Tx, groups: string[][], counts: Counts): void {
  const stored = new Map(
    tx
      .select()
      .from(s.searchSynonyms)
      .all()
      .map((r) => [r.position, JSON.stringify(r.words)]),
  );
  groups.forEach((words, position) => {
    const before = stored.get(position);
    stored.delete(position);
    if (before === JSON.stringify(words)) {
      counts.unchanged++;
    } else if (before === undefined) {
      tx.insert(s.searchSynonyms).values({ position, words }).run();
      counts.created++;
    } else {
      tx.update(s.searchSynonyms).set({ words }).where(eq(s.searchSynonyms.position, position)).run();
      counts.updated++;
    }
  });
  if (stored.size)
    counts.deleted += tx
      .delete(s.searchSynonyms)
      .where(inArray(s.searchSynonyms.position, [...stored.keys()]))
      .run().changes;
  if (counts.created || counts.updated || counts.deleted) recordSynonymsChange(db);
}

export function writeContent(db: DB, m: ContentModel): ImportStats {
  const stats: ImportStats = {
    terms: zero(),
    synonyms: zero(),
    cities: zero(),
    organisations: zero(),
    practices: zero(),
    questions: zero(),
    answers: zero(),
    toolkits: zero(),
    searchQueued: 0,
  };
  const touched = new Set<string>();
  db.transaction(
    (tx) => {
      const labelsBefore = allTermLabels(tx);
      // Taxonomies: labels are rewritten every time (cheap, and keeps ids stable).
      const keepTerms: number[] = [];
      for (const [vocabulary, terms] of m.taxonomies) {
        terms.forEach((term, position) => {
          const existing = tx
            .select({ id: s.taxonomyTerms.id })
            .from(s.taxonomyTerms)
            .where(and(eq(s.taxonomyTerms.vocabulary, vocabulary), eq(s.taxonomyTerms.slug, term.slug)))
            .get();
          const id = existing
            ? existing.id
            : tx.insert(s.taxonomyTerms).values({ vocabulary, slug: term.slug, position }).returning({ id: s.taxonomyTerms.id }).get().id;
          if (existing) tx.update(s.taxonomyTerms).set({ position }).where(eq(s.taxonomyTerms.id, id)).run();
          stats.terms[existing ? "unchanged" : "created"]++;
          keepTerms.push(id);
          tx.delete(s.taxonomyLabels).where(eq(s.taxonomyLabels.termId, id)).run();
          for (const lang of s.LANGUAGES) {
            tx.insert(s.taxonomyLabels)
              .values({ termId: id, lang, label: term.label[lang], description: term.description?.[lang] ?? null })
              .run();
          }
        });
      }
      const term = termIds(tx);
      writeSynonyms(db, tx, m.synonyms, stats.synonyms);

      const cityIds = new Map<string, number>();
      for (const c of m.cities) {
        const d = c.data;
        const snap = contentTypes.city.fromFile(c);
        const { id, changed, owner } = upsertRow(
          tx,
          s.cities,
          eq(s.cities.slug, c.slug),
          {
            columns: { regionId: term("region", d.region), latitude: d.coordinates?.lat ?? null, longitude: d.coordinates?.lon ?? null, status: d.status },
            insert: { slug: c.slug, originalLanguage: d.language, country: d.country, hrCityStatus: d.human_rights_city.status, hrCityBasis: "unknown" },
          },
          hashOf(c),
          stats.cities,
        );
        cityIds.set(c.slug, id);
        if (!changed) continue;
        touched.add(entityKey("city", id));
        contentTypes.city.apply(tx, id, snap, renderMarkdown, owner);
      }

      const organisationIds = new Map<string, number>();
      for (const o of m.organisations) {
        const d = o.data;
        const snap = contentTypes.organisation.fromFile(o, { cityId: d.city ? cityIds.get(d.city)! : null });
        const { id, changed, owner } = upsertRow(
          tx,
          s.organisations,
          eq(s.organisations.slug, o.slug),
          { columns: { status: d.status }, insert: { slug: o.slug, originalLanguage: d.language, kind: d.kind } },
          hashOf(o),
          stats.organisations,
        );
        organisationIds.set(o.slug, id);
        if (!changed) continue;
        touched.add(entityKey("organisation", id));
        if (d.status === "published") tx.update(s.organisations).set({ publishedAt: new Date() }).where(eq(s.organisations.id, id)).run();
        contentTypes.organisation.apply(tx, id, snap, renderMarkdown, owner);
      }

      const practiceIds = new Map<string, number>();
      for (const p of m.practices) {
        const d = p.data;
        const cityId = cityIds.get(d.city)!;
        const snap = contentTypes.practice.fromFile(p, { cityId, organisationId: (slug) => organisationIds.get(slug)! });
        const { id, changed, owner } = upsertRow(
          tx,
          s.practices,
          eq(s.practices.slug, p.slug),
          { columns: { cityId, featured: d.featured, status: d.status }, insert: { slug: p.slug, originalLanguage: d.language } },
          hashOf(p),
          stats.practices,
        );
        practiceIds.set(p.slug, id);
        if (!changed) continue;
        touched.add(entityKey("practice", id));
        if (d.status === "published") tx.update(s.practices).set({ publishedAt: new Date() }).where(eq(s.practices.id, id)).run();
        contentTypes.practice.apply(tx, id, snap, renderMarkdown, owner);
      }

      const questionIds = new Map<string, number>();
      for (const q of m.questions) {
        const d = q.data;
        const { id, changed } = upsertRow(
          tx,
          s.questions,
          eq(s.questions.slug, q.slug),
          {
            columns: {
              slug: q.slug,
              questionTypeId: term("question_type", d.question_type),
              originalLanguage: d.language,
              featured: d.featured,
              status: d.status,
            },
            insert: {},
          },
          hashOf(q),
          stats.questions,
        );
        questionIds.set(q.slug, id);
        if (changed) touched.add(entityKey("question", id));
        if (!changed) continue;
        tx.delete(s.questionTranslations).where(eq(s.questionTranslations.questionId, id)).run();
        for (const t of [{ lang: d.language, data: { title: d.title, summary: d.summary }, body: q.body }, ...q.translations]) {
          tx.insert(s.questionTranslations)
            .values({ questionId: id, lang: t.lang, title: t.data.title, summary: t.data.summary, bodyMd: t.body, bodyHtml: renderMarkdown(t.body) })
            .run();
        }
        tx.delete(s.questionTerms).where(eq(s.questionTerms.questionId, id)).run();
        for (const slug of new Set(d.themes))
          tx.insert(s.questionTerms)
            .values({ questionId: id, termId: term("theme", slug) })
            .run();
      }

      const answerIds: number[] = [];
      for (const a of m.answers) {
        const d = a.data;
        const questionId = questionIds.get(a.question)!;
        const cityId = cityIds.get(a.city)!;
        const { id, changed, owner } = upsertRow(
          tx,
          s.answers,
          and(eq(s.answers.questionId, questionId), eq(s.answers.cityId, cityId))!,
          { columns: { status: d.status }, insert: { questionId, cityId, originalLanguage: d.language } },
          hashOf(a),
          stats.answers,
        );
        answerIds.push(id);
        if (!changed) continue;
        touched.add(entityKey("answer", id));
        contentTypes.answer.apply(tx, id, contentTypes.answer.fromFile(a, { questionId, cityId }), renderMarkdown, owner);
      }

      const toolkitIds: number[] = [];
      for (const tk of m.toolkits) {
        const d = tk.data;
        const { id, changed } = upsertRow(
          tx,
          s.toolkits,
          eq(s.toolkits.slug, tk.slug),
          {
            columns: { slug: tk.slug, originalLanguage: d.language, curator: d.curator, featured: d.featured, status: d.status },
            insert: {},
          },
          hashOf(tk),
          stats.toolkits,
        );
        toolkitIds.push(id);
        if (changed) touched.add(entityKey("toolkit", id));
        if (!changed) continue;
        tx.delete(s.toolkitTranslations).where(eq(s.toolkitTranslations.toolkitId, id)).run();
        for (const t of [{ lang: d.language, data: { title: d.title, summary: d.summary }, body: tk.body }, ...tk.translations]) {
          tx.insert(s.toolkitTranslations)
            .values({ toolkitId: id, lang: t.lang, title: t.data.title, summary: t.data.summary, bodyMd: t.body, bodyHtml: renderMarkdown(t.body) })
            .run();
        }
        tx.delete(s.toolkitTerms).where(eq(s.toolkitTerms.toolkitId, id)).run();
        const ids = new Set([...d.themes.map((x) => term("theme", x)), ...d.question_types.map((x) => term("question_type", x))]);
        for (const termId of ids) tx.insert(s.toolkitTerms).values({ toolkitId: id, termId }).run();
        replaceSources(tx, "toolkitId", id, d.sources);

        const keepChapters: number[] = [];
        for (const ch of tk.chapters) {
          const existing = tx
            .select({ id: s.toolkitChapters.id })
            .from(s.toolkitChapters)
            .where(and(eq(s.toolkitChapters.toolkitId, id), eq(s.toolkitChapters.slug, ch.slug)))
            .get();
          const chapterId = existing
            ? existing.id
            : tx.insert(s.toolkitChapters).values({ toolkitId: id, slug: ch.slug, position: ch.position }).returning({ id: s.toolkitChapters.id }).get().id;
          tx.update(s.toolkitChapters).set({ position: ch.position }).where(eq(s.toolkitChapters.id, chapterId)).run();
          keepChapters.push(chapterId);
          tx.delete(s.chapterTranslations).where(eq(s.chapterTranslations.chapterId, chapterId)).run();
          for (const t of [{ lang: d.language, data: { title: ch.data.title, summary: ch.data.summary }, body: ch.body }, ...ch.translations]) {
            tx.insert(s.chapterTranslations)
              .values({ chapterId, lang: t.lang, title: t.data.title, summary: t.data.summary, bodyMd: t.body, bodyHtml: renderMarkdown(t.body) })
              .run();
          }
          tx.delete(s.chapterPractices).where(eq(s.chapterPractices.chapterId, chapterId)).run();
          [...new Set(ch.data.practices)].forEach((slug, position) =>
            tx
              .insert(s.chapterPractices)
              .values({ chapterId, practiceId: practiceIds.get(slug)!, position })
              .run(),
          );
          tx.delete(s.chapterQuestions).where(eq(s.chapterQuestions.chapterId, chapterId)).run();
          [...new Set(ch.data.questions)].forEach((slug, position) =>
            tx
              .insert(s.chapterQuestions)
              .values({ chapterId, questionId: questionIds.get(slug)!, position })
              .run(),
          );
          tx.delete(s.chapterCities).where(eq(s.chapterCities.chapterId, chapterId)).run();
          [...new Set(ch.data.cities)].forEach((slug, position) =>
            tx
              .insert(s.chapterCities)
              .values({ chapterId, cityId: cityIds.get(slug)!, position })
              .run(),
          );
          replaceSources(tx, "chapterId", chapterId, ch.data.sources);
        }
        const stale = tx
          .select({ id: s.toolkitChapters.id })
          .from(s.toolkitChapters)
          .where(eq(s.toolkitChapters.toolkitId, id))
          .all()
          .map((r) => r.id)
          .filter((x) => !keepChapters.includes(x));
        for (const chapterId of stale) touched.add(entityKey("chapter", chapterId));
        if (stale.length) tx.delete(s.toolkitChapters).where(inArray(s.toolkitChapters.id, stale)).run();
      }

      const gone = [
        ...deleteMissing(db, tx, "toolkit", s.toolkits, toolkitIds, stats.toolkits),
        ...deleteMissing(db, tx, "answer", s.answers, answerIds, stats.answers),
        ...deleteMissing(db, tx, "question", s.questions, [...questionIds.values()], stats.questions),
        ...deleteMissing(db, tx, "practice", s.practices, [...practiceIds.values()], stats.practices),
        ...deleteMissing(db, tx, "organisation", s.organisations, [...organisationIds.values()], stats.organisations),
        ...deleteMissing(db, tx, "city", s.cities, [...cityIds.values()], stats.cities),
      ];
      for (const key of gone) touched.add(key);
      const staleTerms = keepTerms.length ? notInArray(s.taxonomyTerms.id, keepTerms) : undefined;
      stats.terms.deleted += tx.delete(s.taxonomyTerms).where(staleTerms).run().changes;

      // Search documents carry term labels: a relabelled taxonomy refreshes every document.
      const labelsAfter = allTermLabels(tx);
      stats.searchQueued = recordChanges(db, touched, { everything: labelsBefore !== labelsAfter });
    },
    { behavior: "immediate" },
  );
  return stats;
}
