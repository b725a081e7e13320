/** validate --strict (release checks MA301–MA304) and the shipped catalogue through diff, end to end. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runBinary, runInMemory } from './helpers.js';
import { hasTool } from './tools.js';

const INVALID = path.join(FIXTURES, 'invalid');

describe('validate --strict', () => {
  it('without --strict the shipped catalogue is clean; with it, only release checks are reported, as errors', async () => {
    const plain = await runInMemory(['validate']);
    expect(plain.stdout).toBe('');
    expect(plain.code).toBe(0);
    const strict = await runInMemory(['validate', '--strict', '--json']);
    const report = JSON.parse(strict.stdout) as { errors: number; warnings: number; diagnostics: Array<{ code: string; severity: string }> };
    expect(report.diagnostics.every((d) => /^MA30\d$/.test(d.code) && d.severity === 'error')).toBe(true);
    expect(report.errors).toBe(report.diagnostics.length);
    expect(strict.code).toBe(report.errors > 0 ? 1 : 0);
  });

  it('a stale preprint: nothing by default, an error with --strict (binary)', () => {
    const dir = path.join(INVALID, 'MA301-stale-preprint');
    const plain = runBinary(['validate', '--entries', dir], { cwd: dir });
    expect([plain.code, plain.stdout]).toEqual([0, '']);
    const strict = runBinary(['validate', '--strict', '--min-per-category', '0', '--entries', dir], { cwd: dir });
    expect(strict.stdout).toMatch(/^alpha\.yaml:9:8: error preprint only \(no venue\), first posted 2023-01, \d+ months ago: it has likely been published since; add its venue \(MA301\)\n$/);
    expect(strict.stderr).toBe('3 files checked: 1 error, 0 warnings\n');
    expect(strict.code).toBe(1);
  });

  it('MA304 is a warning by default (exit 0) and an error with --strict (exit 1)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-strict-'));
    cpSync(path.join(INVALID, 'MA304-code-not-repository'), dir, { recursive: true });
    const plain = await runInMemory(['validate', '--entries', dir], { cwd: dir });
    expect(plain.stdout).toBe('alpha.yaml:11:7: warning code "https://alpha.github.io/project" is not on a source-repository host (github.com, gitlab.com, bitbucket.org, codeberg.org, …); give the repository, or move a project page to url (MA304)\n');
    expect(plain.code).toBe(0);
    const strict = await runInMemory(['validate', '--strict', '--min-per-category', '0', '--entries', dir], { cwd: dir });
    expect(strict.stdout).toContain(' error code "https://alpha.github.io/project"');
    expect(strict.code).toBe(1);
  });

  it('MA302: a thin category is reported on the catalogue folder, only when the whole catalogue is checked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-strict-'));
    cpSync(path.join(INVALID, 'MA302-small-category'), path.join(dir, 'entries'), { recursive: true });
    cpSync(path.join(INVALID, 'MA301-stale-preprint', 'beta.yaml'), path.join(dir, 'entries', 'beta.yaml'));
    const whole = await runInMemory(['validate', '--strict', '--min-per-category', '1'], { cwd: dir });
    expect(whole.stdout.split('\n').filter((l) => l !== '')).toEqual([
      'entries:1:1: error category `perceiver` (Multimodal Perceiver) has 0 entries, fewer than the minimum of 1 (--min-per-category) (MA302)',
      'entries:1:1: error category `tool` (Tool Learning) has 0 entries, fewer than the minimum of 1 (--min-per-category) (MA302)',
      'entries:1:1: error category `data-driven` (Data-Driven Method) has 0 entries, fewer than the minimum of 1 (--min-per-category) (MA302)',
    ]);
    const one = await runInMemory(['validate', '--strict', '--min-per-category', '1', 'entries/alpha.yaml'], { cwd: dir });
    expect([one.code, one.stdout]).toEqual([0, '']);
    // Files outside any catalogue folder are no catalogue to count.
    cpSync(path.join(dir, 'entries'), path.join(dir, 'loose'), { recursive: true });
    const loose = await runInMemory(['validate', '--strict', '--min-per-category', '1', 'loose/alpha.yaml', 'loose/beta.yaml'], { cwd: dir });
    expect([loose.code, loose.stdout]).toEqual([0, '']);
    const folder = await runInMemory(['validate', '--strict', '--min-per-category', '1', 'entries'], { cwd: dir });
    expect(folder.stdout.match(/\(MA302\)$/gm)).toHaveLength(3);
  });

  const usage: Array<[string, string[], string]> = [
    ['--min-per-category without --strict', ['--min-per-category', '3'], 'mllm-align: error: --min-per-category applies with --strict only\n'],
    ['a malformed --min-per-category', ['--strict', '--min-per-category', 'five'], 'mllm-align: error: --min-per-category must be a whole number from 0 to 100000; got "five"\n'],
  ];
  for (const [name, args, message] of usage) {
    it(`${name} is a usage error (exit 2)`, async () => {
      const r = await runInMemory(['validate', ...args]);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', message]);
    });
  }
});

describe.skipIf(!hasTool('git') && !process.env.CI)('diff on the shipped catalogue', () => {
  it('since HEAD: the catalogue read through git is the one on disk (less uncommitted edits)', async () => {
    const r = await runInMemory(['diff', 'HEAD', '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { entries: { before: number; after: number }; added: unknown[]; removed: unknown[] };
    const count = (JSON.parse((await runInMemory(['export', '--format', 'json'])).stdout) as { entries: unknown[] }).entries.length;
    expect(d.entries.after).toBe(count);
    expect(d.entries.before - d.removed.length + d.added.length).toBe(count);
  });
});

