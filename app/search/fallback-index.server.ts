import type { DB } from "#db/client.ts";
import { LANGUAGES } from "#app/i18n/languages.ts";
import { buildDocument, CONTENT_TYPES, parseEntityKey, type SearchDocument } from "./documents.server.ts";

/**
 * FTS5 rows of an entity get rowids from its key, so replacing them is a rowid range delete:
 * `entity` is UNINDEXED, and deleting by it would scan the whole table for every change.
 */
export function ftsRowidRange(key: string): [number, number] | null {
  const parsed = parseEntityKey(key);
  if (!parsed) return null;
  const base = (CONTENT_TYPES.indexOf(parsed.type) * 100_000_000 + parsed.id) * 8;
  return [base, base + 7];
}
import { FACET_FIELDS } from "./facets.ts";

/**
 * Keeps the SQLite fallback (FTS5 text + facet rows) in step with the content. Called inside the
 * same transaction as the content change, so the fallback can never disagree with the database.
 */
export function refreshFallback(db: DB, keys: Iterable<string>): void {
  const c = db.$client;
  // Point deletes: FTS5 plans a rowid range on DELETE as a scan, equality as a lookup.
  const delFts = c.prepare("DELETE FROM search_fts WHERE rowid = ?");
  const delEntity = c.prepare("DELETE FROM search_entities WHERE entity = ?");
  const has = c.prepare("SELECT 1 FROM search_entities WHERE entity = ?");
  const insEntity = c.prepare("INSERT INTO search_entities (entity, type, document, date, languages) VALUES (?, ?, ?, ?, ?)");
  const insFacet = c.prepare("INSERT OR IGNORE INTO search_entity_facets (entity, facet, value) VALUES (?, ?, ?)");
  const insFts = c.prepare("INSERT INTO search_fts (rowid, entity, lang, title, summary, body, labels) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const key of keys) {
    const range = ftsRowidRange(key);
    if (!range) continue;
    // FTS rows exist only beside an entity row (both are written together): skip the delete when new.
    if (has.get(key)) {
      for (let rowid = range[0]; rowid <= range[1]; rowid++) delFts.run(rowid);
      delEntity.run(key);
    }
    const doc = buildDocument(db, key);
    if (!doc) continue;
    insEntity.run(key, doc.type, JSON.stringify(doc), doc.date, `,${doc.languages.join(",")},`);
    for (const field of FACET_FIELDS) {
      for (const value of facetValues(doc, field)) insFacet.run(key, field, value);
    }
    for (const [i, lang] of LANGUAGES.entries()) {
      if (!doc[`has_${lang}`]) continue;
      insFts.run(range[0] + i, key, lang, doc[`title_${lang}`] ?? "", doc[`summary_${lang}`] ?? "", doc[`body_${lang}`] ?? "", doc.labels.join(" "));
    }
  }
}

export function facetValues(doc: SearchDocument, field: (typeof FACET_FIELDS)[number]): string[] {
  const value = doc[field];
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
