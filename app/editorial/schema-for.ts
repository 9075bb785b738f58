import type { EditableType } from "#db/schema/editorial.ts";
import {
  answerSchema,
  answerTranslationSchema,
  citySchema,
  cityTranslationSchema,
  organisationSchema,
  organisationTranslationSchema,
  practiceSchema,
  practiceTranslationSchema,
  type Vocab,
} from "./forms.ts";

/** The edit form's schema for a type: the same call on the server and in the browser. */
export function editSchema(type: EditableType, vocab: Vocab | null) {
  if (type === "practice") return practiceSchema(vocab ?? { themes: [], questionTypes: [], udhrArticles: [], sdgs: [], organisations: [] });
  if (type === "answer") return answerSchema();
  if (type === "organisation") return organisationSchema(vocab?.themes ?? []);
  return citySchema;
}

export function translationSchema(type: EditableType) {
  return { practice: practiceTranslationSchema, answer: answerTranslationSchema, city: cityTranslationSchema, organisation: organisationTranslationSchema }[
    type
  ];
}
