import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/validate/diagnostics.js';
import { validateAll } from '../src/validate/validate.js';
import { FIXED_NOW, FIXTURES } from './helpers.js';

const INVALID = path.join(FIXTURES, 'invalid');

/** Each fixture folder with the exact diagnostics it must give: file, line, column, code. */
const EXPECTED: Record<string, Array<[string, number, number, string]>> = {
  'MA101-missing-year': [['alpha.yaml', 2, 1, 'MA101']],
  'MA102-unknown-key': [['alpha.yaml', 10, 1, 'MA102']],
  'MA103-unquoted-arxiv': [['alpha.yaml', 9, 8, 'MA103']],
  'MA104-bad-url': [['alpha.yaml', 9, 6, 'MA104']],
  'MA105-unknown-modality': [['alpha.yaml', 12, 5, 'MA105']],
  'MA106-subcategory-elsewhere': [['alpha.yaml', 9, 14, 'MA106']],
  'MA107-year-future': [['alpha.yaml', 7, 7, 'MA107']],
  'MA108-no-locator': [['alpha.yaml', 2, 1, 'MA108']],
  'MA109-repeated-modality': [['alpha.yaml', 13, 5, 'MA109']],
  'MA110-not-a-mapping': [['alpha.yaml', 2, 1, 'MA110']],
  'MA111-no-schema-line': [['alpha.yaml', 1, 1, 'MA111']],
  'MA112-no-citekey': [['alpha.yaml', 2, 5, 'MA112']],
  'MA113-unknown-venue': [['alpha.yaml', 10, 8, 'MA113']],
  'MA201-id-not-file-name': [['alpha.yaml', 2, 5, 'MA201']],
  'MA202-duplicate-id': [
    ['alpha.yaml', 2, 5, 'MA202'],
    ['alpha.yml', 2, 5, 'MA202'],
  ],
  'MA203-duplicate-arxiv': [
    ['alpha.yaml', 9, 8, 'MA203'],
    ['beta.yaml', 9, 8, 'MA203'],
  ],
  'MA204-duplicate-doi': [
    ['alpha.yaml', 9, 6, 'MA204'],
    ['beta.yaml', 9, 6, 'MA204'],
  ],
  'MA205-duplicate-title': [
    ['alpha.yaml', 4, 8, 'MA205'],
    ['beta.yaml', 4, 8, 'MA205'],
  ],
  'MA206-builds-on-missing': [['alpha.yaml', 11, 5, 'MA206']],
  'MA207-builds-on-self': [['alpha.yaml', 11, 5, 'MA207']],
  'MA208-arxiv-year': [['alpha.yaml', 7, 7, 'MA208']],
  'MA209-duplicate-citekey': [
    ['alpha.yaml', 10, 10, 'MA209'],
    ['beta.yaml', 10, 10, 'MA209'],
  ],
  'MA230-builds-on-loop': [
    ['alpha.yaml', 11, 5, 'MA230'],
    ['beta.yaml', 12, 5, 'MA230'],
    ['gamma.yaml', 11, 5, 'MA230'],
  ],
  // The MA3xx folders run with --strict (see validateFolder).
  'MA301-stale-preprint': [['alpha.yaml', 9, 8, 'MA301']],
  'MA302-small-category': [
    ['.', 1, 1, 'MA302'],
    ['.', 1, 1, 'MA302'],
    ['.', 1, 1, 'MA302'],
  ],
  'MA303-missing-sibling-field': [['delta.yaml', 2, 5, 'MA303']],
  'MA304-code-not-repository': [['alpha.yaml', 11, 7, 'MA304']],
  // Where the unclosed quote opens, not the end of the file (issue #12).
  'MA901-yaml-syntax': [['alpha.yaml', 4, 8, 'MA901']],
  'MA120-control-character': [['alpha.yaml', 3, 7, 'MA120']],
  'MA220-builds-on-broken': [
    ['alpha.yaml', 11, 5, 'MA220'],
    ['beta.yaml', 4, 8, 'MA901'],
  ],
  'MA904-yaml-alias': [['alpha.yaml', 9, 8, 'MA904']],
};

function validateFolder(name: string) {
  const dir = path.join(INVALID, name);
  const files = readdirSync(dir).sort();
  return validateAll(
    files.map((f) => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8') })),
    // Release checks (MA3xx) run in full with --strict; MA302's minimum is 1 but in its own folder.
    { now: FIXED_NOW, strict: name.startsWith('MA30'), minPerCategory: name.startsWith('MA302') ? 1 : 0 },
  );
}

describe('one fixture per diagnostic code', () => {
  // MA902, MA903 (bytes that are not UTF-8) and MA905 (a link out of the folder) need files on disk:
  // tests/hostile.test.ts covers them.
  it('every code but MA902, MA903 and MA905 has a fixture, and every fixture an expectation', () => {
    const folders = readdirSync(INVALID).sort();
    expect(folders).toEqual(Object.keys(EXPECTED).sort());
    const covered = new Set(folders.map((f) => f.slice(0, 5)));
    expect(Object.keys(CODES).filter((c) => !covered.has(c))).toEqual(['MA902', 'MA903', 'MA905']);
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    it(`${name.slice(0, 5)}: ${name.slice(6)}`, () => {
      const got = validateFolder(name).diagnostics.map((d) => [d.file, d.line, d.column, d.code]);
      expect(got).toEqual(want);
    });
  }

  it('MA230 names each loop in the order of its links, starting from the entry reported', () => {
    const got = validateFolder('MA230-builds-on-loop').diagnostics.map((d) => d.message);
    expect(got).toEqual([
      'builds_on forms a loop: "alpha" → "beta" → "gamma" → "alpha"; remove one of these links',
      'builds_on forms a loop: "beta" → "gamma" → "alpha" → "beta"; remove one of these links',
      'builds_on forms a loop: "gamma" → "alpha" → "beta" → "gamma"; remove one of these links',
    ]);
  });

  it('MA230 points at the link that starts the loop, counted among every item of builds_on', () => {
    const dir = path.join(INVALID, 'MA230-builds-on-loop');
    const sources = readdirSync(dir)
      .sort()
      .map((f) => {
        const text = readFileSync(path.join(dir, f), 'utf8');
        // alpha's link to beta comes after an item that is no id (a schema error of its own).
        return { file: f, text: f === 'alpha.yaml' ? text.replace('builds_on:\n  - beta', 'builds_on:\n  - 42\n  - beta') : text };
      });
    const loops = validateAll(sources, { now: FIXED_NOW }).diagnostics.filter((d) => d.code === 'MA230');
    expect(loops.map((d) => [d.file, d.line, d.column])).toEqual([
      ['alpha.yaml', 12, 5],
      ['beta.yaml', 12, 5],
      ['gamma.yaml', 11, 5],
    ]);
  });

  it('MA3xx are warnings by default and errors with --strict; without --strict only MA304 runs', () => {
    const dir = path.join(INVALID, 'MA301-stale-preprint');
    const sources = readdirSync(dir).sort().map((f) => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8') }));
    expect(validateAll(sources, { now: FIXED_NOW }).diagnostics).toEqual([]);
    const strict = validateAll(sources, { now: FIXED_NOW, strict: true, minPerCategory: 0 }).diagnostics;
    expect(strict.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['MA301', 'error', 'preprint only (no venue), first posted 2023-01, 46 months ago: it has likely been published since; add its venue'],
    ]);
    const hosts = path.join(INVALID, 'MA304-code-not-repository');
    const hostSources = readdirSync(hosts).sort().map((f) => ({ file: f, text: readFileSync(path.join(hosts, f), 'utf8') }));
    expect(validateAll(hostSources, { now: FIXED_NOW }).diagnostics.map((d) => [d.code, d.severity])).toEqual([['MA304', 'warning']]);
    // Strict results never drop an entry from the catalogue.
    expect(validateAll(hostSources, { now: FIXED_NOW, strict: true, minPerCategory: 0 }).entries.map((e) => e.entry.id)).toEqual(['alpha', 'beta']);
  });

  it('MA902: an unreadable file is a diagnostic, and other files are still checked', () => {
    const good = readFileSync(path.join(INVALID, 'MA901-yaml-syntax', 'beta.yaml'), 'utf8');
    const r = validateAll([{ file: 'gone.yaml', readError: 'ENOENT' }, { file: 'beta.yaml', text: good }], { now: FIXED_NOW });
    expect(r.diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([['gone.yaml', 1, 1, 'MA902']]);
    expect(r.entries.map((e) => e.entry.id)).toEqual(['beta']);
  });
});

describe('the citation warnings say how to fix them', () => {
  it('MA112 names format --pin-keys; MA113 names the closest known venue', () => {
    expect(validateFolder('MA112-no-citekey').diagnostics.map((d) => d.message)).toEqual([
      'no pinned `citekey`: the key exported today may move when entries are added; pin it with `mllm-align format --pin-keys`',
    ]);
    expect(validateFolder('MA113-unknown-venue').diagnostics.map((d) => d.message)).toEqual([
      'venue "NeurlPS 2023 (Oral)" is not in the venue table (src/cite/venues.ts); did you mean "NeurIPS 2023"?',
    ]);
  });
});

describe('validateAll', () => {
  it('keeps entries of clean files and drops those with errors', () => {
    const r = validateFolder('MA901-yaml-syntax');
    expect(r.entries.map((e) => e.file)).toEqual(['beta.yaml']);
  });

  it('a warning does not drop the entry', () => {
    const r = validateFolder('MA208-arxiv-year');
    expect(r.entries.map((e) => e.entry.id)).toEqual(['alpha']);
  });

  it('reports every problem of a file at once, sorted by line', () => {
    const text = [
      '# yaml-language-server: $schema=../schema/entry.schema.json',
      'id: Bad_Id',
      'name: X',
      'title: X',
      'authors: []',
      'year: "2023"',
      'category: percevier',
      'url: https://example.org',
      'colour: red',
      '',
    ].join('\n');
    const r = validateAll([{ file: 'x.yaml', text }], { now: FIXED_NOW });
    expect(r.diagnostics.map((d) => [d.line, d.code])).toEqual([
      [2, 'MA104'],
      [2, 'MA112'],
      [2, 'MA201'],
      [5, 'MA109'],
      [6, 'MA103'],
      [7, 'MA105'],
      [9, 'MA102'],
    ]);
    expect(r.diagnostics.find((d) => d.code === 'MA105')!.message).toContain('did you mean "perceiver"?');
  });

  it('a title written as a | block (several lines) is MA104 at its value', () => {
    const text = '# yaml-language-server: $schema=../schema/entry.schema.json\nid: a\nname: A\ntitle: |\n  Two\n  lines\nauthors: [A B]\nyear: 2024\ncategory: tool\nurl: https://a.org\ncitekey: k\n';
    const r = validateAll([{ file: 'a.yaml', text }], { now: FIXED_NOW });
    expect(r.diagnostics.map((d) => [d.line, d.column, d.code, d.message])).toEqual([
      [4, 8, 'MA104', '`title` value "Two\\nlines\\n" is not a single line (use a plain or quoted scalar, not a | block)'],
    ]);
  });

  it.each([
    ['a byte-order mark', '\uFEFF# yaml-language-server: $schema=../schema/entry.schema.json\n', [[1, 1, 'MA111']]],
    ['a list where a category belongs', '# yaml-language-server: $schema=../schema/entry.schema.json\ncategory: [tool]\n', [[2, 11, 'MA103']]],
  ])('%s', (_what, head, want) => {
    const rest = 'id: a\nname: A\ntitle: A\nauthors: [A B]\nyear: 2024\nurl: https://a.org\ncitekey: k\n';
    const text = head.includes('category') ? head + rest : head + rest + 'category: tool\n';
    const r = validateAll([{ file: 'a.yaml', text }], { now: FIXED_NOW });
    expect(r.diagnostics.map((d) => [d.line, d.column, d.code])).toEqual(want);
  });

  it('a deeply nested document is one MA904 where it passes 32 levels, whatever the stack size (issue #12)', () => {
    const text = '# yaml-language-server: $schema=../schema/entry.schema.json\nid: ' + '['.repeat(5000) + '\n';
    const found = validateAll([{ file: 'a.yaml', text }], { now: FIXED_NOW }).diagnostics;
    expect(found.map((d) => [d.line, d.column, d.code, d.message])).toEqual([
      [2, 37, 'MA904', 'the YAML nests more than 32 levels deep; entry files hold at most a list of text'],
    ]);
  });

  it('names the year limit from the clock: next year is allowed', () => {
    const text = (y: number) =>
      `# yaml-language-server: $schema=../schema/entry.schema.json\nid: a\nname: A\ntitle: A\nauthors: [A B]\nyear: ${y}\ncategory: tool\nurl: https://a.org\ncitekey: k\n`;
    expect(validateAll([{ file: 'a.yaml', text: text(2027) }], { now: FIXED_NOW }).diagnostics).toEqual([]);
    expect(validateAll([{ file: 'a.yaml', text: text(2028) }], { now: FIXED_NOW }).diagnostics.map((d) => d.code)).toEqual(['MA107']);
    expect(validateAll([{ file: 'a.yaml', text: text(1989) }], { now: FIXED_NOW }).diagnostics.map((d) => d.code)).toEqual(['MA107']);
  });
});

describe('the README documents every code', () => {
  it('its code table lists exactly the codes of validate/diagnostics.ts, with their severities', () => {
    const readme = readFileSync(path.join(FIXTURES, '..', '..', 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| (MA\d{3}) \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(CODES).map(([code, c]) => [code, c.severity]));
  });
});
