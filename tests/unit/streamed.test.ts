/**
 * An export made as the catalogue is read (render/streamed.ts) writes the bytes renderExport writes
 * of the opened catalogue: for every fixture catalogue, the shipped one and a generated one with
 * derived keys that collide, names beyond Latin-1 and files that a rule across files fails; read
 * afresh and served by the cache.
 */
import { cpSync, readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/open-catalogue.js';
import { renderExport, type ExportFormat } from '../../src/render/export.js';
import { StreamedExport } from '../../src/render/streamed.js';
import { FIXED_NOW, fixtureCatalogues, generatedCatalogue, ROOT, tempDir } from '../helpers.js';

const FORMATS: ExportFormat[] = ['bibtex', 'csl-json', 'json'];
/** A time long past: files touched to it are not "just written" for the cache. */
const OLD = new Date('2020-01-01T00:00:00Z');

function catalogues(): string[] {
  const gen = generatedCatalogue('streamed', 80, (text, i) => {
    // Unpinned keys, many derived alike (the same first author, year and title word): a, b, … by id.
    if (i % 3 === 0) {
      text = text.replace(/^citekey: .*\n/m, '').replace(/^year: .*$/m, 'year: 2023').replace(/^title: .*$/m, `title: Tokens for everything ${i}`);
      text = text.replace(/^authors:\n {2}- .*$/m, 'authors:\n  - Łukasz Zhang');
    }
    // A key pinned as another entry's derived one would be.
    if (i === 7) text = text.replace(/^citekey: .*$/m, 'citekey: zhang2023tokens');
    // A duplicate id (both files fail a rule across files) and a link to an entry that does not exist.
    if (i === 40) text = text.replace(/^id: .*$/m, 'id: method-41');
    if (i === 50) text = text.replace(/^builds_on:\n {2}- .*$/m, 'builds_on:\n  - method-999');
    return text;
  });
  return [...fixtureCatalogues(), gen];
}

async function streamed(format: ExportFormat, entries: string, env: NodeJS.ProcessEnv): Promise<string> {
  const tee = (await StreamedExport.start(format))!;
  const opened = await openCatalogue({ cwd: ROOT, env, now: () => FIXED_NOW }, { entries, cache: env.XDG_CACHE_HOME !== undefined, tee });
  expect(() => opened.catalogue).toThrow();
  const { count, chunks } = tee.pieces(opened.validation.entries.map((e) => e.file));
  expect(count).toBe(opened.validation.entries.length);
  return [...chunks].join('');
}

describe('an export made as the catalogue is read', () => {
  const dirs = catalogues();

  it('finds the fixture catalogues', () => {
    expect(dirs.length).toBeGreaterThan(90);
  });

  it.each(FORMATS)('%s: the same bytes as renderExport of the opened catalogue, read afresh and from the cache', async (format) => {
    const ctx = { cwd: ROOT, env: {}, now: () => FIXED_NOW };
    let entriesCompared = 0;
    let leftOut = 0;
    for (const entries of dirs) {
      const whole = await openCatalogue(ctx, { entries, cache: false });
      let expected: string;
      try {
        expected = await renderExport(format, whole.catalogue.entries);
      } catch (err) {
        // A key pinned twice: the streamed export fails the same way.
        await expect(streamed(format, entries, {})).rejects.toThrow((err as Error).message);
        continue;
      }
      expect(await streamed(format, entries, {}), `${format} ${entries}`).toBe(expected);
      const cacheHome = tempDir('streamed-cache');
      const env = { XDG_CACHE_HOME: cacheHome };
      expect(await streamed(format, entries, env), `${format} ${entries}, filling the cache`).toBe(expected);
      // Touched: each file is read and its bytes found in the cache; then each is known by its stat.
      const copy = path.join(tempDir('streamed-copy'), 'entries');
      cpSync(entries, copy, { recursive: true });
      expect(await streamed(format, copy, env)).toBe(expected);
      for (const name of readdirSync(copy)) utimesSync(path.join(copy, name), OLD, OLD);
      expect(await streamed(format, copy, env), `${format} ${entries}, bytes found in the cache`).toBe(expected);
      expect(await streamed(format, copy, env), `${format} ${entries}, stats found in the cache`).toBe(expected);
      entriesCompared += whole.catalogue.entries.length;
      leftOut += whole.errors.length > 0 ? 1 : 0;
    }
    // Not a comparison of empty exports, and some catalogues had files left out.
    expect(entriesCompared).toBeGreaterThan(300);
    expect(leftOut).toBeGreaterThan(10);
  });

  it('the generated catalogue has derived keys with suffixes, and files left out', async () => {
    const gen = dirs[dirs.length - 1]!;
    const bib = await streamed('bibtex', gen, {});
    expect(bib).toMatch(/@\w+\{zhang2023tokensa,/);
    expect(bib).toMatch(/@\w+\{zhang2023tokens,/);
    expect(bib).not.toMatch(/\{method40,|\{method50,/);
    expect(bib).toContain('Zhang, Łukasz');
  });

  it('is not made for the formats that need every entry first, nor for --ascii BibTeX', async () => {
    expect(await StreamedExport.start('markdown')).toBeUndefined();
    expect(await StreamedExport.start('html')).toBeUndefined();
    expect(await StreamedExport.start('latex-table')).toBeUndefined();
    expect(await StreamedExport.start('bibtex', { ascii: true })).toBeUndefined();
  });
});
