import { z } from "zod";
import { idList, pick } from "#app/utils/form-schema.ts";

/**
 * The curation forms: which items the home page features (one form per kind), and which practices
 * and questions a toolkit chapter points to. Ids that are not published items are ignored by the
 * model; ids that are not ids at all are an error.
 */
export const FEATURABLE = ["practice", "question", "toolkit"] as const;
export type Featurable = (typeof FEATURABLE)[number];

export const featuredSchema = z.object({ kind: pick(FEATURABLE), featured: idList() });
export const chapterLinksSchema = z.object({ practices: idList(), questions: idList() });
