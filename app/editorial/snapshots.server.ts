import { and, eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";
import type { EditableType, Language } from "#db/schema/index.ts";
import { answer, EDITABLE, editable, organisation, practice } from "#app/content-types/registry.server.ts";
import { upgrade } from "#app/content-types/city.server.ts";
import { bodyHtml, type RenderedBodies } from "./rendered-bodies.server.ts";
import type { AnswerSnapshot, CitySnapshot, PracticeSnapshot, Snapshot } from "#app/content-types/snapshot-types.ts";

/**
 * The editor's side of the registry (app/content-types): snapshots are read and written by each
 * type's definition; here they get the editor's owner ("app") and the bodies rendered in the pool.
 */
type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

export const readPractice = (db: Tx, id: number): PracticeSnapshot | null => EDITABLE.practice.read(db, id);
export const readAnswer = (db: Tx, id: number): AnswerSnapshot | null => EDITABLE.answer.read(db, id);
export const readCity = (db: Tx, id: number): CitySnapshot | null => EDITABLE.city.read(db, id);

/** A snapshot as stored in a revision, brought to the current shape (older city snapshots get their claims from the plain values). */
export function currentSnapshot(type: EditableType, snap: Snapshot): Snapshot {
  return type === "city" ? upgrade(snap as CitySnapshot) : snap;
}

export function readSnapshot(db: Tx, type: EditableType, id: number): Snapshot | null {
  return editable(type).read(db, id);
}

const TRANSLATION_OF = {
  practice: [s.practiceTranslations, s.practiceTranslations.practiceId],
  answer: [s.answerTranslations, s.answerTranslations.answerId],
  city: [s.cityTranslations, s.cityTranslations.cityId],
  organisation: [s.organisationTranslations, s.organisationTranslations.organisationId],
} as const;

/** The body as the public tables hold it, with its rendered HTML (null when there is no such translation). */
export function storedBody(db: Tx, type: EditableType, id: number, lang: Language): { bodyMd: string; bodyHtml: string } | null {
  const [table, idColumn] = TRANSLATION_OF[type];
  return (
    db
      .select({ bodyMd: table.bodyMd, bodyHtml: table.bodyHtml })
      .from(table)
      .where(and(eq(idColumn, id), eq(table.lang, lang)))
      .get() ?? null
  );
}

/** Writes a snapshot into the public tables (which only show it once the item is published). */
export function applySnapshot(db: Tx, type: EditableType, id: number, snap: Snapshot, html: RenderedBodies): void {
  editable(type).apply(db, id, currentSnapshot(type, snap), (md) => bodyHtml(html, md), { origin: "app" });
}

/** Creates a draft owned by the app (a practice, an answer or an organisation), then writes the snapshot into it. */
export function insertDraft(db: Tx, type: Creatable, snap: Snapshot, html: RenderedBodies): number {
  return CREATE[type](db, snap as never, (md: string) => bodyHtml(html, md), { origin: "app" });
}
export type Creatable = "practice" | "answer" | "organisation";
const CREATE = { practice: practice.create, answer: answer.create, organisation: organisation.create };
