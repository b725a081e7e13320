/** The schema file that entries' first line points at, copied beside a catalogue that lacks it (#14). */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_LINE } from '../core/schema-def.js';
import { writeNewFile } from './write-entry.js';
/** The schema shipped inside the package. */
export const PACKAGED_SCHEMA = fileURLToPath(new URL('../../schema/entry.schema.json', import.meta.url));
/** Where the schema line of an entry in `entriesDir` points (`../schema/entry.schema.json` from it). */
export function schemaPathFor(entriesDir) {
    const relative = SCHEMA_LINE.slice(SCHEMA_LINE.indexOf('$schema=') + '$schema='.length);
    return path.resolve(entriesDir, relative);
}
/**
 * Make the entries' schema line resolve: copy the packaged schema to where it points when nothing is
 * there. Returns the path written, or undefined when a file was already there (it is never replaced).
 */
export function ensureSchemaFor(entriesDir) {
    const target = schemaPathFor(entriesDir);
    if (existsSync(target))
        return undefined;
    mkdirSync(path.dirname(target), { recursive: true });
    writeNewFile(target, readFileSync(PACKAGED_SCHEMA, 'utf8'), target);
    return target;
}
