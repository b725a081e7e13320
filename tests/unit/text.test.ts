import { describe, expect, it } from 'vitest';
import { arxivBase, editDistance, foldText, normalizeTitle, slugify, suggest } from '../../src/core/text.js';

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

  it('folds accents and case', () => expect(foldText('Élan VITAL')).toBe('elan vital'));
  it.each([
    ['2304.08485v3', '2304.08485'],
    ['2304.08485', '2304.08485'],
  ])('arxivBase(%s) = %s', (a, b) => expect(arxivBase(a)).toBe(b));
});
