import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLoops, loopFrom } from '../../src/validate/loops.js';

const links = (pairs: Record<string, string[]>) => new Map(Object.entries(pairs));

describe('findLoops', () => {
  const cases: Array<[string, Record<string, string[]>, Record<string, string[]>]> = [
    ['no links', { a: [], b: [] }, {}],
    ['a chain is no loop', { a: ['b'], b: ['c'], c: [] }, {}],
    ['self-links are MA207, not loops', { a: ['a'] }, {}],
    ['links to unknown ids are ignored', { a: ['x'], x2: [] }, {}],
    ['two entries', { a: ['b'], b: ['a'] }, { a: ['a', 'b'], b: ['b', 'a'] }],
    ['the shortest loop through each member', { a: ['b'], b: ['c', 'a'], c: ['a'] }, { a: ['a', 'b'], b: ['b', 'a'], c: ['c', 'a', 'b'] }],
    ['a tail into a loop is not on it', { t: ['a'], a: ['b'], b: ['a'] }, { a: ['a', 'b'], b: ['b', 'a'] }],
  ];
  for (const [name, input, want] of cases) {
    it(name, () => expect(Object.fromEntries([...findLoops(links(input))].map(([id, p]) => [id, loopFrom(p)]))).toEqual(want));
  }

  it('on random graphs: exactly the ids that reach themselves, each on a real loop of the shortest length', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
    const graph = fc.dictionary(id, fc.array(fc.oneof(id, fc.constant('unknown')), { maxLength: 4 }));
    fc.assert(
      fc.property(graph, (pairs) => {
        const m = links(pairs);
        const next = (v: string) => (m.get(v) ?? []).filter((t) => t !== v && m.has(t));
        /** Length of a shortest loop through v (breadth-first), or 0 when there is none. */
        const shortest = (v: string): number => {
          const dist = new Map<string, number>([[v, 0]]);
          const queue = [v];
          for (let i = 0; i < queue.length; i++) {
            for (const t of next(queue[i]!)) {
              if (t === v) return dist.get(queue[i]!)! + 1;
              if (!dist.has(t)) {
                dist.set(t, dist.get(queue[i]!)! + 1);
                queue.push(t);
              }
            }
          }
          return 0;
        };
        const found = findLoops(m);
        for (const v of m.keys()) {
          const place = found.get(v);
          expect(place !== undefined, v).toBe(shortest(v) > 0);
          if (!place) continue;
          const loop = loopFrom(place);
          expect(loop[0]).toBe(v);
          loop.forEach((u, i) => expect(next(u)).toContain(loop[(i + 1) % loop.length]));
          // The member the search started from gets a shortest loop; the others share it.
          expect(loop.length).toBeGreaterThanOrEqual(shortest(v));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a chain of 100 000 links closing into one loop: no stack overflow', () => {
    const n = 100_000;
    const m = new Map<string, string[]>();
    for (let i = 0; i < n; i++) m.set(`e${i}`, [`e${(i + 1) % n}`]);
    const loops = findLoops(m);
    expect(loops.size).toBe(n);
    expect(loopFrom(loops.get('e7')!, 3)).toEqual(['e7', 'e8', 'e9']);
    expect(loops.get('e0')!.loop.length).toBe(n);
  });
});
