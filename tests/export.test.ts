/** `mllm-align export`: snapshots of every format on the fixed fixture catalogue, and the command's behaviour. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBinary, runInMemory } from './helpers.js';

const CAT = path.join('tests', 'fixtures', 'catalogue');
const HARD = path.join('tests', 'fixtures', 'hard');

function tempCatalogue(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-export-'));
  cpSync(path.join(ROOT, CAT), path.join(dir, 'entries'), { recursive: true });
  return dir;
}

describe('export snapshots (tests/fixtures/catalogue)', () => {
  it.each([
    [['--format', 'markdown'], 'catalogue.md'],
    [['--format', 'bibtex'], 'catalogue.bib'],
    [['--format', 'bibtex', '--ascii'], 'catalogue-ascii.bib'],
    [['--format', 'csl-json'], 'catalogue.csl.json'],
    [['--format', 'json'], 'catalogue.json'],
    [['--format', 'bibtex', '--category', 'perceiver'], 'perceiver.bib'],
  ])('%j', async (args, file) => {
    const r = await runInMemory(['export', '--entries', CAT, ...args]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot(`__snapshots__/export/${file}`);
    expect((await runInMemory(['export', '--entries', CAT, ...args])).stdout).toBe(r.stdout);
  });

  it.each([
    [['--format', 'bibtex'], 'hard.bib'],
    [['--format', 'markdown'], 'hard.md'],
  ])('hard cases %j', async (args, file) => {
    const r = await runInMemory(['export', '--entries', HARD, ...args]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`__snapshots__/export/${file}`);
  });

  it('--ascii notes the entries whose characters have no LaTeX form', async () => {
    const r = await runInMemory(['export', '--entries', HARD, '--format', 'bibtex', '--ascii']);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/export/hard-ascii.bib');
    expect(r.stderr).toBe('note: characters with no LaTeX form written as "?" in cjk; the UTF-8 export (without --ascii) keeps them for biber\n');
  });

  it('json carries the schema id and the entries in id order', async () => {
    const r = await runInMemory(['export', '--entries', CAT, '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { $schema: string; entries: Array<{ id: string }> };
    expect(doc.$schema).toBe('urn:mllm-align:schema:entry:v1');
    expect(doc.entries.map((e) => e.id)).toEqual(readdirSync(path.join(ROOT, CAT)).map((f) => f.replace(/\.yaml$/, '')).sort());
  });
});

describe('export (in memory)', () => {
  it.each([
    [['export'], "required option '--format <format>' not specified"],
    [['export', '--format', 'docx'], "argument 'docx' is invalid"],
    [['export', '--format', 'json', '--check'], '--check needs --output FILE'],
    [['export', '--format', 'json', '--ascii'], '--ascii applies to --format bibtex only'],
    [['export', '--format', 'json', '--category', 'percevier'], 'unknown category "percevier"; did you mean "perceiver"?'],
  ])('%j is a usage error', async (argv, message) => {
    const r = await runInMemory([...argv, '--entries', CAT]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('the same key pinned by two entries is a data error (MA209): both are left out and named, exit 1', async () => {
    const dir = tempCatalogue();
    for (const id of ['llava', 'blip-2']) {
      const file = path.join(dir, 'entries', `${id}.yaml`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\ncitekey: .*\n/, '\ncitekey: same2023\n'));
    }
    const r = await runInMemory(['export', '--format', 'bibtex'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').map((l) => l.replace(/^(entries\/[^:]+):\d+:\d+: error .*\((MA\d+)\)$/, '$1 $2'))).toEqual([
      'entries/blip-2.yaml MA209',
      'entries/llava.yaml MA209',
      'mllm-align: 2 files with errors left out; run `mllm-align validate` for details',
      'mllm-align: left out of the export: entries/blip-2.yaml and entries/llava.yaml',
      '',
    ]);
    expect(r.stdout).not.toContain('same2023');
    expect(r.stdout).toContain('@inproceedings{alayrac2022flamingo,');
  });
});

describe('export (binary)', () => {
  /** A catalogue where a new file duplicates LLaVA: both are flagged (MA203), so neither can be exported. */
  function withDuplicate(): string {
    const dir = tempCatalogue();
    const llava = readFileSync(path.join(dir, 'entries', 'llava.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'entries', 'llava-copy.yaml'), llava.replace('id: llava\n', 'id: llava-copy\n').replace(/\ncitekey: .*\n/, '\ncitekey: copy2023\n'));
    return dir;
  }

  it('an entry with errors: --output writes nothing, names the bad files and exits 1; the good .bib keeps its entries', () => {
    const dir = withDuplicate();
    writeFileSync(path.join(dir, 'refs.bib'), 'the bibliography that was fine\n');
    const r = runBinary(['export', '--format', 'bibtex', '--output', 'refs.bib'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(-2)).toEqual([
      'mllm-align: refs.bib not written: entries/llava-copy.yaml and entries/llava.yaml have errors; fix them, or pass --skip-invalid to write the other entries',
      '',
    ]);
    expect(r.stderr).toContain('entries/llava.yaml:13:8: error same arXiv id as entries/llava-copy.yaml (MA203)');
    expect(readFileSync(path.join(dir, 'refs.bib'), 'utf8')).toBe('the bibliography that was fine\n');
  });

  it('--skip-invalid writes the other entries (exit 1: the data has errors); standard output names what it left out', () => {
    const dir = withDuplicate();
    const r = runBinary(['export', '--format', 'bibtex', '--output', 'refs.bib', '--skip-invalid'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(-3)).toEqual(['mllm-align: left out of the export: entries/llava-copy.yaml and entries/llava.yaml', 'refs.bib: 15 entries written', '']);
    const bib = readFileSync(path.join(dir, 'refs.bib'), 'utf8');
    expect(bib).toContain('@inproceedings{alayrac2022flamingo,');
    expect(bib).not.toContain('liu2023visual,');
    const out = runBinary(['export', '--format', 'bibtex'], { cwd: dir });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe(bib);
    expect(out.stderr).toContain('mllm-align: left out of the export: entries/llava-copy.yaml and entries/llava.yaml\n');
    expect(runBinary(['export', '--format', 'bibtex', '--skip-invalid'], { cwd: dir }).code).toBe(2);
  });

  it('--output writes the file atomically and says so on stderr', () => {
    const dir = tempCatalogue();
    const r = runBinary(['export', '--format', 'bibtex', '--output', 'refs.bib'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'refs.bib: 16 entries written\n' });
    expect(readFileSync(path.join(dir, 'refs.bib'), 'utf8')).toBe(runBinary(['export', '--format', 'bibtex'], { cwd: dir }).stdout);
    expect(readdirSync(dir).sort()).toEqual(['entries', 'refs.bib']);
  });

  it('--check passes on a fresh export and fails, naming the line, after an entry changes', () => {
    const dir = tempCatalogue();
    expect(runBinary(['export', '--format', 'markdown', '--output', 'CATALOGUE.md'], { cwd: dir }).code).toBe(0);
    const fresh = runBinary(['export', '--format', 'markdown', '--output', 'CATALOGUE.md', '--check'], { cwd: dir });
    expect(fresh).toEqual({ code: 0, stdout: '', stderr: 'CATALOGUE.md is up to date (16 entries)\n' });

    const file = path.join(dir, 'entries', 'llava.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Visual Instruction Tuning', 'title: Visual Instruction Tuning Revisited'));
    const before = readFileSync(path.join(dir, 'CATALOGUE.md'), 'utf8');
    const stale = runBinary(['export', '--format', 'markdown', '--output', 'CATALOGUE.md', '--check'], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe('');
    const line = before.split('\n').findIndex((l) => l.includes('[Visual Instruction Tuning]')) + 1;
    expect(stale.stderr).toBe(
      'CATALOGUE.md is out of date with the catalogue; run the same command without --check to update it\n' +
        `first difference at line ${line}\n` +
        '  file:   | LLaVA | [Visual Instruction Tuning](https://arxiv.org/abs/2304.08485) | NeurIPS 2023 (Oral) | 2023…\n' +
        '  export: | LLaVA | [Visual Instruction Tuning Revisited](https://arxiv.org/abs/2304.08485) | NeurIPS 2023 (Or…\n' +
        `${before.split('\n').length - 1} lines in the file, ${before.split('\n').length - 1} in a fresh export: 1 only in the file, 1 only in the export\n`,
    );
    expect(readFileSync(path.join(dir, 'CATALOGUE.md'), 'utf8')).toBe(before);
  });

  it('--check on a missing file exits 1 and writes nothing', () => {
    const dir = tempCatalogue();
    const r = runBinary(['export', '--format', 'json', '--output', 'out.json', '--check'], { cwd: dir });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'out.json does not exist; run without --check to write it\n' });
    expect(existsSync(path.join(dir, 'out.json'))).toBe(false);
  });

  it('--category selects a subset', () => {
    const r = runBinary(['export', '--entries', CAT, '--format', 'bibtex', '--category', 'Tool Learning']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^@\w+\{[^,]+/gm)).toEqual(['@inproceedings{yang2023gpt4tools', '@inproceedings{suris2023vipergpt', '@misc{wu2023visual']);
  });

  it('--output into a folder that does not exist: one line, exit 2', () => {
    const r = runBinary(['export', '--entries', CAT, '--format', 'json', '--output', 'no/such/dir/out.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('mllm-align: error: cannot write no/such/dir/out.json: the folder no/such/dir does not exist\n');
  });

  it('the committed CATALOGUE.md is up to date with entries/', () => {
    const r = runBinary(['export', '--format', 'markdown', '--output', 'CATALOGUE.md', '--check']);
    expect(r.stderr).toMatch(/^CATALOGUE\.md is up to date \(\d+ entries\)\n$/);
    expect(r.code).toBe(0);
  });
});
