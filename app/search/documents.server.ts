import type { DB } from "#db/client.ts";
import { SEARCHABLE } from "#app/content-types/registry.server.ts";
import { CONTENT_TYPES, entityKey, parseEntityKey, type SearchDocument } from "./document-shape.ts";

/**
 * Search documents come from the registry of content types: each type builds its own document
 * from the database through drizzle (app/content-types/*.server.ts). This module only dispatches.
 */
export { CONTENT_TYPES, entityKey, htmlToText, parseEntityKey, type ContentType, type SearchDocument } from "./document-shape.ts";

/** The current search document of an entity, or null when it must not be searchable (unpublished or gone). */
export function buildDocument(db: DB, key: string): SearchDocument | null {
  const parsed = parseEntityKey(key);
  return parsed ? SEARCHABLE[parsed.type].searchDocument(db, parsed.id) : null;
}

/** Every entity that exists in the database (published or not): the candidates for the index. */
export function allEntityKeys(db: DB): string[] {
  return CONTENT_TYPES.flatMap((type) => SEARCHABLE[type].allIds(db).map((id) => entityKey(type, id)));
}

/** Entities whose documents embed something of this entity (names, titles, labels) and must follow it. */
export function dependentKeys(db: DB, key: string): string[] {
  const parsed = parseEntityKey(key);
  return parsed ? SEARCHABLE[parsed.type].dependents(db, parsed.id) : [];
}
