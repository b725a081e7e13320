import { isPlainId, LOCATOR_FIELDS, orderFields, REQUIRED_FIELDS } from '../core/schema-def.js';
export { isPlainId };
import { slugify } from '../core/text.js';
/** Merge layers of partial entries; a later layer's fields win. */
export function mergePartials(...layers) {
    const out = {};
    for (const layer of layers) {
        for (const [key, value] of Object.entries(layer))
            if (value !== undefined)
                out[key] = value;
    }
    return out;
}
/**
 * The method's name when a title starts with one, as in "BLIP-2: Bootstrapping…":
 * a short lead (at most three words, 30 characters) before the first colon.
 */
export function guessName(title) {
    const m = title ? /^([^:]{1,30}):\s/.exec(title) : null;
    if (!m)
        return undefined;
    const lead = m[1].trim();
    return lead.split(/\s+/).length <= 3 && /[A-Za-z0-9]/.test(lead) ? lead : undefined;
}
/** Fill what can be derived: the name from the title, the id from the name, `added` from today. */
export function completePartial(partial, today) {
    const name = partial.name ?? guessName(partial.title);
    const id = partial.id ?? (name !== undefined ? slugify(name) : undefined);
    return mergePartials({ added: today }, partial, { name, id });
}
/** Required fields still missing, in schema order; `arxiv|doi|url` stands for "one locator". */
export function missingFields(partial) {
    const record = partial;
    // Without a name the id is missing only for want of it: name the name alone.
    const missing = REQUIRED_FIELDS.filter((f) => isEmpty(record[f]) && !(f === 'id' && isEmpty(record.name)));
    if (LOCATOR_FIELDS.every((f) => isEmpty(record[f])))
        missing.push(LOCATOR_FIELDS.join('|'));
    return missing;
}
function isEmpty(v) {
    return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}
/** The partial entry as a complete Entry, keys in schema order (call after missingFields is empty). */
export function toEntry(partial) {
    return orderFields(partial);
}
/** Today's date as YYYY-MM-DD (UTC). */
export function isoDate(now) {
    return now.toISOString().slice(0, 10);
}
