/** Check new entries against the schema and the whole catalogue, with `validate`'s own rules, before writing. */
import type { Entry } from '../core/entry.js';
import { renderEntryYaml } from '../render/yaml.js';
import type { Diagnostic } from '../validate/diagnostics.js';
import { parseSources, type ParsedSource } from '../load/parse.js';
import type { SourceFile } from '../load/source.js';
import { validateParsed } from '../validate/validate.js';

export interface NewEntry {
  entry: Entry;
  /** Where it would be written, as paths are displayed (the same form as the catalogue sources' `file`). */
  file: string;
  /** Its canonical file text. */
  text: string;
}

/** Render each entry in canonical form under its would-be path. */
export function prepareNewEntries(entries: readonly Entry[], fileOf: (id: string) => string): NewEntry[] {
  return entries.map((entry) => ({ entry, file: fileOf(entry.id), text: renderEntryYaml(entry) }));
}

/** Files among `fresh` that already exist in the catalogue. */
export function findExisting(catalogue: readonly SourceFile[], fresh: readonly NewEntry[]): string[] {
  const have = new Set(catalogue.map((s) => s.file));
  return fresh.filter((n) => have.has(n.file)).map((n) => n.file);
}

/** Diagnostics for the new entries only, with the catalogue (and each other) as context. */
export function checkNewEntries(catalogue: readonly ParsedSource[], fresh: readonly NewEntry[], now: Date): Diagnostic[] {
  const files = [...catalogue, ...parseSources(fresh.map((n) => ({ file: n.file, text: n.text })))];
  return validateParsed(files, { now, reportFor: new Set(fresh.map((n) => n.file)) }).diagnostics;
}
