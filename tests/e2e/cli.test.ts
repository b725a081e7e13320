/** End-to-end: the built binary, as a user runs it. */
import { mkdtempSync, cpSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runBinary, runInMemory } from '../helpers.js';

const CAT = path.join('tests', 'fixtures', 'catalogue');
const ESC = '\u001b[';

describe('mllm-align (binary)', () => {
  it('--version prints the package version', () => {
    const r = runBinary(['--version']);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help lists the commands, the categories and the exit codes', () => {
    const r = runBinary(['--help']);
    expect(r.code).toBe(0);
    for (const s of ['validate', 'list', 'Multimodal Perceiver', 'Tool Learning', 'Exit codes']) expect(r.stdout).toContain(s);
  });

  it('no arguments: help on stderr, exit 2', () => {
    const r = runBinary([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: mllm-align');
  });

  it('an unknown command is a usage error with a suggestion', () => {
    const r = runBinary(['lst']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'lst'");
    expect(r.stderr).toContain('list');
  });

  it('validate on the shipped catalogue: clean, exit 0', () => {
    const r = runBinary(['validate']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^\d+ files checked: 0 errors, 0 warnings\n$/);
    expect(r.code).toBe(0);
  });

  it('validate reports every problem in every file, sorted, and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-'));
    cpSync(path.join(FIXTURES, 'invalid', 'MA901-yaml-syntax'), dir, { recursive: true });
    cpSync(path.join(FIXTURES, 'invalid', 'MA102-unknown-key', 'alpha.yaml'), path.join(dir, 'gamma.yaml'));
    const r = runBinary(['validate', '--entries', dir], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'alpha.yaml:4:8: error YAML syntax: this double-quoted value is never closed; add the closing " (MA901)\n' +
        'gamma.yaml:2:5: error id "alpha" differs from the file name "gamma"; rename the file to alpha.yaml or set id: gamma (MA201)\n' +
        'gamma.yaml:10:1: error unknown field "venu"; did you mean "venue"? (MA102)\n',
    );
    expect(r.stderr).toBe('3 files checked: 3 errors, 0 warnings\n');
  });

  it('validate one file checks it against the rest of its catalogue', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-'));
    cpSync(path.join(ROOT, CAT), path.join(dir, 'entries'), { recursive: true });
    const copy = readFileSync(path.join(dir, 'entries', 'llava.yaml'), 'utf8').replace('id: llava', 'id: llava-copy').replace(/\ncitekey: .*\n/, '\ncitekey: copy2023\n');
    writeFileSync(path.join(dir, 'entries', 'llava-copy.yaml'), copy);
    const r = runBinary(['validate', 'entries/llava-copy.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n').map((l) => / \((MA\d+)\)$/.exec(l)?.[1])).toEqual(['MA205', 'MA203']);
    expect(r.stdout).toContain('same arXiv id as entries/llava.yaml (MA203)');
    expect(r.stdout).toContain('same title as entries/llava.yaml (MA205)');
    expect(r.stderr).toBe('1 file checked: 2 errors, 0 warnings\n');
  });

  it('validate --format json and --format github', () => {
    const dir = path.join('tests', 'fixtures', 'invalid', 'MA208-arxiv-year');
    const j = runBinary(['validate', dir, '--format', 'json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout)).toEqual({
      files: 1,
      errors: 0,
      warnings: 1,
      diagnostics: [
        {
          file: `${dir}/alpha.yaml`,
          line: 7,
          column: 7,
          severity: 'warning',
          code: 'MA208',
          message: '`year` 2022 disagrees with arXiv id 2301.00001 (first posted 2023); check which is right',
        },
      ],
    });
    const g = runBinary(['validate', dir, '--format', 'github']);
    expect(g.stdout).toBe(
      `::warning file=${dir}/alpha.yaml,line=7,col=7,title=MA208::\`year\` 2022 disagrees with arXiv id 2301.00001 (first posted 2023); check which is right (MA208)\n`,
    );
  });

  it('validate a path that does not exist: exit 2, one line', () => {
    const r = runBinary(['validate', 'nope/missing.yaml']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'mllm-align: error: no such file or folder: nope/missing.yaml\n' });
  });

  it('list --category perceiver --format ids, sorted by year then name', () => {
    const r = runBinary(['list', '--entries', CAT, '--category', 'perceiver', '--format', 'ids']);
    expect(r).toEqual({ code: 0, stdout: 'flamingo\nblip-2\ncogvlm\ninstructblip\nvideo-llama\n', stderr: '' });
  });

  it('list accepts the survey\'s group name and sorts by name', () => {
    const r = runBinary(['list', '--entries', CAT, '--category', 'Tool Learning', '--sort', 'name', '--format', 'ids']);
    expect(r.stdout).toBe('gpt4tools\nvipergpt\nvisual-chatgpt\n');
  });

  it('list --format json prints full entries', () => {
    const r = runBinary(['list', '--entries', CAT, '--category', 'data-driven', '--json']);
    const got = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(got.map((e) => e.id)).toEqual(['kosmos-2', 'llava-med', 'pointllm']);
    expect(Object.keys(got[1]!)).toEqual([
      'id', 'name', 'title', 'authors', 'year', 'category', 'subcategory', 'arxiv', 'url', 'venue', 'modalities', 'llm', 'tags', 'builds_on', 'citekey', 'summary', 'added',
    ]);
  });

  it('list table: no colour when piped, colour with FORCE_COLOR, none with NO_COLOR', () => {
    const plain = runBinary(['list', '--entries', CAT]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stdout.split('\n')[0]).toMatch(/^Name\s+Year\s+Category\s+Venue\s+Title$/);
    expect(plain.stdout).toMatch(/^LLaVA\s+2023\s+converter\/projection\s+NeurIPS 2023 \(Oral\)\s+Visual Instruction Tuning$/m);
    expect(runBinary(['list', '--entries', CAT], { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(runBinary(['list', '--entries', CAT], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(ESC);
  });

  it('list with an unknown category names the valid ones, exit 2', () => {
    const r = runBinary(['list', '--category', 'percevier']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'mllm-align: error: --category: unknown category "percevier"; did you mean "perceiver"? Valid categories: converter (Multimodal Converter), perceiver (Multimodal Perceiver), tool (Tool Learning), data-driven (Data-Driven Method)\n',
    );
  });

  it('list picks --entries, then MLLM_ALIGN_ENTRIES, then ./entries, then the shipped catalogue', () => {
    const ids = (r: { stdout: string }) => r.stdout.trim().split('\n');
    // A folder with ./entries holding one entry, and the 16-entry fixture catalogue elsewhere.
    const here = mkdtempSync(path.join(tmpdir(), 'mllm-align-'));
    cpSync(path.join(ROOT, CAT, 'llava.yaml'), path.join(here, 'entries', 'llava.yaml'), { recursive: true });
    const env = { MLLM_ALIGN_ENTRIES: path.join(ROOT, CAT) };
    const blip = path.join(here, 'other');
    cpSync(path.join(ROOT, CAT, 'blip-2.yaml'), path.join(blip, 'blip-2.yaml'), { recursive: true });
    expect(ids(runBinary(['list', '--format', 'ids', '--entries', blip], { cwd: here, env }))).toEqual(['blip-2']);
    expect(ids(runBinary(['list', '--format', 'ids'], { cwd: here, env }))).toHaveLength(16);
    expect(ids(runBinary(['list', '--format', 'ids'], { cwd: here }))).toEqual(['llava']);
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'mllm-align-'));
    const shipped = runBinary(['list', '--format', 'ids'], { cwd: elsewhere });
    expect(shipped.code).toBe(0);
    expect(ids(shipped)).toEqual(ids(runBinary(['list', '--format', 'ids', '--entries', path.join(ROOT, 'entries')])));
  });

  it('list over an empty catalogue prints nothing, says so, exits 0', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-'));
    expect(runBinary(['list', '--entries', dir])).toEqual({ code: 0, stdout: '', stderr: 'mllm-align: no entries\n' });
  });

  it('list still lists the good entries when one file is broken, names it, and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-'));
    cpSync(path.join(FIXTURES, 'invalid', 'MA901-yaml-syntax'), dir, { recursive: true });
    const r = runBinary(['list', '--entries', dir, '--format', 'ids'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('beta\n');
    expect(r.stderr).toContain('alpha.yaml:4:8: error YAML syntax');
  });
});

describe('run() in memory', () => {
  it.each([
    [['list', '--entries', CAT, '--sort', 'size'], 2, "argument 'size' is invalid"],
    [['list', '--entries', 'nowhere'], 2, 'entries folder not found: nowhere'],
    [['validate', '--format', 'xml'], 2, "argument 'xml' is invalid"],
    [['list', '--bogus'], 2, "unknown option '--bogus'"],
  ])('%j exits %i with %s', async (argv, code, message) => {
    const r = await runInMemory(argv);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
  });

  it('cuts titles to the terminal width', async () => {
    const r = await runInMemory(['list', '--entries', CAT], { columns: 100 });
    const widest = Math.max(...r.stdout.split('\n').map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(100);
    expect(r.stdout).toContain('…');
  });
});
