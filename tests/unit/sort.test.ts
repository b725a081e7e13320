/** compareNames orders names exactly as the 'en' collator at base strength does. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames } from '../../src/catalogue.js';

const collator = new Intl.Collator('en', { sensitivity: 'base' });
const sign = (n: number) => Math.sign(n);

describe('compareNames', () => {
  it('agrees with the collator on ASCII names', () => {
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    const name = fc.string({ unit: fc.constantFrom(...ascii), maxLength: 8 });
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(sign(compareNames(a, b))).toBe(sign(collator.compare(a, b)));
      }),
      { numRuns: 20000 },
    );
  });

  it('agrees with the collator on names that differ in one ASCII character', () => {
    for (let i = 32; i < 127; i++) {
      for (let j = 32; j < 127; j++) {
        const a = `ab${String.fromCharCode(i)}c`;
        const b = `ab${String.fromCharCode(j)}c`;
        expect(sign(compareNames(a, b)), `${a} ${b}`).toBe(sign(collator.compare(a, b)));
      }
    }
  });

  it('agrees with the collator on any names', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(sign(compareNames(a, b))).toBe(sign(collator.compare(a, b)));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['LLaVA', 'llava', 0],
    ['BLIP-2', 'BLIP 2', 1],
    ['LLaVA-1.5', 'LLaVA-NeXT', -1],
    ['a.b', 'a-b', 1],
    ['Z', 'é', 1],
  ])('%s vs %s', (a, b, want) => {
    expect(sign(compareNames(a, b))).toBe(want);
  });
});
