import { foldWords } from './terms.js';
/** `needle` as whole words inside `hay`, both folded to space-separated words. */
function containsWords(hay, needle) {
    return ` ${hay.join(' ')} `.includes(` ${needle.join(' ')} `);
}
function inRange(year, r) {
    return (r.min === undefined || year >= r.min) && (r.max === undefined || year <= r.max);
}
/** The entry's searchable text: each field apart, so a phrase never runs from one into the next. */
function textFields(e) {
    return [e.name, e.title, e.summary ?? '', ...(e.tags ?? [])].map(foldWords);
}
/** `needle` inside `hay`, both folded to space-separated words: `resampl` finds Resampler. */
function includesText(hay, needle) {
    return hay.join(' ').includes(needle.join(' '));
}
function matchesNeedle(fields, n) {
    if (n.phrase)
        return fields.some((f) => includesText(f, n.words));
    return n.words.every((w) => fields.some((f) => includesText(f, [w])));
}
function holds(term, e) {
    switch (term.field) {
        case 'category':
            return term.values.includes(e.category);
        case 'subcategory':
            return e.subcategory !== undefined && term.values.includes(e.subcategory);
        case 'modality':
            return term.values.some((v) => (e.modalities ?? []).includes(v));
        case 'tag':
            return term.values.some((v) => (e.tags ?? []).includes(v));
        case 'builds-on':
            return term.values.some((v) => (e.builds_on ?? []).includes(v));
        case 'llm':
            return term.values.some((v) => (e.llm ?? []).some((name) => includesText(foldWords(name), foldWords(v))));
        case 'venue':
            return e.venue !== undefined && term.values.some((v) => includesText(foldWords(e.venue), foldWords(v)));
        case 'author':
            // Whole words, so that `li` finds Junnan Li but not Lin Song.
            return term.values.some((v) => e.authors.some((a) => containsWords(foldWords(a), foldWords(v))));
        case 'year':
            return term.ranges.some((r) => inRange(e.year, r));
        case 'has-code':
            return term.values.includes(e.code !== undefined);
        case 'text': {
            const fields = textFields(e);
            return term.needles.some((n) => matchesNeedle(fields, n));
        }
    }
}
/** The predicate of some criteria: true for entries every term holds for. */
export function compileFilter(criteria) {
    return (e) => criteria.terms.every((t) => holds(t, e) !== t.negate);
}
/** The entries that meet the criteria, in their given order. */
export function applyFilter(entries, criteria) {
    return entries.filter(compileFilter(criteria));
}
