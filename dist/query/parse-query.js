/**
 * The query language of `filter` (and of `export`), in the style of GitHub and papis search:
 * `modality:video year>=2023 -tag:audio "instruction tuning"`.
 *
 * Hand-written because the grammar is a dozen lines and its errors must name the term and suggest a
 * field; search-query-parser has no `>=` and turns unknown fields into text silently, and liqe's
 * Lucene grammar (`year:>=2023`, `NOT`) is not the one asked for.
 */
import { makeTerm, QueryError, resolveField } from './terms.js';
export { QueryError } from './terms.js';
// A leading _ counts too, so `__proto__:x` is an unknown field (exit 2), not silently a word (issue #12, item 7).
const FIELD_TERM = /^([A-Za-z_][A-Za-z0-9_-]*)(:|>=|<=|>|<|=)/;
function tokenize(query) {
    const tokens = [];
    let i = 0;
    while (i < query.length) {
        if (/\s/.test(query[i])) {
            i++;
            continue;
        }
        const start = i;
        const parts = [];
        let bare = '';
        while (i < query.length && !/\s/.test(query[i])) {
            if (query[i] === '"') {
                const close = query.indexOf('"', i + 1);
                if (close < 0)
                    throw new QueryError(`unterminated quote at column ${i + 1}: ${query.slice(i)}`, i + 1);
                if (bare)
                    parts.push({ text: bare, quoted: false });
                bare = '';
                parts.push({ text: query.slice(i + 1, close), quoted: true });
                i = close + 1;
            }
            else {
                bare += query[i];
                i++;
            }
        }
        if (bare)
            parts.push({ text: bare, quoted: false });
        tokens.push({ raw: query.slice(start, i), column: start + 1, parts });
    }
    return tokens;
}
/** Split a field's value at commas outside quotes: `video,audio` is two values, `"a, b"` one. */
function splitValues(parts) {
    const values = [''];
    for (const p of parts) {
        const pieces = p.quoted ? [p.text] : p.text.split(',');
        values[values.length - 1] += pieces[0];
        values.push(...pieces.slice(1));
    }
    return values;
}
function parseToken(token) {
    let parts = token.parts;
    let negate = false;
    const first = parts[0];
    if (!first.quoted && first.text.startsWith('--')) {
        throw new QueryError(`"${token.raw}" looks like an option; put options outside the quoted query`, token.column);
    }
    if (!first.quoted && first.text.startsWith('-')) {
        negate = true;
        const rest = first.text.slice(1);
        parts = rest ? [{ text: rest, quoted: false }, ...parts.slice(1)] : parts.slice(1);
        if (parts.length === 0)
            throw new QueryError('a lone "-" negates nothing; write -field:value or -word', token.column);
    }
    const head = parts[0];
    const match = head.quoted ? null : FIELD_TERM.exec(head.text);
    if (!match) {
        // A word or a quoted phrase: its words in this order, in name, title, summary or tags.
        const text = parts.map((p) => p.text).join('');
        return makeTerm('text', [text], { negate, phrase: true, column: token.column });
    }
    const [whole, name, op] = match;
    let field;
    try {
        field = resolveField(name, token.column);
    }
    catch (err) {
        // Without a close field name it may be a word with a colon (a URL, "GPT-4:"), which quotes make text.
        if (err instanceof QueryError && !err.suggested) {
            throw new QueryError(`${err.message}. To search for the word itself, put it in quotes: '"${token.raw.replace(/^-/, '')}"'`, token.column);
        }
        throw err;
    }
    const valueParts = [{ text: head.text.slice(whole.length), quoted: false }, ...parts.slice(1)].filter((p) => p.text !== '' || p.quoted);
    const values = splitValues(valueParts);
    if (op !== ':') {
        if (field !== 'year') {
            throw new QueryError(`only year takes ${op}; write ${field}:VALUE (comparisons: year:2023, year>=2023, year<2024, year:2022..2023)`, token.column);
        }
        return makeTerm('year', values.map((v) => op + v), { negate, column: token.column });
    }
    return makeTerm(field, values, { negate, phrase: true, column: token.column });
}
/** Parse a query string into terms that must all hold; throws QueryError naming the bad term. */
export function parseQuery(query) {
    return tokenize(query).map((token) => {
        try {
            return parseToken(token);
        }
        catch (err) {
            if (err instanceof QueryError && !err.message.startsWith('in query term')) {
                throw new QueryError(`in query term ${JSON.stringify(token.raw)}: ${err.message}`, err.column ?? token.column);
            }
            throw err;
        }
    });
}
