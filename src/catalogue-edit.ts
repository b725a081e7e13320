/** Planning edits that touch several entries (#14): renaming an id and removing an entry, with their builds_on links. */
import { findEntry, type Catalogue } from './catalogue.js';
import type { Entry } from './core/entry.js';
import { DataError, UsageError } from './core/errors.js';
import { isPlainId } from './core/schema-def.js';
import { listWords, quoteInput } from './core/text.js';

/** What happens to one entry: its new content, or undefined when it goes. */
export interface EntryEdit {
  id: string;
  entry?: Entry;
  /** One line on what changes, for --dry-run and the report. */
  note: string;
}

function withoutLink(entry: Entry, id: string, replacement?: string): Entry {
  const links = (entry.builds_on ?? []).flatMap((l) => (l === id ? (replacement ? [replacement] : []) : [l]));
  const unique = [...new Set(links)];
  return { ...entry, builds_on: unique.length > 0 ? unique : undefined };
}

/** Rename `from` (an id or a name) to the plain id `to`, and every builds_on that names it. */
export function planRename(catalogue: Catalogue, from: string, to: string): EntryEdit[] {
  if (!isPlainId(to)) throw new UsageError(`new id ${quoteInput(to)} is not a plain slug (lower-case letters and digits joined by single - or .)`);
  const old = findEntry(catalogue, from);
  if (old.id === to) throw new UsageError(`${quoteInput(to)} is already the id of that entry`);
  if (catalogue.byId.has(to)) throw new DataError(`an entry ${quoteInput(to)} already exists; nothing changed`);
  const edits: EntryEdit[] = [
    { id: old.id, note: `${old.id} → ${to}` },
    { id: to, entry: withoutLink({ ...old, id: to }, old.id, to), note: `${to}: new file` },
  ];
  for (const id of catalogue.builtOnBy.get(old.id) ?? []) {
    if (id === old.id) continue;
    edits.push({ id, entry: withoutLink(catalogue.byId.get(id)!, old.id, to), note: `${id}: builds_on ${old.id} → ${to}` });
  }
  return edits;
}

/** Remove `target` (an id or a name); refused while others build on it, unless `force`, which also removes those links. */
export function planRemove(catalogue: Catalogue, target: string, force: boolean): EntryEdit[] {
  const entry = findEntry(catalogue, target);
  const dependants = (catalogue.builtOnBy.get(entry.id) ?? []).filter((id) => id !== entry.id);
  if (dependants.length > 0 && !force) {
    throw new DataError(`${entry.id} is built on by ${listWords(dependants, 'and')}; nothing removed (--force removes it and those links)`);
  }
  return [
    { id: entry.id, note: `${entry.id}: removed` },
    ...dependants.map((id) => ({ id, entry: withoutLink(catalogue.byId.get(id)!, entry.id), note: `${id}: builds_on ${entry.id} removed` })),
  ];
}
