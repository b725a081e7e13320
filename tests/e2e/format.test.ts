/** `mllm-align format`: canonical entry files, through the built binary. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runBinary } from '../helpers.js';

function catalogueCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-format-'));
  cpSync(path.join(ROOT, 'tests', 'fixtures', 'catalogue'), path.join(dir, 'entries'), { recursive: true });
  return dir;
}

/** llava.yaml with its keys shuffled, its list in flow style and no trailing newline. */
function scramble(dir: string): string {
  const file = path.join(dir, 'entries', 'llava.yaml');
  const text = readFileSync(file, 'utf8');
  const lines = text.trimEnd().split('\n');
  const year = lines.findIndex((l) => l.startsWith('year:'));
  const [yearLine] = lines.splice(year, 1);
  const body = lines.join('\n').replace(/modalities:\n {2}- image\n {2}- text/, 'modalities: [image, text]');
  writeFileSync(file, `${body}\n${yearLine}`);
  return text;
}

describe('mllm-align format', () => {
  it('the fixture catalogue and the shipped one are canonical', () => {
    expect(runBinary(['format', '--check', '--entries', 'tests/fixtures/catalogue'])).toEqual({ code: 0, stdout: '', stderr: '16 files: 0 need formatting\n' });
    expect(runBinary(['format', '--check']).code).toBe(0);
  });

  it('--check lists a file out of canonical form, changes nothing, exits 1', () => {
    const dir = catalogueCopy();
    scramble(dir);
    const before = readFileSync(path.join(dir, 'entries', 'llava.yaml'), 'utf8');
    const r = runBinary(['format', '--check'], { cwd: dir });
    expect(r).toEqual({ code: 1, stdout: 'entries/llava.yaml: not in canonical form\n', stderr: '16 files: 1 need formatting\n' });
    expect(readFileSync(path.join(dir, 'entries', 'llava.yaml'), 'utf8')).toBe(before);
  });

  it('rewrites the file back to its canonical text; a named file is checked with its catalogue', () => {
    const dir = catalogueCopy();
    const original = scramble(dir);
    // llava-1.5 builds on llava: naming one file must not lose sight of the others.
    expect(runBinary(['format', 'entries/llava-1.5.yaml', '--check'], { cwd: dir }).code).toBe(0);
    const r = runBinary(['format', 'entries/llava.yaml'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'entries/llava.yaml: formatted\n', stderr: '1 file: 1 formatted\n' });
    expect(readFileSync(path.join(dir, 'entries', 'llava.yaml'), 'utf8')).toBe(original);
  });

  it('leaves a file with errors as it is and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-format-'));
    cpSync(path.join(FIXTURES, 'invalid', 'MA102-unknown-key'), dir, { recursive: true });
    const before = readFileSync(path.join(dir, 'alpha.yaml'), 'utf8');
    const r = runBinary(['format', '--entries', dir], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('alpha.yaml: has errors, left as it is (run mllm-align validate)\n1 file: 0 formatted, 1 with errors skipped\n');
    expect(readFileSync(path.join(dir, 'alpha.yaml'), 'utf8')).toBe(before);
  });

  it('format and add never write into the shipped catalogue: outside a catalogue they ask for --entries', () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'mllm-align-format-'));
    const want = 'mllm-align: error: no ./entries folder here; pass --entries DIR (or set MLLM_ALIGN_ENTRIES) to say which catalogue to write to\n';
    expect(runBinary(['format'], { cwd: elsewhere })).toEqual({ code: 2, stdout: '', stderr: want });
    const add = ['add', '--name', 'Zed', '--title', 'Zed Paper', '--author', 'Ada Lovelace', '--year', '2025', '--category', 'tool', '--url', 'https://zed.example.org'];
    expect(runBinary(add, { cwd: elsewhere })).toEqual({ code: 2, stdout: '', stderr: want });
    // Reading the shipped catalogue is fine.
    expect(runBinary(['format', '--check'], { cwd: elsewhere }).code).toBe(0);
    expect(runBinary([...add, '--dry-run'], { cwd: elsewhere }).code).toBe(0);
  });

  it('--pin-keys writes the key each entry exports today, so a later entry cannot move it', () => {
    const dir = catalogueCopy();
    const llava = path.join(dir, 'entries', 'llava.yaml');
    writeFileSync(llava, readFileSync(llava, 'utf8').replace(/\ncitekey: .*\n/, '\n'));
    expect(runBinary(['validate', 'entries/llava.yaml'], { cwd: dir }).stdout).toMatch(/^entries\/llava\.yaml:2:5: warning no pinned `citekey`: .* \(MA112\)\n$/);
    const before = runBinary(['export', '--format', 'bibtex'], { cwd: dir }).stdout;
    const r = runBinary(['format', '--pin-keys', 'entries/llava.yaml'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'entries/llava.yaml: formatted\n', stderr: '1 file: 1 formatted\n' });
    const key = /@\w+\{(\w+),\n\s+author\s+= \{Liu, Haotian/.exec(before)![1]!;
    expect(readFileSync(path.join(dir, 'entries', 'llava.yaml'), 'utf8')).toContain(`\ncitekey: ${key}\n`);
    expect(runBinary(['export', '--format', 'bibtex'], { cwd: dir }).stdout).toBe(before);
    // Run again: nothing left to pin.
    expect(runBinary(['format', '--pin-keys', 'entries/llava.yaml'], { cwd: dir }).stderr).toBe('1 file: 0 formatted\n');
    expect(runBinary(['validate', 'entries/llava.yaml'], { cwd: dir }).stdout).toBe('');
  });

  it('sources: shown by show, kept by format, left out of the JSON export', () => {
    const dir = catalogueCopy();
    const file = path.join(dir, 'entries', 'llava.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\nadded:/, '\nsources:\n  - https://arxiv.org/abs/2304.08485\nadded:'));
    expect(runBinary(['format', '--check'], { cwd: dir }).code).toBe(0);
    expect(runBinary(['show', 'llava'], { cwd: dir }).stdout).toMatch(/^Sources {6}https:\/\/arxiv\.org\/abs\/2304\.08485$/m);
    expect(runBinary(['export', '--format', 'json'], { cwd: dir }).stdout).not.toContain('sources');
  });
});
