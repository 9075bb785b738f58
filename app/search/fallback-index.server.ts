import type { DB } from "#db/client.ts";
import { LANGUAGES } from "#app/i18n/languages.ts";
import { buildDocument, type SearchDocument } from "./documents.server.ts";
import { FACET_FIELDS } from "./facets.ts";

/**
 * Keeps the SQLite fallback (FTS5 text + facet rows) in step with the content. Called inside the
 * same transaction as the content change, so the fallback can never disagree with the database.
 */
export function refreshFallback(db: DB, keys: Iterable<string>): void {
  const c = db.$client;
  const delFts = c.prepare("DELETE FROM search_fts WHERE entity = ?");
  const delEntity = c.prepare("DELETE FROM search_entities WHERE entity = ?");
  const insEntity = c.prepare("INSERT INTO search_entities (entity, type, document, date, languages) VALUES (?, ?, ?, ?, ?)");
  const insFacet = c.prepare("INSERT OR IGNORE INTO search_entity_facets (entity, facet, value) VALUES (?, ?, ?)");
  const insFts = c.prepare("INSERT INTO search_fts (entity, lang, title, summary, body, labels) VALUES (?, ?, ?, ?, ?, ?)");
  for (const key of keys) {
    delFts.run(key);
    delEntity.run(key);
    const doc = buildDocument(db, key);
    if (!doc) continue;
    insEntity.run(key, doc.type, JSON.stringify(doc), doc.date, `,${doc.languages.join(",")},`);
    for (const field of FACET_FIELDS) {
      for (const value of facetValues(doc, field)) insFacet.run(key, field, value);
    }
    for (const lang of LANGUAGES) {
      if (!doc[`has_${lang}`]) continue;
      insFts.run(key, lang, doc[`title_${lang}`] ?? "", doc[`summary_${lang}`] ?? "", doc[`body_${lang}`] ?? "", doc.labels.join(" "));
    }
  }
}

export function facetValues(doc: SearchDocument, field: (typeof FACET_FIELDS)[number]): string[] {
  const value = doc[field];
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
