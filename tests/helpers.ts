/** Shared test helpers: an in-memory Io and a runner for the built binary. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { entryText } from '../bench/generate.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'mllm-align.js');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const FIXED_NOW = new Date('2026-11-26T12:00:00Z');

/** Every catalogue the tests hold: the shipped one and each fixture folder with entry files. */
export function fixtureCatalogues(): string[] {
  const found: string[] = [path.join(ROOT, 'entries')];
  const walk = (dir: string) => {
    const names = readdirSync(dir, { withFileTypes: true });
    if (names.some((n) => n.isFile() && n.name.endsWith('.yaml'))) found.push(dir);
    for (const n of names) if (n.isDirectory()) walk(path.join(dir, n.name));
  };
  walk(FIXTURES);
  return found;
}

/**
 * A catalogue of `n` generated entries (bench/generate.ts), each text as `edit` makes it, in a new
 * folder named `entries` (whose path is returned).
 */
export function generatedCatalogue(prefix: string, n: number, edit: (text: string, i: number) => string): string {
  const dir = path.join(tempDir(prefix), 'entries');
  mkdirSync(dir);
  for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `method-${i}.yaml`), edit(entryText(i), i));
  return dir;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with a memory Io. */
export async function runInMemory(argv: string[], over: Partial<Io> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: ROOT,
    env: {},
    color: false,
    stdinIsTTY: false,
    readStdin: async () => '',
    now: () => FIXED_NOW,
    ...over,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

let cacheHome: string | undefined;

/** A cache folder for the binaries this test file runs. */
export function testCacheHome(): string {
  return (cacheHome ??= mkdtempSync(path.join(tmpdir(), 'mllm-align-cache-')));
}

/** Run the built binary as a user would. */
export function runBinary(argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): RunResult {
  // The binary's cache goes to a folder of this test run, never the user's.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_CACHE_HOME: testCacheHome(), ...opts.env };
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: opts.cwd ?? ROOT, env, input: opts.input ?? '', encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `mllm-align-${prefix}-`));
}

/**
 * Wait until files written now count as settled: the cache and replay do not trust a file's stat
 * when it changed within two seconds of the run that recorded it (store/identity.ts RACY_MS).
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2100));
}

/** A copy of the installed tool (bin, dist, package.json; node_modules linked) that a test may change: its folder. */
export function copyOfTool(): string {
  const pkg = tempDir('pkg');
  for (const part of ['bin', 'dist', 'package.json']) cpSync(path.join(ROOT, part), path.join(pkg, part), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
  return pkg;
}
