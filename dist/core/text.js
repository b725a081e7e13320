/** Small pure string helpers shared by validation, queries and rendering. */
/** Characters of user input quoted in a message; the rest is cut. */
export const EXCERPT_LENGTH = 60;
/**
 * User text as a message quotes it: in double quotes, control and invisible characters escaped
 * (\n, \u001b, \u200b …), cut to EXCERPT_LENGTH characters.
 */
export function quoteInput(text) {
    const cut = text.length > EXCERPT_LENGTH ? text.slice(0, EXCERPT_LENGTH) : text;
    const escaped = JSON.stringify(cut).replace(/[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return text.length > EXCERPT_LENGTH ? `${escaped.slice(0, -1)}…" (${text.length} characters)` : escaped;
}
/** Remove accents and fold case, for matching. */
export function foldText(s) {
    return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
/** A title reduced to letters and digits, for spotting the same paper twice. */
export function normalizeTitle(title) {
    return foldText(title).replace(/[^\p{L}\p{N}]+/gu, '');
}
/** A lower-case slug of a name: `LLaVA-1.5` becomes `llava-1.5`. */
export function slugify(name) {
    return foldText(name)
        .replace(/[^a-z0-9.]+/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/-?\.-?/g, '.')
        .replace(/^[.-]+|[.-]+$/g, '');
}
/** An arXiv id without its version suffix. */
export function arxivBase(id) {
    return id.replace(/v\d+$/, '');
}
/** "a, b or c" for messages. */
export function listWords(words, last = 'or') {
    if (words.length <= 1)
        return words.join('');
    return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}
/** Compare ids by code unit, the same on every machine (no locale): the exports' order. */
export function compareIds(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Compare two entries by id, for sorting. */
export function compareEntryIds(a, b) {
    return compareIds(a.id, b.id);
}
/** Greedy word wrap: the words of `text` in lines of at most `width` characters (a longer word stands alone). */
export function wrapWords(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter((w) => w !== '')) {
        if (line !== '' && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else
            line = line === '' ? word : `${line} ${word}`;
    }
    if (line !== '')
        lines.push(line);
    return lines;
}
