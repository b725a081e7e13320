/** Start-up: each command loads only what it uses (the timings themselves are in npm run bench). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT } from '../helpers.js';

/** The packages a run of the binary loads, by name. */
function packagesLoaded(args: string[]): string[] {
  const trace = path.join(mkdtempSync(path.join(tmpdir(), 'mllm-align-trace-')), 'trace.txt');
  const r = spawnSync(process.execPath, ['--import', path.join(FIXTURES, 'trace', 'register.mjs'), BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TRACE_FILE: trace },
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  const urls = readFileSync(trace, 'utf8').trim().split('\n');
  const names = urls.flatMap((u) => {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
    return m ? [m[1]!] : [];
  });
  return [...new Set(names)].sort();
}

describe('start-up loads only what a command uses', () => {
  it('--version: commander alone', () => {
    expect(packagesLoaded(['--version'])).toEqual(['commander']);
  });

  it('list --format ids: the YAML fast path alone; no table, colour, schema compiler or positions', () => {
    expect(packagesLoaded(['list', '--format', 'ids'])).toEqual(['commander', 'js-yaml']);
  });

  it('validate over a clean catalogue: the same (the schema is compiled ahead of time)', () => {
    expect(packagesLoaded(['validate'])).toEqual(['commander', 'js-yaml']);
  });

  it('list as a table adds its width measure and chalk', () => {
    expect(packagesLoaded(['list'])).toEqual(['chalk', 'commander', 'js-yaml', 'string-width']);
  });
});
