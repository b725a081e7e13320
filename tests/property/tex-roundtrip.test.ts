/**
 * Property: TeX in, TeX out. Every letter of Latin-1 and Latin Extended-A, and names and titles drawn at
 * random from them, survive the ASCII export (`--ascii`) and the BibTeX import (`add --from-bibtex`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { ORGANISATION_WORDS, PARTICLES } from '../../src/core/names.js';
import { parseBibtex } from '../../src/ingest/bibtex.js';
import { renderBibtex } from '../../src/render/bibtex.js';

/** Every letter (\p{L}) from U+00A0 to U+017F: Latin-1's letters and all of Latin Extended-A. */
const LETTERS: readonly string[] = Array.from({ length: 0x17f - 0xa0 + 1 }, (_, i) => String.fromCodePoint(0xa0 + i)).filter((c) => /^\p{L}$/u.test(c));

function roundTrip(title: string, authors: string[]): { title?: string; authors?: string[]; bib: string } {
  const entry: Entry = { id: 'x', name: 'X', title, authors, year: 2023, category: 'converter', arxiv: '2301.00001', citekey: 'k2023' };
  const bib = renderBibtex([entry], { ascii: true });
  expect(bib).toMatch(/^\p{ASCII}*$/u);
  const { records, errors } = parseBibtex(bib);
  expect(errors).toEqual([]);
  return { title: records[0]?.partial.title, authors: records[0]?.partial.authors, bib };
}

describe('--ascii export, then --from-bibtex import', () => {
  it('covers every letter of Latin-1 and Latin Extended-A', () => {
    expect(LETTERS.length).toBe(3 + 62 + 128);
  });

  it.each(LETTERS.map((c) => [c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'), c]))('U+%s %s comes back in a title and a name', (_hex, c) => {
    const got = roundTrip(`A${c}b and ${c}`, [`Ann${c} B${c}c`]);
    expect(got.title, got.bib).toBe(`A${c}b and ${c}`);
    expect(got.authors, got.bib).toEqual([`Ann${c} B${c}c`]);
  });

  const ALPHABET = [...LETTERS, ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  const word = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
  // A name word that BibTeX would read as something else (and, others, a particle, a team word, Jr.) is not a person's.
  const nameWord = word.filter((w) => w.length > 1 && !['and', 'others', ...PARTICLES, ...ORGANISATION_WORDS].includes(w.toLowerCase()) && !/^(?:jr|sr|ii|iii|iv)$/i.test(w));
  const name = fc.array(nameWord, { minLength: 2, maxLength: 3 }).map((ws) => ws.join(' '));
  const separator = fc.constantFrom(' ', ' ', ' ', ': ', ', ', '-', ' 2 ');
  const title = fc.tuple(word, fc.array(fc.tuple(separator, word), { maxLength: 8 })).map(([first, rest]) => first + rest.map(([s, w]) => s + w).join(''));

  it('random titles and names drawn from those letters come back the same', () => {
    fc.assert(
      fc.property(title, fc.array(name, { minLength: 1, maxLength: 4 }), (t, authors) => {
        const got = roundTrip(t, authors);
        expect(got.title, got.bib).toBe(t);
        expect(got.authors, got.bib).toEqual(authors);
      }),
      { numRuns: 500 },
    );
  });
});

describe('TeX accents as real records write them', () => {
  it.each([
    ["Sur{\\'\\i}s, D{\\'\\i}dac", 'Dídac Surís'],
    ["Sur\\'{\\i}s, D\\'{\\i}dac", 'Dídac Surís'],
    ["Sur{\\'i}s, D{\\'i}dac", 'Dídac Surís'],
    ['M\\"{o}ller, J{\\o}rn', 'Jørn Möller'],
    ['Gro\\ss, {\\AA}sa', 'Åsa Groß'],
    ['{\\aa}berg, Fran\\c{c}ois', 'François åberg'],
    ['Ba\\v{s}i\\\'{c}, Mi\\k{a}', 'Mią Bašić'],
    ['{\\L}ukasz, {\\l}ucja', 'łucja Łukasz'],
    ['Dvo\\v{r}\\\'{a}k, Anton{\\\'\\i}n', 'Antonín Dvořák'],
    ['M{\\"u}ller, J{\\"o}rg', 'Jörg Müller'],
    ['Gro\\ss{}e, \\aa{}sa', 'åsa Große'],
    ['\\l{}ukasiewicz, Jan', 'Jan łukasiewicz'],
    ['Sur\\\'{\\i}s, D\\\'\\i{}dac', 'Dídac Surís'],
  ])('author %s is %s, in NFC', (bib, want) => {
    const { records, errors } = parseBibtex(`@misc{k, author = {${bib}}, title = {A--B~C}}`);
    expect(errors).toEqual([]);
    expect(records[0]!.partial.authors).toEqual([want]);
    expect(records[0]!.partial.authors![0]!.normalize('NFC')).toBe(want);
    expect(records[0]!.partial.title).toBe('A–B C');
  });
});
