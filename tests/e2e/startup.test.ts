/**
 * Start-up: each command loads only what it uses (the timings themselves are in npm run bench).
 * The trace (tests/fixtures/trace) sees every module: ES imports through a resolve hook, and
 * require() (createRequire included) through Module._load and the require cache.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, testCacheHome } from '../helpers.js';

interface Loaded {
  /** Packages from node_modules, by name. */
  packages: string[];
  /** Files of the built CLI, relative to the package. */
  code: string[];
  /** Node's own modules required or imported by name (node:…). */
  builtins: string[];
}

/** What a run of the binary loads. */
function loaded(args: string[], expectedStatus = 0): Loaded {
  const trace = path.join(mkdtempSync(path.join(tmpdir(), 'mllm-align-trace-')), 'trace.txt');
  const r = spawnSync(process.execPath, ['--import', path.join(FIXTURES, 'trace', 'register.mjs'), BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TRACE_FILE: trace, XDG_CACHE_HOME: testCacheHome() },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(expectedStatus);
  const files = readFileSync(trace, 'utf8')
    .trim()
    .split('\n')
    .map((u) => (u.startsWith('file:') ? fileURLToPath(u) : u));
  const packages = files.flatMap((f) => {
    const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(f);
    return m ? [m[1]!.replace('\\', '/')] : [];
  });
  const code = files.filter((f) => f.startsWith(path.join(ROOT, 'dist'))).map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
  const builtins = files.filter((f) => f.startsWith('node:'));
  return { packages: [...new Set(packages)].sort(), code: [...new Set(code)].sort(), builtins: [...new Set(builtins)].sort() };
}

/** The built code a command that runs loads: the first file (which replays nothing here: each traced run has its own environment), then the CLI. */
const CLI = ['dist/cli/fast-path.cjs', 'dist/cli/main.js'];

describe('start-up loads only what a command uses', () => {
  it('--version: only the small first file (not the CLI), no package, and none of the costly Node modules', () => {
    const run = loaded(['--version']);
    expect({ packages: run.packages, code: run.code }).toEqual({ packages: [], code: ['dist/cli/fast-path.cjs'] });
    expect(run.builtins.filter((b) => ['node:child_process', 'node:crypto', 'node:os', 'node:tty', 'node:worker_threads'].includes(b))).toEqual([]);
  });

  it('list --format ids: no table, colour, schema compiler or YAML positions', () => {
    expect(loaded(['list', '--format', 'ids'])).toMatchObject({ packages: [], code: CLI });
  });

  it('validate over a clean catalogue: the same (the schema is compiled ahead of time, its runtime bundled)', () => {
    expect(loaded(['validate'])).toMatchObject({ packages: [], code: CLI });
    // Twice: the second run is served by the cache, and loads no more.
    expect(loaded(['validate'])).toMatchObject({ packages: [], code: CLI });
  });

  it('list as a table: no package while every title is narrow text', () => {
    expect(loaded(['list', '--category', 'perceiver'])).toMatchObject({ packages: [], code: CLI });
  });

  it('show --format yaml loads the YAML library, and only it', () => {
    expect(loaded(['show', 'llava', '--format', 'yaml'])).toMatchObject({ packages: ['yaml'], code: CLI });
  });

  it('a file with a YAML syntax error loads the `yaml` library, through require(), and the trace sees it', () => {
    const broken = path.join(FIXTURES, 'invalid', 'MA901-yaml-syntax');
    expect(loaded(['validate', '--entries', broken], 1).packages).toEqual(['yaml']);
  });
});
