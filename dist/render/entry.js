import { CATEGORIES } from '../core/taxonomy.js';
import { escapeControls, wrapWords } from '../core/text.js';
import { painter } from './color.js';
import { renderEntryBody } from './yaml.js';
const LABEL_WIDTH = 13;
function relationLine(c, id, e, idWidth) {
    const tail = e ? escapeControls(`${e.name} (${e.year}): ${e.title}`) : '(not in this catalogue)';
    return `  ${c.cyan(escapeControls(id))}${' '.repeat(Math.max(0, idWidth - id.length))}  ${tail}`;
}
/** The entry as labelled, wrapped text with arXiv and DOI links spelled out. */
export function renderEntryText(view, opts) {
    const c = painter(opts.color);
    const e = view.entry;
    const category = CATEGORIES.find((k) => k.id === e.category);
    const sub = category?.subcategories.find((s) => s.id === e.subcategory);
    const rows = [
        ['Title', e.title],
        ['Authors', e.authors.join(', ')],
        ['Year', String(e.year)],
        ['Category', category ? `${e.category} (${category.name})` : e.category],
        ['Subcategory', e.subcategory && (sub ? `${e.subcategory}: ${sub.description}` : e.subcategory)],
        ['Venue', e.venue],
        ['arXiv', e.arxiv && `${e.arxiv} (https://arxiv.org/abs/${e.arxiv})`],
        ['DOI', e.doi && `${e.doi} (https://doi.org/${e.doi})`],
        ['URL', e.url],
        ['Code', e.code],
        ['Modalities', e.modalities?.join(', ')],
        ['LLM', e.llm?.join(', ')],
        ['Tags', e.tags?.join(', ')],
        ['Citekey', e.citekey],
        ['Sources', e.sources?.join(' ')],
        ['Added', e.added],
        ['File', view.file],
    ];
    const valueWidth = Math.max(20, opts.width - LABEL_WIDTH);
    // Everything from the entry reaches the terminal with control characters escaped (issue #12, item 10).
    const out = [`${c.bold(escapeControls(e.name))} ${c.dim(`(${escapeControls(e.id)})`)}`, ''];
    for (const [label, value] of rows) {
        if (value === undefined || value === '')
            continue;
        const lines = wrapWords(value, valueWidth).map(escapeControls);
        out.push(c.dim(label.padEnd(LABEL_WIDTH)) + lines[0]);
        for (const more of lines.slice(1))
            out.push(' '.repeat(LABEL_WIDTH) + more);
    }
    if (e.summary) {
        out.push('', c.bold('Summary'), ...wrapWords(e.summary, Math.max(20, opts.width - 2)).map((l) => `  ${escapeControls(l)}`));
    }
    const ids = [...view.buildsOn.map((b) => b.id), ...view.builtOnBy.map((b) => b.id)];
    const idWidth = Math.max(0, ...ids.map((id) => id.length));
    out.push('', c.bold('Builds on'));
    if (view.buildsOn.length === 0)
        out.push('  (none)');
    for (const b of view.buildsOn)
        out.push(relationLine(c, b.id, b.entry, idWidth));
    out.push('', c.bold('Built on by'));
    if (view.builtOnBy.length === 0)
        out.push('  (none)');
    for (const b of view.builtOnBy)
        out.push(relationLine(c, b.id, b, idWidth));
    return out.join('\n') + '\n';
}
/** The entry's YAML (as in its file, without the schema line), reverse links as a closing comment. */
export function renderEntryViewYaml(view) {
    const links = view.builtOnBy.length ? `# built on by: ${view.builtOnBy.map((e) => e.id).join(', ')}\n` : '';
    return renderEntryBody(view.entry) + links;
}
