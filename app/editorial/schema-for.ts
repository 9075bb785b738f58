import type { EditableType } from "#db/schema/editorial.ts";
import { answerSchema, answerTranslationSchema } from "#app/content-types/answer.ts";
import { citySchema, cityTranslationSchema } from "#app/content-types/city.ts";
import type { Vocab } from "#app/content-types/fields.ts";
import { organisationSchema, organisationTranslationSchema } from "#app/content-types/organisation.ts";
import { practiceSchema, practiceTranslationSchema } from "#app/content-types/practice.ts";

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
