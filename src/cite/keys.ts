/**
 * Citation keys: derived once, pinned in the entry, never moved (issue 10).
 *
 * A key anyone has cited must keep naming the same paper. So every entry pins its `citekey`; `add`
 * writes the key it derives into the new file, `format --pin-keys` pins the key an unpinned entry
 * exports today, and `validate` warns (MA112) about an entry that pins none. Only an unpinned entry's
 * key is derived at export time, and only such a key can move when other entries come and go.
 */
import type { Entry } from '../core/entry.js';
import { DataError } from '../core/errors.js';
import { splitName } from '../core/names.js';
import { compareEntryIds, compareIds, foldText } from '../core/text.js';

/** Words skipped when picking the title word of a citation key. */
export const STOP_WORDS: readonly string[] = [
  'a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'or', 'with', 'at', 'by', 'from', 'via', 'is', 'are',
  'towards', 'toward', 'what', 'how', 'when', 'why', 'do', 'does', 'can',
];

/** Lower-case ASCII letters and digits only. */
function keyPart(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, '');
}

/** The Google-Scholar-style key: first author's family name, year, first significant title word. */
export function baseCitekey(entry: Entry): string {
  const first = splitName(entry.authors[0] ?? '');
  const family = keyPart(first.family) || keyPart(entry.id) || 'anon';
  const words = foldText(entry.title).split(/[^a-z0-9]+/).filter((w) => w !== '' && !STOP_WORDS.includes(w));
  return `${family}${entry.year}${words[0] ?? ''}`;
}

/** a … z, then aa, ab, … */
function suffix(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : suffix(Math.floor(n / 26) - 1) + suffix(n % 26);
}

/** `base` itself when free, else `base` + a, b, …: the first not in `taken` (lower-case keys). */
function firstFree(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  let n = 0;
  let key;
  do key = base + suffix(n++);
  while (taken.has(key.toLowerCase()));
  return key;
}

/** What key assignment reads of an entry: its id, its pinned key, and else its derived key. */
export interface KeySource {
  id: string;
  citekey?: string;
  /** baseCitekey of the entry, when it pins no key. */
  base?: string;
}

/** An entry's KeySource. */
export function keySourceOf(entry: Entry): KeySource {
  return entry.citekey === undefined ? { id: entry.id, base: baseCitekey(entry) } : { id: entry.id, citekey: entry.citekey };
}

/**
 * Citation keys for all entries, by id. A pinned `citekey` is kept as it is; derived keys that collide
 * (with each other or with a pinned key) all get `a`, `b`, … in id order. BibTeX compares keys
 * without regard to case, so collisions do too.
 */
export function assignCitekeys(entries: readonly Entry[]): Map<string, string> {
  return assignKeys(entries.map(keySourceOf));
}

/** assignCitekeys over what it reads of each entry (an export made as the catalogue is read keeps no more). */
export function assignKeys(sources: readonly KeySource[]): Map<string, string> {
  const keys = new Map<string, string>();
  // Pinned keys, lower-cased: derived keys step aside from them.
  const taken = new Set<string>();
  let twice = false;
  for (const e of sources) {
    if (e.citekey === undefined) continue;
    const key = e.citekey.toLowerCase();
    if (taken.has(key)) twice = true;
    taken.add(key);
    keys.set(e.id, e.citekey);
  }
  // A key pinned twice is named as the first such pair in id order: sorted only then (#13).
  if (twice) {
    const first = new Map<string, string>();
    for (const e of [...sources].sort(compareEntryIds)) {
      if (e.citekey === undefined) continue;
      const other = first.get(e.citekey.toLowerCase());
      if (other !== undefined) throw new DataError(`citekey "${e.citekey}" is pinned by both ${other} and ${e.id}; give one of them another`);
      first.set(e.citekey.toLowerCase(), e.id);
    }
  }
  const groups = new Map<string, string[]>();
  for (const e of sources) {
    if (e.citekey !== undefined) continue;
    const group = groups.get(e.base!);
    if (group) group.push(e.id);
    else groups.set(e.base!, [e.id]);
  }
  for (const [base, ids] of [...groups].sort(([a], [b]) => compareIds(a, b))) {
    ids.sort(compareIds);
    if (ids.length === 1 && !taken.has(base)) {
      keys.set(ids[0]!, base);
      taken.add(base);
      continue;
    }
    let n = 0;
    for (const id of ids) {
      let key;
      do key = base + suffix(n++);
      while (taken.has(key));
      keys.set(id, key);
      taken.add(key);
    }
  }
  return keys;
}

/**
 * The key to pin in a new entry: its derived key, or that key with a, b, … when the catalogue already
 * exports it (ignoring case). Existing entries keep theirs: the new one steps aside.
 */
export function deriveNewCitekey(entry: Entry, catalogue: readonly Entry[]): string {
  const taken = new Set([...assignCitekeys(catalogue).values()].map((k) => k.toLowerCase()));
  return firstFree(baseCitekey(entry), taken);
}

/** The keys to pin in entries that have none: the keys they export today, by id. */
export function keysToPin(entries: readonly Entry[]): Map<string, string> {
  const all = assignCitekeys(entries);
  return new Map(entries.filter((e) => e.citekey === undefined).map((e) => [e.id, all.get(e.id)!]));
}
