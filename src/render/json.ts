/** JSON for scripts: the entries as they are, keys in schema order, with the schema they follow. */
import type { Entry } from '../core/entry.js';
import { orderFields, SCHEMA_ID } from '../core/schema-def.js';
import { compareEntryIds } from '../core/text.js';

/** An entry as exports carry it: canonical key order, without `sources` (a reviewer's aid, not data). */
function exportedFields(entry: Entry): Record<string, unknown> {
  const out = orderFields(entry);
  delete out.sources;
  return out;
}

/** Render entries as `{"$schema": SCHEMA_ID, "entries": [...]}`, sorted by id. */
export function renderJsonExport(entries: readonly Entry[]): string {
  return [...jsonExportChunks(entries)].join('');
}

/**
 * renderJsonExport's text an entry at a time, so it can be written as it is made (#13): the same bytes
 * as JSON.stringify({ $schema, entries }, null, 2), each entry indented as it would be inside.
 */
export function* jsonExportChunks(entries: readonly Entry[]): Generator<string, void, undefined> {
  const sorted = [...entries].sort(compareEntryIds);
  const head = `{\n  "$schema": ${JSON.stringify(SCHEMA_ID)},\n  "entries": `;
  if (sorted.length === 0) {
    yield `${head}[]\n}\n`;
    return;
  }
  for (let i = 0; i < sorted.length; i++) {
    const entry = JSON.stringify(exportedFields(sorted[i]!), null, 2).replaceAll('\n', '\n    ');
    yield `${i === 0 ? `${head}[\n` : ',\n'}    ${entry}${i === sorted.length - 1 ? '\n  ]\n}\n' : ''}`;
  }
}
