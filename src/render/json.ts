/** JSON for scripts: the entries as they are, keys in schema order, with the schema they follow. */
import type { Entry } from '../core/entry.js';
import { FIELD_ORDER, SCHEMA_ID } from '../core/schema-def.js';

/** An entry with its keys in canonical order. */
function ordered(entry: Entry): Record<string, unknown> {
  const record = entry as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (record[key] !== undefined) out[key] = record[key];
  return out;
}

/** Render entries as `{"$schema": SCHEMA_ID, "entries": [...]}`, sorted by id. */
export function renderJsonExport(entries: readonly Entry[]): string {
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify({ $schema: SCHEMA_ID, entries: sorted.map(ordered) }, null, 2) + '\n';
}
