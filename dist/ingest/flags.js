/** `add`'s field flags, one per field of the entry format, to a partial entry. */
import { FIELDS, FIELD_ORDER } from '../core/schema-def.js';
import { UsageError } from '../core/errors.js';
import { findArxivId, normalizeDoi } from './locators.js';
// List fields take a singular flag that repeats (--author A --author B).
const SINGULAR = { authors: 'author', modalities: 'modality', tags: 'tag', sources: 'source' };
/** The field flags in schema order, with the schema's help text. */
export const FIELD_FLAGS = FIELD_ORDER.map((field) => {
    const def = FIELDS[field];
    const list = def.type === 'array';
    return {
        field,
        flag: SINGULAR[field] ?? field.replace(/_/g, '-'),
        list,
        // Author names may hold a comma ("Liu, Haotian") and so may a URL, so --author and --source never split.
        commaList: list && field !== 'authors' && field !== 'sources',
        description: def.description,
    };
});
/** Turn flag values into a partial entry; a malformed year or an empty value is a usage error. */
export function flagsToPartial(values) {
    const out = {};
    for (const spec of FIELD_FLAGS) {
        const raw = values[spec.field];
        if (raw === undefined)
            continue;
        if (spec.list) {
            const items = (Array.isArray(raw) ? raw : [raw])
                .flatMap((v) => (spec.commaList ? v.split(',') : [v]))
                .map((v) => v.replace(/\s+/g, ' ').trim());
            if (items.some((v) => v === ''))
                throw new UsageError(`--${spec.flag} needs a non-empty value`);
            out[spec.field] = spec.commaList ? [...new Set(items)] : items.map(givenNameFirst);
            continue;
        }
        const value = (Array.isArray(raw) ? raw[raw.length - 1] : raw).trim();
        if (value === '')
            throw new UsageError(`--${spec.flag} needs a non-empty value`);
        out[spec.field] = convert(spec.field, value);
    }
    return out;
}
/** "Liu, Haotian" as "Haotian Liu", and "King, Jr., Martin" as "Martin King Jr." (BibTeX's forms). */
export function givenNameFirst(name) {
    const parts = name.split(',').map((p) => p.trim());
    if (parts.length === 2 && parts[0] && parts[1])
        return `${parts[1]} ${parts[0]}`;
    if (parts.length === 3 && parts[0] && parts[1] && parts[2])
        return `${parts[2]} ${parts[0]} ${parts[1]}`;
    return name;
}
function convert(field, value) {
    switch (field) {
        case 'year':
            if (!/^\d{4}$/.test(value))
                throw new UsageError(`--year must be a four-digit year; got "${value}"`);
            return Number(value);
        case 'arxiv':
            // Accept arXiv:ID and abstract-page URLs; anything else is kept for validation to report.
            return findArxivId(value) ?? value;
        case 'doi':
            return normalizeDoi(value) ?? value;
        default:
            return value;
    }
}
