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
