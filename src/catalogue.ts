/** The in-memory catalogue: entries by id, with reverse `builds_on` links. */
import type { Entry, SourcedEntry } from './core/entry.js';
import { DataError } from './core/errors.js';
import { withSuggestion } from './core/suggest.js';
import { quoteInput, slugify } from './core/text.js';

export interface Catalogue {
  readonly entries: readonly Entry[];
  readonly byId: ReadonlyMap<string, Entry>;
  readonly fileOf: ReadonlyMap<string, string>;
  /** For each id, the ids of the entries that build on it. */
  readonly builtOnBy: ReadonlyMap<string, readonly string[]>;
}

/** Build a catalogue from validated entries. */
export function buildCatalogue(sourced: readonly SourcedEntry[]): Catalogue {
  const byId = new Map<string, Entry>();
  const fileOf = new Map<string, string>();
  const builtOnBy = new Map<string, string[]>();
  for (const { entry, file } of sourced) {
    byId.set(entry.id, entry);
    fileOf.set(entry.id, file);
  }
  for (const { entry } of sourced) {
    for (const target of entry.builds_on ?? []) {
      const list = builtOnBy.get(target) ?? [];
      list.push(entry.id);
      builtOnBy.set(target, list);
    }
  }
  for (const list of builtOnBy.values()) list.sort();
  return { entries: sourced.map((s) => s.entry), byId, fileOf, builtOnBy };
}

export type SortKey = 'year' | 'name';

// One collator for every comparison: localeCompare with options builds one per call, which was
// most of `list` at 10,000 entries (#13). Same order as a.localeCompare(b, 'en', { sensitivity: 'base' }).
let nameCollator: Intl.Collator | undefined;

/** Entries sorted by year then name, or by name then year. */
export function sortEntries(entries: readonly Entry[], key: SortKey): Entry[] {
  const byBase = (nameCollator ??= new Intl.Collator('en', { sensitivity: 'base' })).compare;
  const byName = (a: Entry, b: Entry) => byBase(a.name, b.name) || a.id.localeCompare(b.id);
  return [...entries].sort((a, b) => (key === 'year' ? a.year - b.year || byName(a, b) : byName(a, b) || a.year - b.year));
}

/** The entry with this id, or whose name is this (`show LLaVA-1.5`); a DataError suggesting ids otherwise. */
export function findEntry(catalogue: Catalogue, key: string): Entry {
  const exact = catalogue.byId.get(key) ?? catalogue.byId.get(slugify(key));
  if (exact) return exact;
  throw new DataError(unknownIdMessage(key, catalogue.byId.keys()));
}

/** Why `id` names no entry, with the closest ids: the one wording for `show`, `--builds-on` and the rest. */
export function unknownIdMessage(id: string, ids: Iterable<string>): string {
  return withSuggestion(`no entry ${quoteInput(id)} in the catalogue`, id, ids, { limit: 3, otherwise: 'run `mllm-align list --format ids` to see the ids' });
}
