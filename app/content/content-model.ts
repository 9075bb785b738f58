import type { z } from "zod";
import type { Language, Vocabulary } from "#db/schema/index.ts";
import type {
  chapterFileSchema,
  questionFileSchema,
  questionTranslationSchema,
  taxonomyFileSchema,
  titledTranslationSchema,
  toolkitFileSchema,
} from "./schemas.server.ts";
import type { answerFileSchema, answerFileTranslationSchema } from "#app/content-types/answer.ts";
import type { cityFileSchema, cityFileTranslationSchema } from "#app/content-types/city.ts";
import type { organisationFileSchema, organisationFileTranslationSchema } from "#app/content-types/organisation.ts";
import type { practiceFileSchema, practiceFileTranslationSchema } from "#app/content-types/practice.ts";

export type Translation<T> = { lang: Language; file: string; data: T; body: string };
export type Item<T, U> = { slug: string; file: string; data: T; body: string; translations: Translation<U>[] };
/** A file that failed validation: kept so references to it don't cascade into more errors. */
export type Broken = { slug: string; file: string; raw: Record<string, unknown> };

export type TaxonomyTerm = z.output<typeof taxonomyFileSchema>[number];
export type CityItem = Item<z.output<typeof cityFileSchema>, z.output<typeof cityFileTranslationSchema>>;
export type OrganisationItem = Item<z.output<typeof organisationFileSchema>, z.output<typeof organisationFileTranslationSchema>>;
export type PracticeItem = Item<z.output<typeof practiceFileSchema>, z.output<typeof practiceFileTranslationSchema>>;
export type QuestionItem = Item<z.output<typeof questionFileSchema>, z.output<typeof questionTranslationSchema>>;
export type AnswerItem = Item<z.output<typeof answerFileSchema>, z.output<typeof answerFileTranslationSchema>> & {
  question: string;
  city: string;
};
export type ChapterItem = Item<z.output<typeof chapterFileSchema>, z.output<typeof titledTranslationSchema>> & {
  position: number;
};
export type ToolkitItem = Item<z.output<typeof toolkitFileSchema>, z.output<typeof titledTranslationSchema>> & {
  chapters: ChapterItem[];
};

export type ContentModel = {
  taxonomies: Map<Vocabulary, TaxonomyTerm[]>;
  /** Groups of taxonomies/synonyms.yaml, in file order; empty when the file is absent. */
  synonyms: string[][];
  cities: CityItem[];
  organisations: OrganisationItem[];
  practices: PracticeItem[];
  questions: QuestionItem[];
  answers: AnswerItem[];
  toolkits: ToolkitItem[];
};
