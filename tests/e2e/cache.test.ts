/**
 * The cache never serves a stale entry: after every change between runs (content, size, a touch,
 * added, deleted and renamed files, a new tool version or schema, a corrupt or truncated cache,
 * two runs at once), a run with the cache prints exactly what a run with --no-cache prints. The
 * debug line (MLLM_ALIGN_DEBUG=cache) shows the cache really served the files it could.
 */
import { spawn, spawnSync } from 'node:child_process';
import { crc32 } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryText } from '../../bench/generate.js';
import { BIN, copyOfTool, FIXED_NOW, runInMemory, settle, tempDir } from '../helpers.js';

const N = 24;
const COMMANDS = [
  ['validate', '--format', 'json'],
  ['list', '--format', 'json'],
  ['export', '--format', 'bibtex'],
];


function makeCatalogue(): string {
  const dir = path.join(tempDir('cat'), 'entries');
  mkdirSync(dir);
  for (let i = 0; i < N; i++) writeFileSync(path.join(dir, `method-${i}.yaml`), entryText(i));
  return dir;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runBin(bin: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A catalogue, a cache folder, and runs of one installed copy of the tool over them. */
class Scene {
  readonly entries = makeCatalogue();
  readonly cwd = path.dirname(this.entries);
  readonly cacheHome = tempDir('cache-home');

  constructor(readonly bin = BIN) {}

  run(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Run {
    return runBin(this.bin, args, this.cwd, { XDG_CACHE_HOME: this.cacheHome, MLLM_ALIGN_DEBUG: 'cache', ...extraEnv });
  }

  /** Each command with the cache equals it with --no-cache; returns the cache's debug counts of the first. */
  check(): { reused: number; checked: number } {
    let counts: { reused: number; checked: number } | undefined;
    for (const args of COMMANDS) {
      const cached = this.run(args);
      const fresh = this.run([...args, '--no-cache']);
      const m = /mllm-align: cache: (\d+) reused, (\d+) checked\n/.exec(cached.stderr);
      expect(m, cached.stderr).not.toBeNull();
      expect({ ...cached, stderr: cached.stderr.replace(m![0], '') }).toEqual(fresh);
      counts ??= { reused: Number(m![1]), checked: Number(m![2]) };
    }
    return counts!;
  }

  file(i: number): string {
    return path.join(this.entries, `method-${i}.yaml`);
  }

  cacheFile(): string {
    const dir = path.join(this.cacheHome, 'mllm-align');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    return path.join(dir, files[0]!);
  }
}


describe('the cache never serves a stale entry', () => {
  it('changed, resized, same-size, touched, added, deleted and renamed files', async () => {
    const s = new Scene();
    await settle();
    expect(s.check()).toEqual({ reused: 0, checked: N });
    expect(s.check()).toEqual({ reused: N, checked: 0 });

    // A changed value that makes the entry invalid (year out of range): only that file is checked again.
    writeFileSync(s.file(3), entryText(3).replace(/^year: \d+$/m, 'year: 1800'));
    expect(s.check()).toEqual({ reused: N - 1, checked: 1 });
    expect(s.run(['validate']).stdout).toContain('MA107');

    // The same size and the same modification time: still seen (the change time differs).
    const before = statSync(s.file(5));
    const text = readFileSync(s.file(5), 'utf8');
    writeFileSync(s.file(5), text.replace('name: Method-5', 'name: Mexhod-5'));
    utimesSync(s.file(5), before.atime, before.mtime);
    expect(statSync(s.file(5)).size).toBe(before.size);
    expect(s.check().checked).toBe(1);
    expect(s.run(['list', '--format', 'json']).stdout).toContain('Mexhod-5');

    // Touched, bytes unchanged: served from the cache by its hash.
    const now = new Date();
    utimesSync(s.file(7), now, now);
    expect(s.check()).toEqual({ reused: N, checked: 0 });

    // An added file that duplicates a cached entry's title: the cross-entry rule flags both files.
    writeFileSync(path.join(s.entries, 'extra.yaml'), entryText(9).replace('id: method-9', 'id: extra').replace('citekey: method9', 'citekey: extra'));
    expect(s.check()).toEqual({ reused: N, checked: 1 });
    expect(s.run(['validate']).stdout).toMatch(/method-9\.yaml:\d+:\d+: .*MA205/);

    // A deleted file that others build on: cached entries now point at nothing.
    const dependants = readdirSync(s.entries).filter((f) => readFileSync(path.join(s.entries, f), 'utf8').includes('  - method-0\n'));
    expect(dependants.length).toBeGreaterThan(0);
    unlinkSync(s.file(0));
    expect(s.check()).toEqual({ reused: N, checked: 0 });
    expect(s.run(['validate']).stdout).toContain('MA206');

    // A renamed file: its id no longer matches its name, and the old path is gone.
    renameSync(s.file(11), path.join(s.entries, 'renamed.yaml'));
    expect(s.check()).toEqual({ reused: N - 1, checked: 1 });
    expect(s.run(['validate']).stdout).toContain('MA201');

    // One file named on the command line is checked against the (cached) rest.
    const named = s.run(['validate', 'entries/renamed.yaml']);
    expect(named).toEqual({ ...s.run(['validate', 'entries/renamed.yaml', '--no-cache']), stderr: named.stderr });
  }, 120_000);

  it('a corrupted or truncated cache file reads as empty', async () => {
    const s = new Scene();
    await settle();
    s.check();
    const file = s.cacheFile();
    const bytes = readFileSync(file);
    // One byte flipped inside the body: still valid JSON, but the checksum no longer matches.
    const at = bytes.indexOf('method-1', bytes.indexOf(0x0a)) + 7;
    bytes[at] = bytes[at] === 0x32 ? 0x33 : 0x32;
    writeFileSync(file, bytes);
    expect(s.check()).toEqual({ reused: 0, checked: N });
    truncateSync(file, Math.floor(statSync(file).size / 2));
    expect(s.check()).toEqual({ reused: 0, checked: N });
    writeFileSync(file, 'not a cache');
    expect(s.check()).toEqual({ reused: 0, checked: N });
    // Cut inside a record, with a checksum that matches what is left: the records do not add up.
    s.check();
    const whole = readFileSync(file);
    const body = whole.subarray(256, whole.length - 5);
    const header = JSON.parse(whole.subarray(0, 255).toString()) as Record<string, unknown>;
    header.checksum = crc32(body).toString(16).padStart(8, '0');
    writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify(header).padEnd(255, ' ') + '\n'), body]));
    expect(s.check()).toEqual({ reused: 0, checked: N });
    writeFileSync(file, '');
    expect(s.check()).toEqual({ reused: 0, checked: N });
  }, 60_000);

  it('a new version of the tool, or a changed schema, drops the cache', async () => {
    const pkg = copyOfTool();
    const s = new Scene(path.join(pkg, 'bin', 'mllm-align.js'));
    await settle();
    s.check();
    expect(s.check()).toEqual({ reused: N, checked: 0 });

    const manifest = path.join(pkg, 'package.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/"version": "[^"]+"/, '"version": "99.0.0"'));
    expect(s.check()).toEqual({ reused: 0, checked: N });

    // The schema, as compiled into the build: citekeys must now start with a capital letter.
    const main = path.join(pkg, 'dist', 'cli', 'main.js');
    const code = readFileSync(main, 'utf8');
    const pattern = JSON.stringify('^[A-Za-z0-9][A-Za-z0-9_:.+-]*$');
    expect(code).toContain(`RegExp(${pattern}`);
    writeFileSync(main, code.replaceAll(`RegExp(${pattern}`, `RegExp(${JSON.stringify('^[A-Z][A-Za-z0-9_:.+-]*$')}`));
    expect(s.check()).toEqual({ reused: 0, checked: N });
    expect(s.run(['validate']).stdout).toContain('citekey');
  }, 60_000);

  it('two runs at once both print the fresh result, and leave a whole cache', async () => {
    const s = new Scene();
    await settle();
    s.check();
    writeFileSync(s.file(2), entryText(2).replace(/^year: \d+$/m, 'year: 1800'));
    const expected = s.run(['validate', '--format', 'json', '--no-cache']);
    const once = () =>
      new Promise<Run>((resolve) => {
        const child = spawn(process.execPath, [s.bin, 'validate', '--format', 'json'], {
          cwd: s.cwd,
          env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: s.cacheHome },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    const results = await Promise.all([once(), once(), once()]);
    for (const r of results) expect(r).toEqual(expected);
    expect(s.check().checked).toBe(0);
  }, 60_000);

  it('a cache folder that cannot be written is skipped silently', () => {
    const s = new Scene();
    // A file where the cache folder should be: nothing can be created under it (even as root).
    const blocked = path.join(tempDir('blocked'), 'file');
    writeFileSync(blocked, '');
    for (const args of COMMANDS) {
      const r = runBin(s.bin, args, s.cwd, { XDG_CACHE_HOME: blocked });
      expect(r).toEqual(runBin(s.bin, [...args, '--no-cache'], s.cwd, {}));
    }
  }, 60_000);

  it('--no-cache and MLLM_ALIGN_NO_CACHE neither read nor write it; it is never put inside the catalogue', () => {
    const s = new Scene();
    s.run(['list', '--no-cache']);
    s.run(['validate'], { MLLM_ALIGN_NO_CACHE: '1' });
    expect(existsSync(path.join(s.cacheHome, 'mllm-align'))).toBe(false);
    s.run(['validate'], { MLLM_ALIGN_NO_CACHE: '0' });
    expect(existsSync(path.join(s.cacheHome, 'mllm-align'))).toBe(true);
    const inside = s.run(['validate'], { XDG_CACHE_HOME: path.join(s.entries, '..', 'entries') });
    expect(inside.code).toBe(0);
    expect(readdirSync(s.entries).filter((f) => !f.endsWith('.yaml'))).toEqual([]);
    // Every command that reads the catalogue takes --no-cache.
    for (const args of [['validate'], ['list'], ['filter', 'year>=2020'], ['show', 'method-1'], ['format', '--check'], ['export', '--format', 'json'], ['add', '--help']]) {
      const code = s.run([...args, '--no-cache']).code;
      expect(code, args.join(' ')).toBeLessThan(2);
      expect(code, args.join(' ')).toBe(s.run(args).code);
    }
  }, 60_000);
});

describe('a catalogue large enough to be read ahead on another thread', () => {
  it('odd files (links, a folder, a FIFO, bad UTF-8, outside the canonical form) give the same output every way', async () => {
    const dir = path.join(tempDir('large'), 'entries');
    mkdirSync(dir);
    const M = 700;
    for (let i = 0; i < M; i++) writeFileSync(path.join(dir, `method-${i}.yaml`), entryText(i));
    // Outside the canonical form (a flow list, a comment after a value): kept in the cache as its value.
    writeFileSync(path.join(dir, 'method-10.yaml'), entryText(10).replace(/^tags:\n((?: {2}- .*\n)+)/m, (_, items: string) => `tags: [${items.trim().split('\n').map((l) => l.slice(4)).join(', ')}]\n`));
    writeFileSync(path.join(dir, 'method-11.yaml'), entryText(11).replace(/^(year: \d+)$/m, '$1 # the year'));
    writeFileSync(path.join(dir, 'method-12.yaml'), Buffer.concat([Buffer.from(entryText(12)), Buffer.from([0xff, 0x0a])]));
    unlinkSync(path.join(dir, 'method-13.yaml'));
    symlinkSync(path.join(dir, 'method-14.yaml'), path.join(dir, 'method-13.yaml'));
    symlinkSync('/etc/hostname', path.join(dir, 'outside.yaml'));
    mkdirSync(path.join(dir, 'folder.yaml'));
    spawnSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    const cacheHome = tempDir('cache-home');
    const run = (args: string[], env: NodeJS.ProcessEnv) => runBin(BIN, [...args, '--entries', dir], tempDir('cwd'), { XDG_CACHE_HOME: cacheHome, ...env });
    await settle();
    for (const args of [['validate', '--format', 'json'], ['list', '--format', 'json']]) {
      const reference = run([...args, '--no-cache'], { MLLM_ALIGN_WORKERS: '0' });
      expect(reference.code).toBe(1);
      for (const odd of ['fifo.yaml', 'folder.yaml', 'outside.yaml', 'method-12.yaml']) expect(reference.stdout + reference.stderr).toContain(odd);
      const counts = (r: Run) => /cache: (\d+) reused, (\d+) checked/.exec(r.stderr)?.slice(1).map(Number);
      const withoutCounts = (r: Run) => ({ ...r, stderr: r.stderr.replace(/^mllm-align: cache: .*\n/m, '') });
      const filling = run(args, { MLLM_ALIGN_DEBUG: 'cache' });
      expect(withoutCounts(filling)).toEqual(reference);
      const warm = run(args, { MLLM_ALIGN_DEBUG: 'cache' });
      expect(withoutCounts(warm)).toEqual(reference);
      // Every regular file is served from the cache the second time, the two outside the canonical form included.
      expect(counts(warm)![1]).toBeLessThanOrEqual(4);
      expect(counts(warm)![0]).toBeGreaterThanOrEqual(M - 2);
      expect(run([...args, '--no-cache'], {})).toEqual(reference);
    }
  }, 120_000);
});

describe('the cache and the calendar', () => {
  it('an entry dated next year is accepted this year and flagged once a year back: the cache follows the clock', async () => {
    const dir = makeCatalogue();
    const cacheHome = tempDir('cache-home');
    writeFileSync(path.join(dir, 'method-1.yaml'), entryText(1).replace(/^year: \d+$/m, 'year: 2027').replace(/^arxiv: .*$/m, 'arxiv: "2701.00001"'));
    const at = (now: Date) => runInMemory(['validate', '--entries', dir], { env: { XDG_CACHE_HOME: cacheHome }, now: () => now });
    const thisYear = await at(FIXED_NOW);
    expect(thisYear.code).toBe(0);
    const yearBefore = await at(new Date('2025-06-01T00:00:00Z'));
    expect(yearBefore.code).toBe(1);
    expect(yearBefore.stdout).toContain('MA107');
    expect(await at(FIXED_NOW)).toEqual(thisYear);
    rmSync(cacheHome, { recursive: true, force: true });
  });
});
