/**
 * The terms a selection is made of, shared by the query language and the command-line flags:
 * one term per `field:value` or flag; values within a term are alternatives (OR), terms all hold (AND).
 */
import { UsageError } from '../core/errors.js';
import { CATEGORIES, findCategory, MODALITY_IDS, SUBCATEGORY_IDS, unknownCategoryMessage } from '../core/taxonomy.js';
import { didYouMean, withSuggestion } from '../core/suggest.js';
import { foldText, listWords, quoteInput } from '../core/text.js';
/** A query or a flag value that cannot be understood (exit 2); `column` is 1-based in the query string. */
export class QueryError extends UsageError {
    column;
    suggested;
    name = 'QueryError';
    constructor(message, column, 
    /** Whether the message already suggests a correction. */
    suggested = false) {
        super(message);
        this.column = column;
        this.suggested = suggested;
    }
}
/** The query fields with the value they take and what they match, for help text and errors. */
export const QUERY_FIELDS = [
    { field: 'category', value: 'ID|NAME', help: `survey group: ${CATEGORIES.map((c) => c.id).join(', ')}, or its name` },
    { field: 'subcategory', value: 'ID', help: 'sub-group, e.g. projection, query-resampler' },
    { field: 'modality', value: 'ID', help: 'an aligned modality, e.g. video, audio, point-cloud' },
    { field: 'llm', value: 'NAME', help: 'part of a backbone LLM\'s name, e.g. vicuna' },
    { field: 'tag', value: 'TAG', help: 'a tag, exactly, e.g. instruction-tuning' },
    { field: 'venue', value: 'TEXT', help: 'part of the venue, e.g. neurips' },
    { field: 'author', value: 'NAME', help: 'an author\'s full or family name, e.g. liu, "haotian liu"' },
    { field: 'year', value: 'Y', help: 'year:2023, year>=2023, year<2024, year:2022..2023' },
    { field: 'since', value: 'Y', help: 'first posted in year Y or later' },
    { field: 'until', value: 'Y', help: 'first posted in year Y or earlier' },
    { field: 'builds-on', value: 'ID', help: 'extends this entry (directly)' },
    { field: 'has', value: 'code', help: 'has:code, a code repository is given (also code:yes, code:no)' },
    { field: 'text', value: 'WORDS', help: 'words in name, title, summary or tags (as plain words do)' },
];
/** Field names the query language accepts, canonical ones first. */
export const FIELD_NAMES = [...QUERY_FIELDS.map((f) => f.field), 'code'];
/** Other spellings people reach for. */
// A Map: `constructor:x` or `__proto__:x` must find nothing (issue #12, item 7).
const FIELD_ALIASES = new Map([
    ['categories', 'category'],
    ['cat', 'category'],
    ['subcategories', 'subcategory'],
    ['modalities', 'modality'],
    ['tags', 'tag'],
    ['authors', 'author'],
    ['llms', 'llm'],
    ['builds_on', 'builds-on'],
    ['buildson', 'builds-on'],
]);
/** The canonical name of a query field, or a QueryError naming the valid ones. */
export function resolveField(name, column) {
    const key = name.toLowerCase();
    if (FIELD_NAMES.includes(key))
        return key;
    const alias = FIELD_ALIASES.get(key);
    if (alias)
        return alias;
    const hint = didYouMean(key, FIELD_NAMES);
    throw new QueryError(withSuggestion(`unknown field ${quoteInput(name)}`, key, FIELD_NAMES, { then: `Fields: ${listWords(FIELD_NAMES)}` }), column, hint !== undefined);
}
const YEAR = /^\d{4}$/;
const COMPARISON = /^(<=|>=|<|>|=)?(.*)$/;
function parseYear(field, text, column) {
    if (!YEAR.test(text)) {
        throw new QueryError(`${field} needs a four-digit year such as 2023; got "${text}"`, column);
    }
    return Number(text);
}
/**
 * One year condition: `2023`, `>=2023`, `>2022`, `<2024`, `<=2023`, `=2023` or `2022..2023`
 * (either end of a range may be left open).
 */
export function parseYearRange(text, column) {
    const range = /^(\d*)\.\.(\d*)$/.exec(text);
    if (range) {
        const [, lo, hi] = range;
        if (!lo && !hi)
            throw new QueryError('a year range needs at least one end, e.g. 2022..2023', column);
        const r = {};
        if (lo)
            r.min = parseYear('year', lo, column);
        if (hi)
            r.max = parseYear('year', hi, column);
        if (r.min !== undefined && r.max !== undefined && r.min > r.max) {
            throw new QueryError(`year range ${text} is empty: ${r.min} is after ${r.max}`, column);
        }
        return r;
    }
    const [, op = '=', rest = ''] = COMPARISON.exec(text);
    if (/^[<>=]/.test(rest)) {
        throw new QueryError(`malformed year comparison "${text}"; write 2023, =2023, >2022, >=2023, <2024, <=2023 or 2022..2023`, column);
    }
    const y = parseYear('year', rest, column);
    switch (op) {
        case '>':
            return { min: y + 1 };
        case '>=':
            return { min: y };
        case '<':
            return { max: y - 1 };
        case '<=':
            return { max: y };
        default:
            return { min: y, max: y };
    }
}
function unknownValue(what, plural, value, valid, column) {
    return new QueryError(withSuggestion(`unknown ${what} ${quoteInput(value)}`, value, valid, { then: `Valid ${plural}: ${valid.join(', ')}` }), column);
}
/** Split a text value into folded words, the way the haystack is split. */
export function foldWords(text) {
    return foldText(text)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
}
const YES = ['yes', 'true', '1'];
const NO = ['no', 'false', '0'];
/**
 * Build a term from a field and its raw values, checking the values.
 * `field` is a canonical field name (see FIELD_NAMES); `phrase` marks quoted text.
 */
export function makeTerm(field, values, opts = {}) {
    const negate = Boolean(opts.negate);
    const column = opts.column;
    const phrases = values.map((v, i) => (Array.isArray(opts.phrase) ? Boolean(opts.phrase[i]) : Boolean(opts.phrase)));
    const kept = values.map((v, i) => ({ v: v.trim(), phrase: phrases[i] })).filter((x) => x.v !== '');
    const vals = kept.map((x) => x.v);
    if (vals.length === 0) {
        const wanted = QUERY_FIELDS.find((f) => f.field === field)?.value ?? 'VALUE';
        const example = wanted === 'Y' ? '2023' : wanted;
        throw new QueryError(`${field} needs a value, e.g. ${field}:${example}`, column);
    }
    switch (field) {
        case 'category':
            return {
                field,
                negate,
                values: vals.map((v) => {
                    const found = findCategory(v);
                    if (found)
                        return found.id;
                    // Same wording as `list --category`, so both commands fail alike.
                    throw new QueryError(unknownCategoryMessage(v), column);
                }),
            };
        case 'subcategory':
            return {
                field,
                negate,
                values: vals.map((v) => {
                    const k = v.toLowerCase();
                    if (SUBCATEGORY_IDS.includes(k))
                        return k;
                    throw unknownValue('subcategory', 'subcategories', v, SUBCATEGORY_IDS, column);
                }),
            };
        case 'modality':
            return {
                field,
                negate,
                values: vals.map((v) => {
                    const k = v.toLowerCase();
                    if (MODALITY_IDS.includes(k))
                        return k;
                    throw unknownValue('modality', 'modalities', v, MODALITY_IDS, column);
                }),
            };
        case 'tag':
        case 'builds-on':
            return { field, negate, values: vals.map((v) => v.toLowerCase()) };
        case 'llm':
        case 'venue':
        case 'author':
            return { field, negate, values: vals };
        case 'year':
            return { field, negate, ranges: vals.map((v) => parseYearRange(v, column)) };
        case 'since':
            return { field: 'year', negate, ranges: vals.map((v) => ({ min: parseYear('since', v, column) })) };
        case 'until':
            return { field: 'year', negate, ranges: vals.map((v) => ({ max: parseYear('until', v, column) })) };
        case 'has': {
            const bad = vals.find((v) => v.toLowerCase() !== 'code');
            if (bad !== undefined)
                throw new QueryError(`has: knows only "code" (has:code); got "has:${bad}"`, column);
            return { field: 'has-code', negate, values: [true] };
        }
        case 'code':
            return {
                field: 'has-code',
                negate,
                values: vals.map((v) => {
                    const k = v.toLowerCase();
                    if (YES.includes(k))
                        return true;
                    if (NO.includes(k))
                        return false;
                    throw new QueryError(`code: takes yes or no; got "code:${v}"`, column);
                }),
            };
        case 'text':
            return {
                field,
                negate,
                needles: kept.map(({ v, phrase }) => {
                    const words = foldWords(v);
                    if (words.length === 0)
                        throw new QueryError(`text "${v}" has no letters or digits to search for`, column);
                    return { words, phrase };
                }),
            };
        default:
            resolveField(field, column);
            throw new QueryError(`"${field}" is not a canonical field name`, column);
    }
}
