import type { EditableType } from "#db/schema/editorial.ts";
import { answerSchema, answerTranslationSchema, citySchema, cityTranslationSchema, practiceSchema, practiceTranslationSchema, type Vocab } from "./forms.ts";

/** The edit form's schema for a type: the same call on the server and in the browser. */
export function editSchema(type: EditableType, vocab: Vocab | null) {
  if (type === "practice") return practiceSchema(vocab ?? { themes: [], questionTypes: [], udhrArticles: [], sdgs: [], organisations: [] });
  if (type === "answer") return answerSchema();
  return citySchema;
}

export function translationSchema(type: EditableType) {
  return type === "practice" ? practiceTranslationSchema : type === "answer" ? answerTranslationSchema : cityTranslationSchema;
}
