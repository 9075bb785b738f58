import type { EditableType } from "#db/schema/index.ts";
import type { ContentType, SearchDocument } from "#app/search/document-shape.ts";
import type { AnswerSnapshot, CitySnapshot, OrganisationSnapshot, PracticeSnapshot, Snapshot } from "./snapshot-types.ts";
import type { HtmlOf, Owner, Tx } from "./store-helpers.server.ts";
import * as answer from "./answer.server.ts";
import * as city from "./city.server.ts";
import * as organisation from "./organisation.server.ts";
import * as practice from "./practice.server.ts";
import * as question from "./question.server.ts";
import * as toolkit from "./toolkit.server.ts";

/**
 * The registry of content types (issue 8): one definition per type, used by the content import,
 * the editor, search and (later) the API. A type's module holds its reader and writer (snapshot ↔
 * tables, through drizzle), its content-file mapping, its public path and its search document.
 */

/** What search needs of every searchable type. */
export type Searchable = {
  searchDocument(db: Tx, id: number): SearchDocument | null;
  allIds(db: Tx): number[];
  /** Search keys of other items whose documents embed this one (names, titles, labels). */
  dependents(db: Tx, id: number): string[];
};

/** What the editor and the import need of a type whose items are edited as snapshots. */
export type Editable<S extends Snapshot> = Searchable & {
  read(db: Tx, id: number): S | null;
  apply(db: Tx, id: number, snap: S, htmlOf: HtmlOf, owner: Owner): void;
};

export const SEARCHABLE: Record<ContentType, Searchable> = { practice, answer, city, organisation, question, toolkit, chapter: toolkit.chapter };

type EditableSnapshots = { practice: PracticeSnapshot; answer: AnswerSnapshot; city: CitySnapshot; organisation: OrganisationSnapshot };
export const EDITABLE: { [T in EditableType]: Editable<EditableSnapshots[T]> } = { practice, answer, city, organisation };

/** The editable definition of a type, for code that holds the type as a value. */
export const editable = (type: EditableType) => EDITABLE[type] as unknown as Editable<Snapshot>;

export { answer, city, organisation, practice, question, toolkit };
