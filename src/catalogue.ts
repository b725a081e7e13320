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

/**
 * Build a catalogue from validated entries. The maps are made when first asked for: an export or a
 * list of every entry reads none of them (#13).
 */
export function buildCatalogue(sourced: readonly SourcedEntry[]): Catalogue {
  let byId: Map<string, Entry> | undefined;
  let fileOf: Map<string, string> | undefined;
  let builtOnBy: Map<string, string[]> | undefined;
  return {
    entries: sourced.map((s) => s.entry),
    get byId() {
      return (byId ??= new Map(sourced.map(({ entry }) => [entry.id, entry])));
    },
    get fileOf() {
      return (fileOf ??= new Map(sourced.map(({ entry, file }) => [entry.id, file])));
    },
    get builtOnBy() {
      if (builtOnBy === undefined) {
        builtOnBy = new Map<string, string[]>();
        for (const { entry } of sourced) {
          for (const target of entry.builds_on ?? []) {
            const list = builtOnBy.get(target) ?? [];
            list.push(entry.id);
            builtOnBy.set(target, list);
          }
        }
        for (const list of builtOnBy.values()) list.sort();
      }
      return builtOnBy;
    },
  };
}

export type SortKey = 'year' | 'name';

/**
 * Printable ASCII in the order of the 'en' collator at base strength (the CLDR root order: spaces,
 * punctuation, symbols, digits, letters; a letter's two cases alike). Each has a weight of its own,
 * so for ASCII names that collator's order is the order of these ranks (tests/unit/sort.test.ts).
 */
const ASCII_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';
const RANK = new Uint8Array(128);
for (let i = 0; i < ASCII_ORDER.length; i++) {
  RANK[ASCII_ORDER.charCodeAt(i)] = i + 1;
  RANK[ASCII_ORDER.toUpperCase().charCodeAt(i)] = i + 1;
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
let nameCollator: Intl.Collator | undefined;

/**
 * Compare names as a.localeCompare(b, 'en', { sensitivity: 'base' }) does. Creating a collator costs
 * tens of milliseconds (ICU data), a fifth of `list` on the shipped catalogue (#13), so ASCII names
 * are compared by the collator's ranks directly and the collator is made only for the others.
 */
export function compareNames(a: string, b: string): number {
  if (PRINTABLE_ASCII.test(a) && PRINTABLE_ASCII.test(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const d = RANK[a.charCodeAt(i)]! - RANK[b.charCodeAt(i)]!;
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }
  return (nameCollator ??= new Intl.Collator('en', { sensitivity: 'base' })).compare(a, b);
}

/** Entries sorted by year then name, or by name then year. */
export function sortEntries<E extends Pick<Entry, 'id' | 'name' | 'year'>>(entries: readonly E[], key: SortKey): E[] {
  const byName = (a: E, b: E) => compareNames(a.name, b.name) || a.id.localeCompare(b.id);
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
