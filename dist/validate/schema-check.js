import { FIELD_ORDER } from '../core/schema-def.js';
import { CATEGORY_IDS, MODALITY_IDS, SUBCATEGORY_IDS } from '../core/taxonomy.js';
import { withSuggestion } from '../core/suggest.js';
import { listWords, quoteInput } from '../core/text.js';
import { makeDiagnostic } from './diagnostics.js';
// The schema compiled ahead of time (npm run gen:schema), so no command compiles it at start-up.
import validateEntry from '../generated/entry-validator.js';
// Keyed by field names from the data: a Map, so `constructor` finds nothing (issue #12, item 7).
const FORM_HINTS = new Map(Object.entries({
    name: 'a single line',
    title: 'a single line (use a plain or quoted scalar, not a | block)',
    authors: 'a single line',
    venue: 'a single line',
    id: 'lower-case letters and digits joined by - or . (e.g. llava-1.5)',
    arxiv: 'a new-style arXiv id such as "2304.08485" or "2304.08485v2"',
    doi: 'a DOI such as 10.1145/1234567 (without https://doi.org/)',
    url: 'an http(s) URL',
    code: 'an http(s) URL of the repository',
    added: 'a date YYYY-MM-DD',
    citekey: 'letters, digits and _ : . + -',
    tags: 'lower-case letters and digits joined by - or .',
    builds_on: 'an entry id: lower-case letters and digits joined by - or .',
}));
/** Schema diagnostics for one file whose YAML parsed. */
export function checkAgainstSchema(parsed) {
    if (validateEntry(parsed.data))
        return [];
    const out = [];
    for (const err of validateEntry.errors ?? []) {
        const d = toDiagnostic(parsed, err);
        if (d)
            out.push(d);
    }
    return out;
}
function decodePath(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
function toDiagnostic(parsed, err) {
    const path = decodePath(err.instancePath);
    const field = String(path.find((p) => typeof p === 'string') ?? '');
    const at = (p, where = 'value') => parsed.locate(p, where);
    const value = valueAt(parsed.data, path);
    // The locator rule is an anyOf of `required`; report it once, not per branch.
    if (err.schemaPath.startsWith('#/anyOf/'))
        return undefined;
    switch (err.keyword) {
        case 'anyOf':
            return makeDiagnostic('MA108', parsed.file, at([]), 'entry has no locator: add arxiv, doi or url');
        case 'required': {
            const missing = String(err.params.missingProperty);
            return makeDiagnostic('MA101', parsed.file, at([]), `missing required field \`${missing}\``);
        }
        case 'additionalProperties': {
            const key = String(err.params.additionalProperty);
            const message = withSuggestion(`unknown field ${quoteInput(key)}`, key, FIELD_ORDER, { otherwise: `known fields: ${FIELD_ORDER.join(', ')}` });
            return makeDiagnostic('MA102', parsed.file, at([...path, key], 'key'), message);
        }
        case 'type': {
            if (path.length === 0) {
                return makeDiagnostic('MA110', parsed.file, at([]), 'the file must hold one mapping of fields (key: value)');
            }
            const want = String(err.params.type);
            let hint = '';
            if (field === 'arxiv' && typeof value === 'number')
                hint = '; quote the id, e.g. arxiv: "2304.08485"';
            else if (value === null)
                hint = '; the value is empty';
            return makeDiagnostic('MA103', parsed.file, at(path), `\`${field}\` must be ${article(want)} ${want}, found ${describe(value)}${hint}`);
        }
        case 'pattern':
            return makeDiagnostic('MA104', parsed.file, at(path), `\`${field}\` value ${quoteInput(String(value))} is not ${FORM_HINTS.get(field) ?? 'of the required form'}`);
        case 'minLength':
            return makeDiagnostic('MA104', parsed.file, at(path), `\`${field}\` must not be empty`);
        case 'maxLength':
            return makeDiagnostic('MA104', parsed.file, at(path), `\`${field}\` is ${String(value).length} characters long; at most ${String(err.params.limit)} are allowed`);
        case 'enum':
            if (typeof value !== 'string') {
                return makeDiagnostic('MA103', parsed.file, at(path), `\`${field}\` must be a string, found ${describe(value)}`);
            }
            return enumDiagnostic(parsed, path, field, value);
        case 'minimum':
        case 'maximum':
            return makeDiagnostic('MA107', parsed.file, at(path), `\`${field}\` ${String(value)} is outside the allowed range (${err.message ?? ''})`);
        case 'minItems':
            return makeDiagnostic('MA109', parsed.file, at(path), `\`${field}\` must list at least one item; leave the key out instead`);
        case 'uniqueItems':
            return makeDiagnostic('MA109', parsed.file, at([...path, Number(err.params.i)]), `\`${field}\` repeats ${quoteInput(String(valueAt(value, [Number(err.params.i)])))}`);
        default:
            return makeDiagnostic('MA104', parsed.file, at(path), `\`${field}\` ${err.message ?? 'is invalid'}`);
    }
}
function enumDiagnostic(parsed, path, field, value) {
    const allowed = field === 'category' ? CATEGORY_IDS : field === 'subcategory' ? SUBCATEGORY_IDS : MODALITY_IDS;
    const label = field === 'modalities' ? 'modality' : field;
    const text = typeof value === 'string' ? value : String(value);
    const message = withSuggestion(`unknown ${label} ${quoteInput(text)}`, text, allowed, { then: `Allowed: ${listWords(allowed)}` });
    return makeDiagnostic('MA105', parsed.file, parsed.locate(path), message);
}
function valueAt(data, path) {
    let cur = data;
    for (const seg of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
    }
    return cur;
}
function describe(value) {
    if (value === null)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (value instanceof Uint8Array)
        return 'binary data';
    if (typeof value === 'object')
        return 'a mapping';
    // JSON has no NaN or infinity: say what YAML's .nan and .inf mean (issue #12, item 20).
    if (typeof value === 'number' && Number.isNaN(value))
        return '.nan (not a number)';
    if (typeof value === 'number' && !Number.isFinite(value))
        return `${value > 0 ? '' : '-'}.inf (infinity)`;
    if (typeof value === 'string')
        return `a string (${quoteInput(value)})`;
    return `${article(typeof value)} ${typeof value} (${String(value)})`;
}
function article(word) {
    return /^[aeiou]/.test(word) ? 'an' : 'a';
}
