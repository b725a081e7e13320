import { orderFields, SCHEMA_ID } from '../core/schema-def.js';
import { compareEntryIds } from '../core/text.js';
/** An entry as exports carry it: canonical key order, without `sources` (a reviewer's aid, not data). */
function exportedFields(entry) {
    const out = orderFields(entry);
    delete out.sources;
    return out;
}
/** Render entries as `{"$schema": SCHEMA_ID, "entries": [...]}`, sorted by id. */
export function renderJsonExport(entries) {
    const sorted = [...entries].sort(compareEntryIds);
    return JSON.stringify({ $schema: SCHEMA_ID, entries: sorted.map(exportedFields) }, null, 2) + '\n';
}
