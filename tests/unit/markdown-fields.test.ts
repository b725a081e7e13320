/**
 * A Markdown export of the whole catalogue opens it keeping only the fields the document reads
 * (render/markdown.ts MARKDOWN_FIELDS, openCatalogue's `fields`): for every fixture catalogue and
 * the shipped one, the document and the diagnostics are those of an opening that keeps everything.
 */
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/open-catalogue.js';
import { MARKDOWN_FIELDS, renderMarkdown } from '../../src/render/markdown.js';
import { FIXED_NOW, fixtureCatalogues, ROOT } from '../helpers.js';

/** What the rules across entries keep besides (validate.ts crossView). */
const CROSS = ['id', 'builds_on', 'category', 'subcategory', 'year', 'arxiv', 'venue', 'code', 'modalities', 'summary'];

describe('a Markdown export keeps only the fields it reads', () => {
  const dirs = fixtureCatalogues();
  const ctx = { cwd: ROOT, env: {}, now: () => FIXED_NOW };

  it('finds the fixture catalogues', () => {
    expect(dirs.length).toBeGreaterThan(90);
  });

  it('writes the same document, with the same diagnostics, as an opening that keeps every field', async () => {
    let drawn = 0;
    for (const entries of dirs) {
      const whole = await openCatalogue(ctx, { entries, cache: false });
      const few = await openCatalogue(ctx, { entries, cache: false, fields: MARKDOWN_FIELDS });
      expect(few.validation.diagnostics, entries).toEqual(whole.validation.diagnostics);
      const doc = renderMarkdown(whole.catalogue.entries);
      expect(renderMarkdown(few.catalogue.entries), entries).toBe(doc);
      if (doc.includes('## Lineage')) drawn++;
      for (const e of few.catalogue.entries) {
        for (const key of Object.keys(e)) expect([...MARKDOWN_FIELDS, ...CROSS], `${entries}: ${e.id}`).toContain(key);
      }
    }
    // The lineage graph (names, years and categories of linked entries) is among what was compared.
    expect(drawn).toBeGreaterThan(0);
  });

  it('keeps nothing else: the summaries and authors are gone', async () => {
    const few = await openCatalogue(ctx, { entries: `${ROOT}/entries`, cache: false, fields: MARKDOWN_FIELDS });
    const llava = few.catalogue.entries.find((e) => e.id === 'llava')!;
    expect(llava.title).toMatch(/Visual Instruction Tuning/);
    expect(llava.summary).toBe('');
    expect(Object.hasOwn(llava, 'authors')).toBe(false);
  });
});
