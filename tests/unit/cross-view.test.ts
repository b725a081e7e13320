/**
 * `validate` keeps of each entry only what the rules across entries read (validate.ts crossView):
 * every fixture catalogue, the shipped one and a generated one with every kind of sibling gap get
 * the same diagnostics that way as with the whole entries, with and without --strict.
 */
import { describe, expect, it } from 'vitest';
import { entryText } from '../../bench/generate.js';
import { openCatalogue, type OpenOptions } from '../../src/open-catalogue.js';
import { FIXED_NOW, fixtureCatalogues, generatedCatalogue, ROOT } from '../helpers.js';

function catalogues(): string[] {
  // Generated: siblings with and without summary, modalities and code, a few duplicates and loops.
  const gen = generatedCatalogue('cross-view', 60, (text, i) => {
    if (i % 5 === 1) text = text.replace(/^summary: >-\n(?: {2}.*\n)+/m, '');
    if (i % 7 === 2) text = text.replace(/^modalities:\n(?: {2}- .*\n)+/m, '');
    if (i % 4 === 3) text = text.replace(/^code: .*\n/m, '');
    if (i % 11 === 5) text = text.replace(/^venue: .*\n/m, '');
    if (i % 13 === 6) text = text.replace(/^title: .*$/m, entryText(0).match(/^title: .*$/m)![0]);
    return text;
  });
  return [...fixtureCatalogues(), gen];
}

describe('validate keeps only what the rules across entries read', () => {
  const dirs = catalogues();
  it('finds the fixture catalogues', () => {
    expect(dirs.length).toBeGreaterThan(90);
  });

  it.each([false, true])('the same diagnostics for every catalogue (strict: %s)', async (strict) => {
    const ctx = { cwd: ROOT, env: {}, now: () => FIXED_NOW };
    let compared = 0;
    for (const entries of dirs) {
      const opts: OpenOptions = { entries, cache: false, strict, minPerCategory: strict ? 3 : undefined };
      const whole = await openCatalogue(ctx, opts);
      const view = await openCatalogue(ctx, { ...opts, diagnosticsOnly: true });
      expect(view.validation.diagnostics, entries).toEqual(whole.validation.diagnostics);
      expect(view.validation.files).toBe(whole.validation.files);
      compared += whole.validation.diagnostics.length;
      expect(() => view.catalogue).toThrow();
    }
    // Not a comparison of empty reports.
    expect(compared).toBeGreaterThan(100);
  });
});
