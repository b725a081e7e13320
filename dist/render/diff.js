/**
 * Release notes: the entries added, removed and changed between two versions of the catalogue, field
 * by field, as Markdown for a release page or as JSON.
 */
import { sortEntries } from '../catalogue.js';
import { FIELD_ORDER } from '../core/schema-def.js';
import { CATEGORIES } from '../core/taxonomy.js';
import { escapeMarkdown, markdownUrl, paperUrl, subcategoryHeading } from './markdown.js';
/** Compare two versions entry by entry (by id) and field by field, in the entry format's key order. */
export function compareCatalogues(before, after) {
    const old = new Map(before.map((e) => [e.id, e]));
    const now = new Map(after.map((e) => [e.id, e]));
    const added = sortEntries(after.filter((e) => !old.has(e.id)), 'name');
    const removed = sortEntries(before.filter((e) => !now.has(e.id)), 'name');
    const changed = [];
    for (const e of sortEntries(after, 'name')) {
        const was = old.get(e.id);
        if (!was)
            continue;
        const fields = [...FIELD_ORDER, ...new Set([...Object.keys(was), ...Object.keys(e)].filter((k) => !FIELD_ORDER.includes(k)))];
        const changes = [];
        for (const f of fields) {
            const a = was[f];
            const b = e[f];
            if (JSON.stringify(a) !== JSON.stringify(b))
                changes.push({ field: f, ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) });
        }
        if (changes.length > 0)
            changed.push({ id: e.id, name: e.name, changes });
    }
    return { added, removed, changed, before: before.length, after: after.length };
}
/** The diff as JSON: `{from: {ref, commit}, to: "working tree", counts, added, removed, changed}`. */
export function renderDiffJson(diff, labels) {
    return (JSON.stringify({
        from: { ref: labels.ref, commit: labels.commit },
        to: 'working tree',
        entries: { before: diff.before, after: diff.after },
        added: diff.added,
        removed: diff.removed,
        changed: diff.changed,
    }, null, 2) + '\n');
}
/** Characters of a value shown in the Markdown notes; the JSON has it whole. */
const SHOWN = 80;
function shown(value) {
    if (value === undefined)
        return '(none)';
    const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
    const one = text.replace(/\s+/g, ' ').trim();
    return escapeMarkdown(one.length > SHOWN ? `${one.slice(0, SHOWN)}…` : one);
}
/** One change as a list item: lists by the items added and removed, other fields before → after. */
function changeLine(c) {
    if (Array.isArray(c.before) || Array.isArray(c.after)) {
        const a = (Array.isArray(c.before) ? c.before : []).map(String);
        const b = (Array.isArray(c.after) ? c.after : []).map(String);
        const plus = b.filter((x) => !a.includes(x));
        const minus = a.filter((x) => !b.includes(x));
        const parts = [...(plus.length ? [`added ${shown(plus)}`] : []), ...(minus.length ? [`removed ${shown(minus)}`] : [])];
        if (parts.length === 0)
            parts.push(`reordered: ${shown(b)}`);
        return `  - ${c.field}: ${parts.join('; ')}`;
    }
    if (c.field === 'summary' && c.before !== undefined && c.after !== undefined)
        return '  - summary: reworded';
    return `  - ${c.field}: ${shown(c.before)} → ${shown(c.after)}`;
}
function group(e) {
    const c = CATEGORIES.find((x) => x.id === e.category);
    const name = escapeMarkdown(c?.name ?? e.category);
    return e.subcategory ? `${name} / ${escapeMarkdown(subcategoryHeading(e.subcategory))}` : name;
}
function entryLine(e) {
    const url = markdownUrl(paperUrl(e));
    const title = url ? `[${escapeMarkdown(e.title)}](${url})` : escapeMarkdown(e.title);
    return `- **${escapeMarkdown(e.name)}** (${escapeMarkdown(e.id)}): ${title}, ${e.year}; ${group(e)}`;
}
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** The diff as Markdown release notes, one line per item (a release page wraps them); passes markdownlint but for line length. */
export function renderDiffMarkdown(diff, labels) {
    // A revision as code, unless it holds a backtick (git allows one in a tag name).
    const ref = labels.ref.includes('`') ? escapeMarkdown(labels.ref) : `\`${labels.ref.replace(/\s+/g, ' ')}\``;
    const out = [
        `## Catalogue changes since ${ref}`,
        '',
        `${plural(diff.added.length, 'entry', 'entries')} added, ${diff.removed.length} removed, ${diff.changed.length} changed ` +
            `(${diff.after} now, ${diff.before} at ${ref}, commit ${labels.commit.slice(0, 12)}).`,
    ];
    if (diff.added.length > 0)
        out.push('', `### Added (${diff.added.length})`, '', ...diff.added.map(entryLine));
    if (diff.removed.length > 0)
        out.push('', `### Removed (${diff.removed.length})`, '', ...diff.removed.map(entryLine));
    if (diff.changed.length > 0) {
        out.push('', `### Changed (${diff.changed.length})`, '');
        for (const c of diff.changed)
            out.push(`- **${escapeMarkdown(c.name)}** (${escapeMarkdown(c.id)})`, ...c.changes.map(changeLine));
    }
    return out.join('\n') + '\n';
}
