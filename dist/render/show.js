import { orderFields } from '../core/schema-def.js';
/** The entry in canonical field order, plus the ids that build on it. */
export function renderEntryViewJson(view) {
    const out = orderFields(view.entry);
    out.built_on_by = view.builtOnBy.map((e) => e.id);
    return JSON.stringify(out, null, 2) + '\n';
}
const SHOW_RENDERERS = {
    text: async () => (await import('./entry.js')).renderEntryText,
    yaml: async () => (await import('./entry.js')).renderEntryViewYaml,
    json: async () => renderEntryViewJson,
    bibtex: async () => (await import('./bibtex.js')).renderBibtexView,
};
/** The formats `show --format` accepts. */
export const SHOW_FORMATS = Object.keys(SHOW_RENDERERS);
/** Load the renderer of a format. */
export function loadShowRenderer(format) {
    return SHOW_RENDERERS[format]();
}
