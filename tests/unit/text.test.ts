import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { titleSkeleton } from '../../src/core/skeleton.js';
import { closest as suggest, didYouMean, editDistance, MAX_SUGGEST_LENGTH, withSuggestion } from '../../src/core/suggest.js';
import { arxivBase, foldText, normalizeTitle, quoteInput, slugify } from '../../src/core/text.js';

describe('text helpers', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['venu', 'venue', 1],
    ['vidoe', 'video', 1],
    ['percevier', 'perceiver', 1],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('editDistance(%s, %s) = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it.each([
    ['venu', ['venue', 'name', 'year'], ['venue']],
    ['perceivr', ['converter', 'perceiver', 'tool'], ['perceiver']],
    ['zzzzzz', ['converter', 'perceiver'], []],
    ['vidoe', ['image', 'video', 'audio'], ['video']],
  ])('suggest(%s) = %j', (w, cands, want) => expect(suggest(w, cands)).toEqual(want));

  it.each([
    ['abcdef', 'abcxyz', 1, 2],
    ['abcdef', 'abcdef', 0, 0],
    ['ab', 'abcdefgh', 2, 3],
  ])('editDistance(%s, %s, cutoff %i) stops at cutoff + 1 = %i', (a, b, cutoff, d) => expect(editDistance(a, b, cutoff)).toBe(d));

  it('one wording for every suggestion', () => {
    expect(didYouMean('llav', ['llava', 'llava-1.5', 'llava-med', 'blip-2'], 3)).toBe('did you mean "llava", "llava-1.5" or "llava-med"?');
    expect(didYouMean('venu', ['venue'])).toBe('did you mean "venue"?');
    expect(didYouMean('zzzz', ['venue'])).toBeUndefined();
    expect(withSuggestion('unknown field "venu"', 'venu', ['venue'])).toBe('unknown field "venu"; did you mean "venue"?');
    expect(withSuggestion('no entry "q"', 'q', ['venue'], { otherwise: 'see the list' })).toBe('no entry "q"; see the list');
  });

  it('a word longer than the limit gets no suggestion (never compared, so a 2 MB word costs nothing)', () => {
    const long = 'v'.repeat(2_000_000);
    expect(suggest(long, ['venue', 'v'.repeat(1_999_999)])).toEqual([]);
    expect(suggest('v'.repeat(MAX_SUGGEST_LENGTH + 1), ['v'.repeat(MAX_SUGGEST_LENGTH)])).toEqual([]);
  });

  it.each([
    ['plain', '"plain"'],
    ['LLaVA\u001b]0;x\u0007', '"LLaVA\\u001b]0;x\\u0007"'],
    ['a\u200bb\u202e', '"a\\u200bb\\u202e"'],
    ['x'.repeat(70), `"${'x'.repeat(60)}…" (70 characters)`],
  ])('quoteInput(%j) = %s', (input, want) => expect(quoteInput(input)).toBe(want));

  it.each([
    ['LLaVA-1.5', 'llava-1.5'],
    ['mPLUG-Owl2', 'mplug-owl2'],
    ['Qwen2.5-VL', 'qwen2.5-vl'],
    ['Visual ChatGPT', 'visual-chatgpt'],
    ['Müller & Co.', 'muller-co'],
    ['3D-LLM', '3d-llm'],
  ])('slugify(%s) = %s', (name, slug) => expect(slugify(name)).toBe(slug));

  it.each([
    ['Alpha: A Paper', 'alphaapaper'],
    ['alpha - a paper', 'alphaapaper'],
    ['Ünïcödé Títle!', 'unicodetitle'],
  ])('normalizeTitle(%s) = %s', (t, n) => expect(normalizeTitle(t)).toBe(n));

  it('normalizeTitle and titleSkeleton take a quicker path for ASCII titles, with the Unicode rules\' result', () => {
    // The general path: decompose, drop marks, lower-case, keep letters and digits; for a skeleton,
    // fold confusables too (the library, which the ASCII path never loads).
    const general = (t: string) => foldText(t).replace(/[^\p{L}\p{N}]+/gu, '');
    const { remove } = createRequire(import.meta.url)('confusables') as { remove: (s: string) => string };
    const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ascii), maxLength: 40 }), (t) => {
        expect(normalizeTitle(t)).toBe(general(t));
        expect(titleSkeleton(t)).toBe(general(remove(general(t))));
      }),
      { numRuns: 20000 },
    );
  });

  it('folds accents and case', () => expect(foldText('Élan VITAL')).toBe('elan vital'));
  it.each([
    ['2304.08485v3', '2304.08485'],
    ['2304.08485', '2304.08485'],
  ])('arxivBase(%s) = %s', (a, b) => expect(arxivBase(a)).toBe(b));
});
