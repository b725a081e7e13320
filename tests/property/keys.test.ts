/** Property: keys never move. Adding, removing and renaming entries in any order leaves every other entry's exported key as it was. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignCitekeys, deriveNewCitekey, keysToPin } from '../../src/cite/keys.js';
import type { Entry } from '../../src/core/entry.js';

// Small pools, so that derived keys collide often (liu2023visual, liu2023visuala, …), case included.
const FAMILIES = ['Liu', 'Li', 'LIU', 'Ye', 'Müller', 'van den Oord', 'Wang'];
const TITLES = ['Visual Instruction Tuning', 'Visual Experts', 'mPLUG-Owl', 'MPLUG-Owl2', 'On Vision', 'Towards Video', 'Video Chat'];
const YEARS = [2023, 2024];

type Op =
  | { kind: 'add'; family: number; title: number; year: number; id: number }
  | { kind: 'remove'; at: number }
  | { kind: 'rename'; at: number; id: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), family: fc.nat(FAMILIES.length - 1), title: fc.nat(TITLES.length - 1), year: fc.nat(YEARS.length - 1), id: fc.nat(999) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(50) }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(50), id: fc.nat(999) }),
);

function paper(family: number, title: number, year: number, id: string): Entry {
  return { id, name: id, title: TITLES[title]!, authors: [`Ann ${FAMILIES[family]!}`], year: YEARS[year]!, category: 'converter', url: 'https://example.org' };
}

/** A free id: `prefix`, or `prefix-2`, `prefix-3`, … */
function freeId(prefix: string, taken: ReadonlySet<string>): string {
  let id = prefix;
  for (let n = 2; taken.has(id); n++) id = `${prefix}-${n}`;
  return id;
}

describe('citation keys never move', () => {
  it('over random adds (as `add` pins them), removals and renames, every other entry keeps its exported key', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), fc.array(fc.tuple(fc.nat(6), fc.nat(6), fc.nat(1)), { maxLength: 6 }), (ops, start) => {
        // A catalogue as shipped: every entry pinned by `format --pin-keys`.
        let entries = start.map(([f, t, y], i) => paper(f, t, y, `e${i}`));
        const pins = keysToPin(entries);
        entries = entries.map((e) => ({ ...e, citekey: pins.get(e.id)! }));
        // Each paper is followed by a handle that survives renames.
        let handles = entries.map((_, i) => i);
        let next = entries.length;
        for (const o of ops) {
          const before = assignCitekeys(entries);
          const keyOf = new Map(handles.map((h, i) => [h, before.get(entries[i]!.id)!]));
          const ids = new Set(entries.map((e) => e.id));
          if (o.kind === 'add') {
            const fresh = paper(o.family, o.title, o.year, freeId(`n${o.id}`, ids));
            const key = deriveNewCitekey(fresh, entries);
            // Unique in the catalogue, ignoring case.
            expect([...before.values()].map((k) => k.toLowerCase())).not.toContain(key.toLowerCase());
            entries = [...entries, { ...fresh, citekey: key }];
            handles = [...handles, next++];
          } else if (entries.length > 0) {
            const at = o.at % entries.length;
            if (o.kind === 'remove') {
              entries = entries.filter((_, i) => i !== at);
              handles = handles.filter((_, i) => i !== at);
            } else {
              entries = entries.map((e, i) => (i === at ? { ...e, id: freeId(`r${o.id}`, ids) } : e));
            }
          }
          const after = assignCitekeys(entries);
          handles.forEach((h, i) => {
            if (keyOf.has(h)) expect(after.get(entries[i]!.id)).toBe(keyOf.get(h));
          });
          const all = [...after.values()].map((k) => k.toLowerCase());
          expect(new Set(all).size).toBe(all.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the example of issue 10: a second 2023 "Visual …" paper by a Liu leaves LLaVA at liu2023visual and gets liu2023visuala', () => {
    const llava: Entry = { ...paper(0, 0, 0, 'llava'), citekey: 'liu2023visual' };
    const other = paper(0, 1, 0, 'aaa-visual');
    const key = deriveNewCitekey(other, [llava]);
    expect(key).toBe('liu2023visuala');
    expect(Object.fromEntries(assignCitekeys([llava, { ...other, citekey: key }]))).toEqual({ llava: 'liu2023visual', 'aaa-visual': 'liu2023visuala' });
  });
});
