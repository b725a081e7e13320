import { describe, expect, it } from 'vitest';
import { parseEntryText, positionOf } from '../../src/load/parse.js';

const TEXT = ['# comment', 'id: alpha', 'authors:', '  - Ada', '  - Bob', 'year:', 'nested:', '  key: value', ''].join('\n');

describe('parseEntryText', () => {
  const p = parseEntryText('x.yaml', TEXT);
  it.each([
    [['id'], 'value', 2, 5],
    [['id'], 'key', 2, 1],
    [['authors', 1], 'value', 5, 5],
    [['year'], 'value', 6, 1],
    [['nested', 'key'], 'value', 8, 8],
    [['missing'], 'value', 2, 1],
    [[], 'value', 2, 1],
  ] as const)('locate(%j, %s) = %i:%i', (path, at, line, column) => {
    expect(p.locate(path, at)).toEqual({ line, column });
  });

  it('returns data and no errors for valid YAML', () => {
    expect(p.syntaxErrors).toEqual([]);
    expect(p.data).toEqual({ id: 'alpha', authors: ['Ada', 'Bob'], year: null, nested: { key: 'value' } });
  });

  it('reports a syntax error with its position and no data', () => {
    const bad = parseEntryText('y.yaml', 'id: a\nname: b: c\n');
    expect(bad.data).toBeUndefined();
    expect(bad.syntaxErrors).toEqual([{ pos: { line: 2, column: 7 }, message: 'Nested mappings are not allowed in compact mappings' }]);
  });

  it('reports a duplicate key as a syntax error', () => {
    const dup = parseEntryText('z.yaml', 'id: a\nid: b\n');
    expect(dup.syntaxErrors.map((e) => e.pos)).toEqual([{ line: 2, column: 1 }]);
  });

  it.each([
    [0, 1, 1],
    [3, 1, 4],
    [4, 2, 1],
    [6, 2, 3],
  ])('positionOf(offset %i) = %i:%i', (offset, line, column) => {
    expect(positionOf('abc\ndef\n', offset)).toEqual({ line, column });
  });
});

describe('a file in canonical form', () => {
  it('is marked canonical, and a bidi control written as itself in it is still refused (MA120)', async () => {
    const { checkFile } = await import('../../src/validate/validate.js');
    const { entryText } = await import('../../bench/generate.js');
    const clean = entryText(3);
    const hostile = clean.replace(/^(authors:\n {2}- )(.*)$/m, '$1Ada \u202eecalevoL');
    for (const [text, codes] of [
      [clean, []],
      [hostile, ['MA120']],
    ] as const) {
      const parsed = parseEntryText('method-3.yaml', text);
      expect(parsed.canonical).toBe(true);
      const checked = checkFile({ file: 'method-3.yaml', parsed }, new Date('2026-11-26T12:00:00Z'));
      expect(checked.diagnostics.map((d) => d.code)).toEqual(codes);
    }
  });
});
