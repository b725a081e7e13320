/**
 * The install paths of the README (#14), from a fresh clone of HEAD with no dev dependencies:
 * `npm install -g .`, `npm link` and `npm install -g <tarball>`, each into its own prefix; the
 * tarball's contents; and `npm run dev -- <command>` running the CLI from source.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBinary } from '../helpers.js';

const NPM_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline'];
/** The shipped catalogue's size, as the built binary in this checkout counts it. */
const shippedCount = () => runBinary(['list', '--format', 'count'], { cwd: tmpdir() }).stdout;

function freshClone(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mllm-install-'));
  execFileSync('git', ['clone', '--quiet', ROOT, path.join(dir, 'clone')]);
  return dir;
}

function npm(args: string[], cwd: string, prefix: string): void {
  // Only PATH and HOME: no npm_config_* of the test runner leaks in; the prefix keeps -g inside the test folder.
  const r = spawnSync('npm', [...args, ...NPM_FLAGS], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_prefix: prefix } });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${r.stderr}`);
}

/** Run the installed command from a folder with no entries/ of its own. */
function runInstalled(prefix: string, args: string[]): string {
  return execFileSync(path.join(prefix, 'bin', 'mllm-align'), args, { cwd: tmpdir(), encoding: 'utf8' });
}

describe('installing from a fresh clone', { timeout: 240_000 }, () => {
  it('npm install -g . gives a working mllm-align that reads the shipped catalogue', () => {
    const dir = freshClone();
    npm(['install', '-g', '.'], path.join(dir, 'clone'), path.join(dir, 'prefix'));
    expect(runInstalled(path.join(dir, 'prefix'), ['list', '--format', 'count'])).toBe(shippedCount());
  });

  it('npm link does too', () => {
    const dir = freshClone();
    npm(['link'], path.join(dir, 'clone'), path.join(dir, 'prefix'));
    expect(runInstalled(path.join(dir, 'prefix'), ['show', 'llava', '--format', 'json'])).toContain('"id": "llava"');
  });

  it('npm pack holds bin/, dist/, schema/, entries/, the README and the licence only, and installs with -g', () => {
    const dir = freshClone();
    const clone = path.join(dir, 'clone');
    npm(['pack', '--pack-destination', dir], clone, path.join(dir, 'unused'));
    const tarball = path.join(dir, 'mllm-align-0.1.0.tgz');
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    const tops = [...new Set(files.map((f) => f.replace(/^package\//, '').split('/')[0]))].sort();
    expect(tops).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'entries', 'package.json', 'schema']);
    expect(files).toContain('package/dist/cli/main.js');
    npm(['install', '-g', tarball], dir, path.join(dir, 'prefix'));
    expect(runInstalled(path.join(dir, 'prefix'), ['validate'])).toBe('');
    expect(runInstalled(path.join(dir, 'prefix'), ['list', '--format', 'count'])).toBe(shippedCount());
  });
});

describe('npm run dev', () => {
  it('runs the CLI from source with the arguments after --', () => {
    const r = spawnSync('npm', ['run', '--silent', 'dev', '--', 'list', '--format', 'ids'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(runBinary(['list', '--format', 'ids']).stdout);
    expect(r.stdout.split('\n').length).toBeGreaterThan(100);
  });
});
