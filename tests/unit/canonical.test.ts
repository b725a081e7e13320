/** The canonical-form parser gives exactly what js-yaml gives, or declines. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { entryText } from '../../bench/generate.js';
import { parseCanonical } from '../../src/load/canonical.js';
import { ROOT } from '../helpers.js';

const load = (text: string) => jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });

/** js-yaml's value, or 'throws'. */
function reference(text: string): unknown {
  try {
    return load(text);
  } catch {
    return 'throws';
  }
}

describe('parseCanonical', () => {
  it('reads every shipped entry, and gives what js-yaml gives', () => {
    const dir = path.join(ROOT, 'entries');
    const names = readdirSync(dir).filter((n) => n.endsWith('.yaml'));
    expect(names.length).toBeGreaterThan(100);
    for (const n of names) {
      const text = readFileSync(path.join(dir, n), 'utf8');
      expect(parseCanonical(text), n).toStrictEqual(load(text));
    }
  });

  it('reads the benchmark entries', () => {
    for (let i = 0; i < 300; i++) expect(parseCanonical(entryText(i))).toStrictEqual(load(entryText(i)));
  });

  it.each([
    ['key: value\n', { key: 'value' }],
    ['year: 2023\n', { year: 2023 }],
    ['arxiv: "2304.08485"\n', { arxiv: '2304.08485' }],
    ['added: 2026-11-26\n', { added: '2026-11-26' }],
    ['tags:\n  - a\n  - b\n', { tags: ['a', 'b'] }],
    ['summary: >-\n  one\n  two\n', { summary: 'one two' }],
    ['# c\nname: C# and F#\n', { name: 'C# and F#' }],
    ['key: 0x1f\n', { key: 31 }],
    ['key: 3d\n', { key: '3d' }],
    ["key: 'it''s'\n", { key: "it's" }],
    ['title: "A: b\n  c"\n', { title: 'A: b c' }],
    ["title: 'A \"b\"\n  c'\n", { title: 'A "b" c' }],
  ])('%j', (text, want) => {
    expect(parseCanonical(text)).toStrictEqual(want);
  });

  it.each(['1e400', '1_000', '0b101', '0o17', '1.', '2026-11-26', '12:30', '1e3', '3d', 'NaN', 'nul', 'truely', 'f'])('agrees with js-yaml on %j', (v) => {
    const text = `key: ${v}\n`;
    const got = parseCanonical(text);
    if (got !== undefined) expect(got).toStrictEqual(reference(text));
  });

  it.each([
    'key: null\n', 'key: True\n', 'key: ~\n', 'key: 1.5\n', 'key: -3\n', 'key: .inf\n',
    'key: a # comment\n', 'key: a: b\n', 'key: [a]\n', 'key: &x a\n', 'key: |\n  a\n', 'key:\n', 'key: \n',
    'key: "a\\"b"\n', 'key: a\r\n', 'key:\ta\n', 'a: 1\na: 2\n', '__proto__: x\n', 'key: a\n  b\n', 'summary: >-\n  a\n\n  b\n',
    'summary: >-\n  a\n    b\n', 'title: "a\n\n  b"\n', "key: 'a''\n", 'title: "a \n  b"\n', 'tags:\n- a\n', '---\nkey: a\n', '\ufeffkey: a\n', 'key: a \n', 'Key: a\n', '',
  ])('declines %j', (text) => {
    expect(parseCanonical(text)).toBeUndefined();
  });

  // Lines drawn from the pieces of the subset and from what lies just outside it.
  const piece = fc.oneof(
    fc.constantFrom('a', 'Ab', '"', "'", "''", '"a', 'b"', "'a", "b'", 'é', 'x y', 'C#', 'a:b', 'a: b', 'a #b', 'null', 'True', '~', '0', '07', '12', '1.5', '-1', '2026-01-02', '"q"', '"a"b"', "'s'", '[x]', '{y}', '&a', '*a', '!t', '|', '>', '>-', '%', '@', '`', '- z', '', ' ', '  ', '#c', '\\', '\t', 'a ', ' a', 'ß', '∀x', '😀'),
    fc.string({ maxLength: 6 }),
  );
  const value = fc.array(piece, { minLength: 0, maxLength: 3 }).map((ps) => ps.join(''));
  const key = fc.constantFrom('id', 'name', 'tags', 'summary', 'year', 'a_b', 'null', 'true', 'Key', '1', 'k k');
  const line = fc.oneof(
    fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`),
    key.map((k) => `${k}:`),
    key.map((k) => `${k}: >-`),
    value.map((v) => `  - ${v}`),
    value.map((v) => `  ${v}`),
    value.map((v) => `    ${v}`),
    value.map((v) => `# ${v}`),
    value,
  );
  const doc = fc.array(line, { minLength: 1, maxLength: 8 }).map((ls) => ls.join('\n') + '\n');

  it('whatever it accepts, js-yaml reads the same (generated documents)', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const got = parseCanonical(text);
        if (got !== undefined) expect(got).toStrictEqual(reference(text));
      }),
      { numRuns: 4000 },
    );
  });

  it('whatever it accepts, js-yaml reads the same (real entries with one edit)', () => {
    const texts = Array.from({ length: 20 }, (_, i) => entryText(i));
    fc.assert(
      fc.property(fc.nat(19), fc.nat(2000), fc.nat(3), piece, (which, at, kind, insert) => {
        const t = texts[which]!;
        const p = at % t.length;
        const edited = kind === 0 ? t.slice(0, p) + insert + t.slice(p) : kind === 1 ? t.slice(0, p) + t.slice(p + 1) : kind === 2 ? t.slice(0, p) + insert + t.slice(p + 1) : t.slice(0, p) + '\n' + insert + t.slice(p);
        const got = parseCanonical(edited);
        if (got !== undefined) expect(got).toStrictEqual(reference(edited));
      }),
      { numRuns: 6000 },
    );
  });
});
