import { and, asc, eq, inArray } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import type { Language } from "#app/i18n/languages.ts";
import { entityKey } from "#app/search/documents.server.ts";
import { recordChanges } from "#app/search/outbox.server.ts";
import { invalidateCaches } from "#app/utils/data-version-cache.server.ts";
import { audit } from "./audit.server.ts";
import type { Featurable } from "./curation-forms.ts";
import { groupBy, pickTranslation } from "./localize.server.ts";

/**
 * Curators' choices that are not an item's own text: which practices, questions and toolkits are
 * featured, and which practices and questions a toolkit chapter points to. Like app edits (ADR 007),
 * a curated row becomes app-owned so a later content import does not undo the choice.
 */
export { FEATURABLE, type Featurable } from "./curation-forms.ts";
const FEATURE_TABLE = { practice: s.practices, question: s.questions, toolkit: s.toolkits } as const;

/** Published practices and questions with titles in the reader's language, for pickers. */
export function curationOptions(db: DB, lang: Language) {
  const cityName = new Map<number, string>();
  const cityTexts = groupBy(db.select().from(s.cityTranslations).all(), (r) => r.cityId);
  for (const c of db.select().from(s.cities).all())
    cityName.set(c.id, pickTranslation(cityTexts.get(c.id) ?? [], lang, c.originalLanguage)?.text.name ?? c.slug);
  const pTexts = groupBy(
    db
      .select({ practiceId: s.practiceTranslations.practiceId, lang: s.practiceTranslations.lang, title: s.practiceTranslations.title })
      .from(s.practiceTranslations)
      .all(),
    (r) => r.practiceId,
  );
  const practices = db
    .select()
    .from(s.practices)
    .where(eq(s.practices.status, "published"))
    .orderBy(asc(s.practices.cityId), asc(s.practices.slug))
    .all()
    .map((p) => ({
      id: p.id,
      featured: p.featured,
      city: cityName.get(p.cityId) ?? "",
      title: pickTranslation(pTexts.get(p.id) ?? [], lang, p.originalLanguage)?.text.title ?? p.slug,
    }));
  const qTexts = groupBy(
    db
      .select({ questionId: s.questionTranslations.questionId, lang: s.questionTranslations.lang, title: s.questionTranslations.title })
      .from(s.questionTranslations)
      .all(),
    (r) => r.questionId,
  );
  const questions = db
    .select()
    .from(s.questions)
    .where(eq(s.questions.status, "published"))
    .all()
    .map((q) => ({ id: q.id, featured: q.featured, title: pickTranslation(qTexts.get(q.id) ?? [], lang, q.originalLanguage)?.text.title ?? q.slug }));
  const tTexts = groupBy(
    db
      .select({ toolkitId: s.toolkitTranslations.toolkitId, lang: s.toolkitTranslations.lang, title: s.toolkitTranslations.title })
      .from(s.toolkitTranslations)
      .all(),
    (r) => r.toolkitId,
  );
  const chTexts = groupBy(
    db
      .select({ chapterId: s.chapterTranslations.chapterId, lang: s.chapterTranslations.lang, title: s.chapterTranslations.title })
      .from(s.chapterTranslations)
      .all(),
    (r) => r.chapterId,
  );
  const toolkits = db
    .select()
    .from(s.toolkits)
    .where(eq(s.toolkits.status, "published"))
    .all()
    .map((t) => ({
      id: t.id,
      featured: t.featured,
      title: pickTranslation(tTexts.get(t.id) ?? [], lang, t.originalLanguage)?.text.title ?? t.slug,
      chapters: db
        .select()
        .from(s.toolkitChapters)
        .where(eq(s.toolkitChapters.toolkitId, t.id))
        .orderBy(asc(s.toolkitChapters.position))
        .all()
        .map((c) => ({ id: c.id, title: pickTranslation(chTexts.get(c.id) ?? [], lang, t.originalLanguage)?.text.title ?? c.slug })),
    }));
  return { practices, questions, toolkits };
}

export function chapterLinks(db: DB, chapterId: number) {
  const chapter = db.select().from(s.toolkitChapters).where(eq(s.toolkitChapters.id, chapterId)).get();
  if (!chapter) return null;
  return {
    chapter,
    practiceIds: db
      .select({ id: s.chapterPractices.practiceId })
      .from(s.chapterPractices)
      .where(eq(s.chapterPractices.chapterId, chapterId))
      .orderBy(asc(s.chapterPractices.position))
      .all()
      .map((r) => r.id),
    questionIds: db
      .select({ id: s.chapterQuestions.questionId })
      .from(s.chapterQuestions)
      .where(eq(s.chapterQuestions.chapterId, chapterId))
      .orderBy(asc(s.chapterQuestions.position))
      .all()
      .map((r) => r.id),
  };
}

/** Sets exactly these items as featured (of one kind); only published ones can be featured. */
export function setFeatured(db: DB, kind: Featurable, ids: number[]): { changed: number } {
  const table = FEATURE_TABLE[kind];
  const changed = db.transaction(
    (tx) => {
      const rows = tx.select({ id: table.id, featured: table.featured }).from(table).where(eq(table.status, "published")).all();
      const want = new Set(ids);
      const flips = rows.filter((r) => r.featured !== want.has(r.id));
      for (const r of flips)
        tx.update(table)
          .set({ featured: want.has(r.id), origin: "app", contentHash: null })
          .where(eq(table.id, r.id))
          .run();
      if (flips.length)
        recordChanges(
          db,
          flips.map((r) => entityKey(kind, r.id)),
        );
      return flips.length;
    },
    { behavior: "immediate" },
  );
  if (changed) invalidateCaches();
  return { changed };
}

/** Replaces a chapter's links to published practices and questions, in the given order. */
export function setChapterLinks(db: DB, chapterId: number, practiceIds: number[], questionIds: number[]): void {
  db.transaction(
    (tx) => {
      const chapter = tx.select().from(s.toolkitChapters).where(eq(s.toolkitChapters.id, chapterId)).get();
      if (!chapter) throw new Error(`no chapter ${chapterId}`);
      const okPractices = practiceIds.length
        ? new Set(
            tx
              .select({ id: s.practices.id })
              .from(s.practices)
              .where(and(inArray(s.practices.id, practiceIds), eq(s.practices.status, "published")))
              .all()
              .map((r) => r.id),
          )
        : new Set<number>();
      const okQuestions = questionIds.length
        ? new Set(
            tx
              .select({ id: s.questions.id })
              .from(s.questions)
              .where(and(inArray(s.questions.id, questionIds), eq(s.questions.status, "published")))
              .all()
              .map((r) => r.id),
          )
        : new Set<number>();
      tx.delete(s.chapterPractices).where(eq(s.chapterPractices.chapterId, chapterId)).run();
      tx.delete(s.chapterQuestions).where(eq(s.chapterQuestions.chapterId, chapterId)).run();
      [...new Set(practiceIds)]
        .filter((id) => okPractices.has(id))
        .forEach((practiceId, position) => tx.insert(s.chapterPractices).values({ chapterId, practiceId, position }).run());
      [...new Set(questionIds)]
        .filter((id) => okQuestions.has(id))
        .forEach((questionId, position) => tx.insert(s.chapterQuestions).values({ chapterId, questionId, position }).run());
      tx.update(s.toolkits).set({ origin: "app", contentHash: null, updatedAt: new Date() }).where(eq(s.toolkits.id, chapter.toolkitId)).run();
      recordChanges(db, [entityKey("chapter", chapterId), entityKey("toolkit", chapter.toolkitId)]);
    },
    { behavior: "immediate" },
  );
  invalidateCaches();
}

/** A curator's choice of featured items of one kind, audited. */
export function saveFeatured(db: DB, actor: { id: number; ip: string }, value: { kind: Featurable; featured: number[] }): void {
  const { changed } = setFeatured(db, value.kind, value.featured);
  audit(db, {
    actorId: actor.id,
    action: "curate.featured",
    outcome: "ok",
    targetType: value.kind,
    ip: actor.ip,
    detail: { featured: value.featured.length, changed },
  });
}

/** A curator's choice of a chapter's links, audited; false when the chapter does not exist. */
export function saveChapterLinks(db: DB, actor: { id: number; ip: string }, chapterId: number, value: { practices: number[]; questions: number[] }): boolean {
  if (!chapterLinks(db, chapterId)) return false;
  setChapterLinks(db, chapterId, value.practices, value.questions);
  audit(db, {
    actorId: actor.id,
    action: "curate.chapter_links",
    outcome: "ok",
    targetType: "chapter",
    targetId: chapterId,
    ip: actor.ip,
    detail: { practices: value.practices.length, questions: value.questions.length },
  });
  return true;
}
