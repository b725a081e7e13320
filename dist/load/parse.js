/**
 * Parse one entry file's YAML, keeping what is needed to point at a key or value later.
 * Clean files take a fast path (js-yaml, about four times quicker here); the `yaml` library's
 * document, which knows every node's position, is built only when a file has a problem.
 */
import { createRequire } from 'node:module';
import jsyaml from 'js-yaml';
// The `yaml` library is loaded on first need, so a run over clean files never pays for it.
let yamlLib;
function yaml() {
    yamlLib ??= createRequire(import.meta.url)('yaml');
    return yamlLib;
}
/** 1-based line and column of a character offset. */
export function positionOf(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
}
/** Parse every file read; never throws. A file that could not be read stays a read error. */
export function parseSources(sources) {
    return sources.map((src) => src.text === undefined ? { file: src.file, readError: src.readError ?? 'unknown error' } : { file: src.file, parsed: parseEntryText(src.file, src.text) });
}
/** Parse the text of one entry file; never throws. */
export function parseEntryText(file, text) {
    let fast;
    try {
        fast = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: file });
    }
    catch {
        return parseSlow(file, text);
    }
    let doc;
    return {
        file,
        text,
        data: fast,
        syntaxErrors: [],
        locate: (path, at = 'value') => {
            doc ??= yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: true });
            return positionOf(text, offsetOf(doc, text, path, at));
        },
    };
}
/** Parse with the `yaml` library, which reports every syntax error with its position. */
function parseSlow(file, text) {
    const doc = yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    // Each kind of problem once, where it first occurs: a deeply nested document can repeat the same
    // error dozens of times, and fixing the first occurrence is the way forward anyway.
    const seen = new Set();
    const syntaxErrors = [];
    for (const e of doc.errors) {
        const message = firstLine(e.message);
        if (!seen.has(message))
            syntaxErrors.push({ pos: positionOf(text, e.pos[0]), message });
        seen.add(message);
    }
    const data = syntaxErrors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
    return {
        file,
        text,
        data,
        syntaxErrors,
        locate: (path, at = 'value') => positionOf(text, offsetOf(doc, text, path, at)),
    };
}
function firstLine(message) {
    const line = message.split('\n')[0] ?? message;
    // The yaml library ends its messages with " at line L, column C"; we print our own position.
    return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}
/** Offset of the node at `path`: its value, or its key; the nearest ancestor when absent. */
function offsetOf(doc, text, path, at) {
    const { isMap, isPair, isScalar } = yaml();
    let node = doc.contents;
    let lastPair;
    let fallback = firstContentOffset(doc, text);
    for (const seg of path) {
        if (!node)
            break;
        if (isMap(node)) {
            const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg);
            if (!pair)
                break;
            lastPair = pair;
            fallback = rangeStart(pair.key) ?? fallback;
            node = pair.value;
            continue;
        }
        if ('items' in node && Array.isArray(node.items) && typeof seg === 'number') {
            lastPair = undefined;
            const item = node.items[seg];
            if (!item)
                break;
            fallback = rangeStart(item) ?? fallback;
            node = item;
            continue;
        }
        break;
    }
    if (at === 'key' && lastPair)
        return rangeStart(lastPair.key) ?? fallback;
    const start = node ? rangeStart(node) : undefined;
    // An empty value (`year:`) has a zero-length range after the key; point at the key then.
    if (start === undefined || (isScalar(node) && node.value === null && lastPair))
        return fallback;
    return start;
}
function rangeStart(node) {
    return node && node.range ? node.range[0] : undefined;
}
function firstContentOffset(doc, text) {
    const start = rangeStart(doc.contents);
    if (start !== undefined)
        return start;
    const m = /^(?:\s*#[^\n]*\n|\s*\n)*/.exec(text);
    return m ? m[0].length : 0;
}
