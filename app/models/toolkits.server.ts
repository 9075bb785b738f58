import { and, asc, eq, inArray } from "drizzle-orm";
import type { Language } from "#app/i18n/languages.ts";
import { getDb } from "#app/utils/db.server.ts";
import { chapterCities, chapterPractices, chapterQuestions, chapterTranslations, toolkitChapters, toolkits, toolkitTranslations } from "#db/schema/index.ts";
import { cityNames } from "./cities.server.ts";
import { groupBy, pickTranslation } from "./localize.server.ts";
import { listPractices } from "./practices.server.ts";
import { listQuestions } from "./questions.server.ts";
import { listSources } from "./sources.server.ts";

export function listToolkits(lang: Language, filter: { featured?: boolean } = {}) {
  const db = getDb();
  const where = [eq(toolkits.status, "published")];
  if (filter.featured) where.push(eq(toolkits.featured, true));
  const rows = db
    .select()
    .from(toolkits)
    .where(and(...where))
    .orderBy(asc(toolkits.id))
    .all();
  if (!rows.length) return [];
  const ids = rows.map((t) => t.id);
  const translations = groupBy(db.select().from(toolkitTranslations).where(inArray(toolkitTranslations.toolkitId, ids)).all(), (r) => r.toolkitId);
  const chapters = groupBy(db.select().from(toolkitChapters).where(inArray(toolkitChapters.toolkitId, ids)).all(), (r) => r.toolkitId);
  return rows.map((t) => {
    const picked = pickTranslation(translations.get(t.id) ?? [], lang, t.originalLanguage)!;
    return {
      slug: t.slug,
      title: picked.text.title,
      summary: picked.text.summary,
      language: picked.language,
      curator: t.curator,
      chapterCount: chapters.get(t.id)?.length ?? 0,
    };
  });
}

function chaptersOf(toolkitId: number, lang: Language, original: Language) {
  const db = getDb();
  const rows = db.select().from(toolkitChapters).where(eq(toolkitChapters.toolkitId, toolkitId)).orderBy(asc(toolkitChapters.position)).all();
  const translations = groupBy(
    rows.length
      ? db
          .select()
          .from(chapterTranslations)
          .where(
            inArray(
              chapterTranslations.chapterId,
              rows.map((r) => r.id),
            ),
          )
          .all()
      : [],
    (r) => r.chapterId,
  );
  return rows.map((c, index) => {
    const picked = pickTranslation(translations.get(c.id) ?? [], lang, original)!;
    return {
      id: c.id,
      slug: c.slug,
      number: index + 1,
      title: picked.text.title,
      summary: picked.text.summary,
      bodyHtml: picked.text.bodyHtml,
      language: picked.language,
    };
  });
}

export function getToolkit(slug: string, lang: Language) {
  const db = getDb();
  const t = db
    .select()
    .from(toolkits)
    .where(and(eq(toolkits.slug, slug), eq(toolkits.status, "published")))
    .get();
  if (!t) return null;
  const picked = pickTranslation(db.select().from(toolkitTranslations).where(eq(toolkitTranslations.toolkitId, t.id)).all(), lang, t.originalLanguage);
  if (!picked) return null;
  return {
    id: t.id,
    slug: t.slug,
    title: picked.text.title,
    summary: picked.text.summary,
    bodyHtml: picked.text.bodyHtml,
    language: picked.language,
    curator: t.curator,
    chapters: chaptersOf(t.id, lang, t.originalLanguage).map(({ bodyHtml: _body, ...rest }) => rest),
    sources: listSources("toolkitId", t.id),
  };
}

export function getChapter(toolkitSlug: string, chapterSlug: string, lang: Language) {
  const db = getDb();
  const t = db
    .select()
    .from(toolkits)
    .where(and(eq(toolkits.slug, toolkitSlug), eq(toolkits.status, "published")))
    .get();
  if (!t) return null;
  const toolkitText = pickTranslation(db.select().from(toolkitTranslations).where(eq(toolkitTranslations.toolkitId, t.id)).all(), lang, t.originalLanguage);
  const chapters = chaptersOf(t.id, lang, t.originalLanguage);
  const index = chapters.findIndex((c) => c.slug === chapterSlug);
  const chapter = chapters[index];
  if (!chapter || !toolkitText) return null;
  const practiceIds = db
    .select()
    .from(chapterPractices)
    .where(eq(chapterPractices.chapterId, chapter.id))
    .orderBy(asc(chapterPractices.position))
    .all()
    .map((r) => r.practiceId);
  const questionIds = db
    .select()
    .from(chapterQuestions)
    .where(eq(chapterQuestions.chapterId, chapter.id))
    .orderBy(asc(chapterQuestions.position))
    .all()
    .map((r) => r.questionId);
  const cityIds = db
    .select()
    .from(chapterCities)
    .where(eq(chapterCities.chapterId, chapter.id))
    .orderBy(asc(chapterCities.position))
    .all()
    .map((r) => r.cityId);
  const inOrder = <T extends { id: number }>(ids: number[], items: T[]) => ids.map((id) => items.find((i) => i.id === id)).filter((i): i is T => Boolean(i));
  const names = cityNames(lang, cityIds);
  const nav = (c: (typeof chapters)[number] | undefined) => (c ? { slug: c.slug, title: c.title, number: c.number } : null);
  return {
    toolkit: { slug: t.slug, title: toolkitText.text.title, curator: t.curator },
    chapter,
    total: chapters.length,
    chapters: chapters.map(nav).filter((c) => c !== null),
    previous: nav(chapters[index - 1]),
    next: nav(chapters[index + 1]),
    practices: inOrder(practiceIds, listPractices(lang, { ids: practiceIds })),
    questions: inOrder(questionIds, listQuestions(lang, { ids: questionIds })),
    cities: cityIds.map((id) => names.get(id)).filter((c) => c !== undefined),
    sources: listSources("chapterId", chapter.id),
  };
}
