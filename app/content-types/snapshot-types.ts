/**
 * The whole editable state of an item, as stored in a revision: plain JSON. Each type's snapshot is
 * defined in its module (practice.ts, answer.ts, city.ts, organisation.ts); this file gathers them.
 */
export type SourceRow = { title: string; url: string };

export type { PracticeSnapshot, PracticeText } from "./practice.ts";
export type { AnswerSnapshot, AnswerText } from "./answer.ts";
export type { CitySnapshot, CityText } from "./city.ts";
export type { OrganisationSnapshot, OrganisationText } from "./organisation.ts";
import type { PracticeSnapshot } from "./practice.ts";
import type { AnswerSnapshot } from "./answer.ts";
import type { CitySnapshot } from "./city.ts";
import type { OrganisationSnapshot } from "./organisation.ts";

export type Snapshot = PracticeSnapshot | AnswerSnapshot | CitySnapshot | OrganisationSnapshot;
