import { renderEntryYaml } from '../render/yaml.js';
import { parseSources } from '../load/parse.js';
import { validateParsed } from '../validate/validate.js';
/** Render each entry in canonical form under its would-be path. */
export function prepareNewEntries(entries, fileOf) {
    return entries.map((entry) => ({ entry, file: fileOf(entry.id), text: renderEntryYaml(entry) }));
}
/** Files among `fresh` that already exist in the catalogue. */
export function findExisting(catalogue, fresh) {
    const have = new Set(catalogue.map((s) => s.file));
    return fresh.filter((n) => have.has(n.file)).map((n) => n.file);
}
/** Diagnostics for the new entries only, with the catalogue (and each other) as context. */
export function checkNewEntries(catalogue, fresh, now) {
    const files = [...catalogue, ...parseSources(fresh.map((n) => ({ file: n.file, text: n.text })))];
    return validateParsed(files, { now, reportFor: new Set(fresh.map((n) => n.file)) }).diagnostics;
}
