import { DataError } from './core/errors.js';
import { withSuggestion } from './core/suggest.js';
import { quoteInput, slugify } from './core/text.js';
/** Build a catalogue from validated entries. */
export function buildCatalogue(sourced) {
    const byId = new Map();
    const fileOf = new Map();
    const builtOnBy = new Map();
    for (const { entry, file } of sourced) {
        byId.set(entry.id, entry);
        fileOf.set(entry.id, file);
    }
    for (const { entry } of sourced) {
        for (const target of entry.builds_on ?? []) {
            const list = builtOnBy.get(target) ?? [];
            list.push(entry.id);
            builtOnBy.set(target, list);
        }
    }
    for (const list of builtOnBy.values())
        list.sort();
    return { entries: sourced.map((s) => s.entry), byId, fileOf, builtOnBy };
}
/** Entries sorted by year then name, or by name then year. */
export function sortEntries(entries, key) {
    const byName = (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
    return [...entries].sort((a, b) => (key === 'year' ? a.year - b.year || byName(a, b) : byName(a, b) || a.year - b.year));
}
/** The entry with this id, or whose name is this (`show LLaVA-1.5`); a DataError suggesting ids otherwise. */
export function findEntry(catalogue, key) {
    const exact = catalogue.byId.get(key) ?? catalogue.byId.get(slugify(key));
    if (exact)
        return exact;
    throw new DataError(unknownIdMessage(key, catalogue.byId.keys()));
}
/** Why `id` names no entry, with the closest ids: the one wording for `show`, `--builds-on` and the rest. */
export function unknownIdMessage(id, ids) {
    return withSuggestion(`no entry ${quoteInput(id)} in the catalogue`, id, ids, { limit: 3, otherwise: 'run `mllm-align list --format ids` to see the ids' });
}
