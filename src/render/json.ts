/** JSON for scripts: the entries as they are, keys in schema order, with the schema they follow. */
import type { Entry } from '../core/entry.js';
import { orderFields, SCHEMA_ID } from '../core/schema-def.js';
import { compareEntryIds } from '../core/text.js';

/** Render entries as `{"$schema": SCHEMA_ID, "entries": [...]}`, sorted by id. */
export function renderJsonExport(entries: readonly Entry[]): string {
  const sorted = [...entries].sort(compareEntryIds);
  return JSON.stringify({ $schema: SCHEMA_ID, entries: sorted.map(orderFields) }, null, 2) + '\n';
}
