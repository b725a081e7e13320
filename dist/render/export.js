export const EXPORT_FORMATS = ['markdown', 'bibtex', 'csl-json', 'json', 'latex-table', 'html'];
/** Render entries in one export format; the same entries always give the same text. */
export async function renderExport(format, entries, opts = {}) {
    switch (format) {
        case 'markdown':
            return (await import('./markdown.js')).renderMarkdown(entries);
        case 'bibtex':
            return (await import('./bibtex.js')).renderBibtex(entries, { ascii: Boolean(opts.ascii) });
        case 'csl-json':
            return (await import('./csl.js')).renderCslJson(entries);
        case 'json':
            return (await import('./json.js')).renderJsonExport(entries);
        case 'html':
            return (await import('./html.js')).renderHtml(entries, { catalogue: opts.catalogue });
        case 'latex-table':
            return (await import('./latex-table.js')).renderLatexTable(entries, { columns: opts.columns });
    }
}
/** Characters shown of a differing line. */
const EXCERPT = 100;
function excerpt(line) {
    if (line === undefined)
        return '(end of file)';
    return line.length > EXCERPT ? `${line.slice(0, EXCERPT)}…` : line;
}
function lines(text) {
    const all = text.split('\n');
    if (all[all.length - 1] === '')
        all.pop();
    return all;
}
/** How many lines of `a` have no counterpart in `b` (as multisets). */
function unmatched(a, b) {
    const left = new Map();
    for (const l of b)
        left.set(l, (left.get(l) ?? 0) + 1);
    let n = 0;
    for (const l of a) {
        const k = left.get(l) ?? 0;
        if (k > 0)
            left.set(l, k - 1);
        else
            n++;
    }
    return n;
}
/**
 * A short account of how `current` (the file) differs from `expected` (a fresh export): the first
 * differing line of each, line counts, and how many lines each has that the other lacks. Undefined when equal.
 */
export function describeDifference(current, expected) {
    if (current === expected)
        return undefined;
    const a = lines(current);
    const b = lines(expected);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i])
        i++;
    return [
        `first difference at line ${i + 1}`,
        `  file:   ${excerpt(a[i])}`,
        `  export: ${excerpt(b[i])}`,
        `${a.length} line${a.length === 1 ? '' : 's'} in the file, ${b.length} in a fresh export: ${unmatched(a, b)} only in the file, ${unmatched(b, a)} only in the export`,
    ].join('\n');
}
