/**
 * The built binary: a whole-catalogue export in BibTeX, CSL-JSON or JSON is made as the catalogue
 * is read (render/streamed.ts); with a query it is made from the opened catalogue. A query that
 * selects every entry must therefore print, write and check exactly what no query does: to
 * standard output, with --output, with --check, with files left out for errors, with the cache
 * empty and filled.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryText } from '../../bench/generate.js';
import { BIN, FIXTURES, tempDir } from '../helpers.js';

/** Selects every entry (every year is after 1000), so the export is made the other way. */
const EVERY = 'year>1000';

function run(args: string[], cwd: string, cacheHome: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cacheHome }, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A catalogue of generated entries with some fixture entries that have errors among them. */
function catalogue(): string {
  const dir = path.join(tempDir('streamed-e2e'), 'entries');
  mkdirSync(dir);
  for (let i = 0; i < 150; i++) writeFileSync(path.join(dir, `method-${i}.yaml`), entryText(i).replace(i % 4 === 0 ? /^citekey: .*\n/m : /$^/, ''));
  // A duplicate id, a link to nothing, and a file that is not YAML: all left out.
  writeFileSync(path.join(dir, 'method-150.yaml'), entryText(149).replace('method-149', 'method-150').replace(/^id: .*$/m, 'id: method-149'));
  writeFileSync(path.join(dir, 'method-151.yaml'), entryText(151).replace(/^builds_on:\n {2}- .*$/m, 'builds_on:\n  - method-999'));
  writeFileSync(path.join(dir, 'method-152.yaml'), 'id: [unclosed\n');
  for (const name of readdirSync(path.join(FIXTURES, 'catalogue'))) cpSync(path.join(FIXTURES, 'catalogue', name), path.join(dir, name));
  return dir;
}

describe('an export made as the catalogue is read, against one made from the opened catalogue', () => {
  const entries = catalogue();
  const cwd = path.dirname(entries);

  it.each(['bibtex', 'csl-json', 'json'])('%s: the same output, messages and exit code', (format) => {
    for (const cache of ['empty', 'filled']) {
      const home = tempDir(`streamed-e2e-${cache}`);
      if (cache === 'filled') run(['validate', '--entries', entries], cwd, home);
      const whole = run(['export', '--format', format, '--entries', entries], cwd, home);
      const queried = run(['export', '--format', format, '--entries', entries, EVERY], cwd, home);
      expect(whole.code).toBe(1);
      expect(whole.stderr).toContain('left out of the export: ');
      expect(whole.stdout.length).toBeGreaterThan(50_000);
      expect(whole).toEqual(queried);
    }
  });

  it.each(['bibtex', 'csl-json', 'json'])('%s: --output with --skip-invalid writes the same file, and --check finds it up to date either way', (format) => {
    const home = tempDir('streamed-e2e-output');
    const a = path.join(cwd, `a.${format}`);
    const b = path.join(cwd, `b.${format}`);
    const written = run(['export', '--format', format, '--entries', entries, '--output', a, '--skip-invalid'], cwd, home);
    expect(written.stderr).toMatch(/: 1\d\d entries written\n$/);
    run(['export', '--format', format, '--entries', entries, '--output', b, '--skip-invalid', EVERY], cwd, home);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    const checked = run(['export', '--format', format, '--entries', entries, '--output', a, '--check'], cwd, home);
    expect(checked.stderr).toMatch(/is up to date \(1\d\d entries\)\n$/);
    expect(checked).toEqual(run(['export', '--format', format, '--entries', entries, '--output', a, '--check', EVERY], cwd, home));
    // Without --skip-invalid nothing is written, either way.
    const refused = run(['export', '--format', format, '--entries', entries, '--output', path.join(cwd, 'c.out')], cwd, home);
    expect(refused.stderr).toContain('not written');
    expect(refused).toEqual(run(['export', '--format', format, '--entries', entries, '--output', path.join(cwd, 'c.out'), EVERY], cwd, home));
  });
});

describe('an export made as read, with a checking worker handing back a share of the files', () => {
  it('prints what the export made from the opened catalogue prints', () => {
    // MLLM_ALIGN_WORKERS=1 starts a checking worker from 4,000 files to read (src/check-worker.ts).
    const dir = path.join(tempDir('streamed-worker'), 'entries');
    mkdirSync(dir);
    for (let i = 0; i < 4200; i++) writeFileSync(path.join(dir, `method-${i}.yaml`), entryText(i).replace(i % 5 === 0 ? /^citekey: .*\n/m : /$^/, ''));
    const env = { PATH: process.env.PATH ?? '', MLLM_ALIGN_WORKERS: '1', MLLM_ALIGN_DEBUG: 'cache' };
    for (const format of ['bibtex', 'json']) {
      const r = (args: string[]) => spawnSync(process.execPath, [BIN, 'export', '--format', format, '--entries', dir, ...args], { env: { ...env, XDG_CACHE_HOME: tempDir('streamed-worker-cache') }, encoding: 'utf8', maxBuffer: 1 << 27 });
      const whole = r([]);
      const queried = r([EVERY]);
      expect(whole.status, whole.stderr).toBe(0);
      expect(whole.stderr).toMatch(/cache: 0 reused, 4200 checked/);
      expect(whole.stdout.length).toBeGreaterThan(1_000_000);
      expect(whole.stdout).toBe(queried.stdout);
    }
  }, 120_000);
});
