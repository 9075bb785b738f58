import { z } from "zod";
import { LANGUAGES, type Language } from "#app/i18n/languages.ts";
import { LIMITS, markdown, multiline, pick, sources } from "./fields.ts";
import { language, sources as fileSources, status } from "./file-fields.ts";
import type { SourceRow } from "./snapshot-types.ts";

/** Answers, the part the browser shares: snapshot, edit form schema, form ↔ snapshot (storage in answer.server.ts). */

export type AnswerText = { summary: string; bodyMd: string };
export type AnswerSnapshot = {
  questionId: number;
  cityId: number;
  originalLanguage: Language;
  sources: SourceRow[];
  translations: Partial<Record<Language, AnswerText>>;
};

export function answerSchema(create?: { questions: [string, ...string[]]; cities: [string, ...string[]] }) {
  return z.object({
    ...(create ? { question: pick(create.questions), city: pick(create.cities), language: pick(LANGUAGES) } : {}),
    summary: multiline(LIMITS.summary),
    body: markdown(),
    sources: sources(),
  });
}

export const answerTranslationSchema = z.object({ summary: multiline(LIMITS.summary), body: markdown() });

export function answerFromForm(
  f: { summary: string; body: string; sources: SourceRow[] },
  base: Pick<AnswerSnapshot, "questionId" | "cityId" | "originalLanguage" | "translations">,
): AnswerSnapshot {
  return {
    questionId: base.questionId,
    cityId: base.cityId,
    originalLanguage: base.originalLanguage,
    sources: f.sources.map((x) => ({ title: x.title, url: x.url })),
    translations: { ...base.translations, [base.originalLanguage]: { summary: f.summary, bodyMd: f.body } },
  };
}

export function answerToForm(a: AnswerSnapshot, lang: Language = a.originalLanguage) {
  const t = a.translations[lang];
  return { summary: t?.summary ?? "", body: t?.bodyMd ?? "", sources: a.sources };
}

// Content files (toolkit-content/): the same type as a file writes it; the import maps it to a snapshot.

export const answerFileSchema = z
  .object({
    language,
    summary: multiline(LIMITS.summary),
    sources: fileSources.min(1, "an answer needs at least one source"),
    status: status,
  })
  .strict();
export const answerFileTranslationSchema = z.object({ summary: multiline(LIMITS.summary) }).strict();
