/**
 * Replay (store/replay.ts): a read-only command repeated over an unchanged catalogue prints what it
 * printed before without loading the CLI, and never prints anything stale. After every change
 * between runs (a file's content, a same-size edit with the old modification time, a touch, an
 * added, deleted or renamed file, a ./entries folder appearing, the environment, the tool's version,
 * a corrupt or truncated record), a run prints exactly what a run with --no-cache prints. Whether a
 * run was replayed is seen, not timed: a replayed run loads dist/cli/fast-path.cjs and not main.js.
 */
import { spawn, spawnSync } from 'node:child_process';
import { crc32 } from 'node:zlib';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryText } from '../../bench/generate.js';
import { BIN, copyOfTool, FIXTURES, settle, tempDir } from '../helpers.js';

const N = 12;


interface Run {
  code: number;
  stdout: string;
  stderr: string;
}


class Scene {
  readonly entries: string;
  readonly cwd: string;
  readonly cacheHome = tempDir('replay-home');
  /** One trace file, emptied before each run: its path is in the environment, which is part of a record's key. */
  private readonly trace = path.join(tempDir('replay-trace'), 'trace.txt');

  constructor(readonly bin = BIN) {
    this.cwd = tempDir('replay-cat');
    this.entries = path.join(this.cwd, 'entries');
    mkdirSync(this.entries);
    for (let i = 0; i < N; i++) writeFileSync(this.file(i), entryText(i));
  }

  file(i: number): string {
    return path.join(this.entries, `method-${i}.yaml`);
  }

  /** A run of the binary, and whether it loaded the CLI (false: it was replayed). */
  run(args: string[], env: NodeJS.ProcessEnv = {}, cwd = this.cwd): Run & { ranCli: boolean } {
    const trace = this.trace;
    writeFileSync(trace, '');
    const r = spawnSync(process.execPath, ['--import', path.join(FIXTURES, 'trace', 'register.mjs'), this.bin, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: this.cacheHome, TRACE_FILE: trace, ...env },
      encoding: 'utf8',
    });
    const loaded = existsSync(trace) ? readFileSync(trace, 'utf8') : '';
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, ranCli: /dist[\\/]cli[\\/]main\.js/.test(loaded) };
  }

  /** The same command with --no-cache: what a replay must equal. */
  fresh(args: string[], env: NodeJS.ProcessEnv = {}, cwd = this.cwd): Run {
    const { code, stdout, stderr } = this.run([...args, '--no-cache'], env, cwd);
    return { code, stdout, stderr };
  }

  /** Run twice; the second run must equal a fresh one. Returns whether it was replayed. */
  twice(args: string[], env: NodeJS.ProcessEnv = {}, cwd = this.cwd): boolean {
    this.run(args, env, cwd);
    const second = this.run(args, env, cwd);
    const { ranCli, ...output } = second;
    expect(output, args.join(' ')).toEqual(this.fresh(args, env, cwd));
    return !ranCli;
  }

  records(): string[] {
    const dir = path.join(this.cacheHome, 'mllm-align', 'replay');
    return existsSync(dir) ? readdirSync(dir).map((f) => path.join(dir, f)) : [];
  }
}

const COMMANDS = [
  ['list'],
  ['list', '--format', 'json'],
  ['filter', 'year>=2020', '--format', 'ids'],
  ['show', 'method-3'],
  ['validate', '--format', 'json'],
  ['export', '--format', 'bibtex'],
  ['stats'],
];

describe('replay prints a repeated command’s output, never a stale one', () => {
  it('every read-only command is replayed once its catalogue has settled, with the same output and exit code', async () => {
    const s = new Scene();
    await settle();
    for (const args of COMMANDS) expect(s.twice(args), args.join(' ')).toBe(true);
    // Exit code 1 and the diagnostics on standard output are replayed too.
    writeFileSync(s.file(4), entryText(4).replace(/^year: \d+$/m, 'year: 1800'));
    await settle();
    expect(s.twice(['validate'])).toBe(true);
    expect(s.run(['validate'])).toMatchObject({ code: 1, stdout: expect.stringContaining('MA107') });
  }, 120_000);

  it('changed, same-size, touched, added, deleted and renamed files are seen', async () => {
    const s = new Scene();
    const args = ['list', '--format', 'json'];
    await settle();
    expect(s.twice(args)).toBe(true);
    const check = () => {
      const r = s.run(args);
      const { ranCli, ...output } = r;
      expect(output).toEqual(s.fresh(args));
      return ranCli;
    };

    // A changed value, just now: not replayed (the file changed), and not trusted next time either
    // until it has settled.
    writeFileSync(s.file(2), entryText(2).replace('name: Method-2', 'name: Changed-2'));
    expect(check()).toBe(true);
    expect(s.run(args).stdout).toContain('Changed-2');

    // The same size and the old modification time: the change time and the racy rule still see it.
    await settle();
    s.run(args);
    const before = statSync(s.file(5));
    writeFileSync(s.file(5), readFileSync(s.file(5), 'utf8').replace('name: Method-5', 'name: Mexhod-5'));
    utimesSync(s.file(5), before.atime, before.mtime);
    expect(statSync(s.file(5)).size).toBe(before.size);
    expect(check()).toBe(true);
    expect(s.run(args).stdout).toContain('Mexhod-5');

    // Touched, added, deleted, renamed: each runs the command again.
    await settle();
    s.run(args);
    const now = new Date();
    utimesSync(s.file(7), now, now);
    expect(check()).toBe(true);
    writeFileSync(path.join(s.entries, 'extra.yaml'), entryText(20).replace('id: method-20', 'id: extra'));
    expect(check()).toBe(true);
    unlinkSync(s.file(0));
    expect(check()).toBe(true);
    renameSync(s.file(9), path.join(s.entries, 'renamed.yaml'));
    expect(check()).toBe(true);
    expect(s.run(['validate']).stdout).toContain('MA201');
    // A file that is not .yaml changes nothing; settled again, the run is replayed.
    await settle();
    s.run(args);
    writeFileSync(path.join(s.entries, 'notes.txt'), 'not an entry');
    expect(check()).toBe(false);
  }, 120_000);

  it('another environment, colour, folder or catalogue is another record', async () => {
    const s = new Scene();
    await settle();
    expect(s.twice(['list'])).toBe(true);
    // Colour forced, and NO_COLOR: each its own output.
    expect(s.twice(['list'], { FORCE_COLOR: '1' })).toBe(true);
    expect(s.run(['list'], { FORCE_COLOR: '1' }).stdout).not.toEqual(s.run(['list']).stdout);
    expect(s.twice(['list'], { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(true);
    // From the folder above ./entries, `list` opens the shipped catalogue; once ./entries appears
    // there, the same command in the same folder opens it instead.
    const above = tempDir('replay-above');
    expect(s.twice(['list', '--format', 'ids'], {}, above)).toBe(true);
    const shipped = s.run(['list', '--format', 'ids'], {}, above).stdout;
    cpSync(s.entries, path.join(above, 'entries'), { recursive: true });
    const r = s.run(['list', '--format', 'ids'], {}, above);
    expect(r.ranCli).toBe(true);
    expect(r.stdout).not.toEqual(shipped);
    expect(r.stdout).toContain('method-1\n');
    // The same command through MLLM_ALIGN_ENTRIES, and a variable the tool never reads: still correct.
    expect(s.twice(['list', '--format', 'ids'], { MLLM_ALIGN_ENTRIES: s.entries }, above)).toBe(true);
    expect(s.run(['list', '--format', 'ids'], { SOMETHING_ELSE: 'x' }).ranCli).toBe(true);
  }, 120_000);

  it('a new version of the tool is not served an old record', async () => {
    const pkg = copyOfTool();
    const s = new Scene(path.join(pkg, 'bin', 'mllm-align.js'));
    await settle();
    expect(s.twice(['list', '--format', 'json'])).toBe(true);
    const manifest = path.join(pkg, 'package.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/"version": "[^"]+"/, '"version": "99.0.0"'));
    expect(s.run(['list', '--format', 'json']).ranCli).toBe(true);
    // A changed CLI, even with its size kept, is another build.
    expect(s.twice(['validate'])).toBe(true);
    const main = path.join(pkg, 'dist', 'cli', 'main.js');
    const code = readFileSync(main, 'utf8');
    expect(code).toContain(' checked: ');
    writeFileSync(main, code.replace(' checked: ', ' checkd!: '));
    const r = s.run(['validate']);
    expect(r.ranCli).toBe(true);
    expect(r.stdout + r.stderr).toContain('files checkd!: ');
  }, 120_000);

  it('a corrupted, truncated or foreign record is ignored', async () => {
    const s = new Scene();
    const args = ['export', '--format', 'json'];
    await settle();
    expect(s.twice(args)).toBe(true);
    const [record] = s.records();
    expect(record).toBeDefined();
    const bytes = readFileSync(record!);
    const expected = s.fresh(args);
    // One byte of the recorded output changed.
    const at = bytes.indexOf('method-1');
    bytes[at + 7] = bytes[at + 7] === 0x32 ? 0x33 : 0x32;
    writeFileSync(record!, bytes);
    let r = s.run(args);
    expect(r.ranCli).toBe(true);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual(expected);
    // Truncated, emptied, not a record at all.
    for (const damage of [() => truncateSync(record!, Math.floor(statSync(record!).size / 2)), () => writeFileSync(record!, ''), () => writeFileSync(record!, 'x'.repeat(100))]) {
      await settle();
      s.run(args);
      damage();
      r = s.run(args);
      expect(r.ranCli).toBe(true);
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual(expected);
    }
  }, 120_000);

  it('a record whose checksum holds but whose header is not a record’s is ignored', async () => {
    const s = new Scene();
    const args = ['validate'];
    await settle();
    expect(s.twice(args)).toBe(true);
    const [record] = s.records();
    const original = readFileSync(record!);
    const expected = s.fresh(args);
    // The header (or the bytes before it) rewritten and the checksum made to hold again, as a hostile writer could.
    const rewrite = (change: (h: Record<string, unknown>) => void, before?: (b: Buffer) => void) => {
      const tail = 12 + 8 + 1;
      const headerBytes = Number(original.toString('latin1', original.length - tail, original.length - tail + 12));
      const payload = Buffer.from(original.subarray(0, original.length - tail - headerBytes));
      const header = JSON.parse(original.toString('utf8', payload.length, original.length - tail)) as Record<string, unknown>;
      change(header);
      before?.(payload);
      const headerBuf = Buffer.from(JSON.stringify(header));
      const body = Buffer.concat([payload, headerBuf]);
      writeFileSync(record!, Buffer.concat([body, Buffer.from(`${String(headerBuf.length).padStart(12, '0')}${crc32(body).toString(16).padStart(8, '0')}\n`)]));
    };
    rewrite(() => undefined);
    expect(s.run(args).ranCli).toBe(false);
    // The command runs afresh and prints what a run without a record prints; then the record is put back.
    const expectFresh = () => {
      const r = s.run(args);
      expect(r.ranCli).toBe(true);
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual(expected);
      writeFileSync(record!, original);
    };
    for (const change of [
      (h: Record<string, unknown>) => (h.code = 7),
      (h: Record<string, unknown>) => (h.segments = [[1, -5]]),
      (h: Record<string, unknown>) => (h.segments = [[3, (h.segments as Array<[number, number]>)[0]![1]]]),
      (h: Record<string, unknown>) => (h.dir = 'relative/entries'),
      (h: Record<string, unknown>) => (h.files = (h.files as number) + 1),
      (h: Record<string, unknown>) => (h.files = (h.files as number) - 1),
      (h: Record<string, unknown>) => (h.namesBytes = (h.namesBytes as number) + 8),
      (h: Record<string, unknown>) => (h.namesBytes = -1),
      (h: Record<string, unknown>) => (h.files = 'many'),
      (h: Record<string, unknown>) => (h.key = 'another'),
    ]) {
      rewrite(change);
      expectFresh();
    }
    // The recorded names and stats (before the header): a name or a stat that is not the file's.
    for (const at of [(h: Record<string, unknown>) => (h.files as number) * 32 + (h.namesBytes as number) - 2, () => 16]) {
      let header: Record<string, unknown> = {};
      rewrite(
        (h) => void (header = h),
        (b) => {
          const i = b.length - at(header);
          b[i] = b[i]! ^ 0x01;
        },
      );
      expectFresh();
    }
  }, 120_000);

  it('runs that depend on more than the catalogue are never recorded', async () => {
    const s = new Scene();
    await settle();
    const out = path.join(s.cwd, 'refs.bib');
    for (const args of [
      ['export', '--format', 'bibtex', '--output', out],
      ['export', '--format', 'bibtex', '--output', out, '--check'],
      ['validate', 'entries/method-1.yaml'],
      ['list', '--help'],
      ['list', '--category', 'nonsense'],
      ['show', 'no-such-id'],
    ]) {
      s.run(args);
      const again = s.run(args);
      expect(again.ranCli, args.join(' ')).toBe(true);
    }
    // --output really writes each time: a deleted output file comes back.
    rmSync(out);
    s.run(['export', '--format', 'bibtex', '--output', out]);
    expect(existsSync(out)).toBe(true);
    // With MLLM_ALIGN_DEBUG, MLLM_ALIGN_NO_CACHE or --no-cache nothing is replayed or recorded.
    for (const env of [{ MLLM_ALIGN_DEBUG: 'cache' }, { MLLM_ALIGN_NO_CACHE: '1' }]) {
      s.run(['list'], env);
      expect(s.run(['list'], env).ranCli).toBe(true);
    }
    s.run(['list', '--no-cache']);
    expect(s.run(['list', '--no-cache']).ranCli).toBe(true);
    expect(s.records()).toEqual([]);
  }, 120_000);

  it('a cache folder that cannot be written is skipped silently, and old records are pruned', async () => {
    const s = new Scene();
    const blocked = path.join(tempDir('replay-blocked'), 'file');
    writeFileSync(blocked, '');
    for (const args of COMMANDS) {
      const r = s.run(args, { XDG_CACHE_HOME: blocked });
      const { ranCli, ...output } = r;
      expect(ranCli).toBe(true);
      expect(output).toEqual(s.fresh(args));
    }
    // A file where the record folder should be (nothing can be created under it, even as root): the same.
    await settle();
    mkdirSync(path.join(s.cacheHome, 'mllm-align'), { recursive: true });
    writeFileSync(path.join(s.cacheHome, 'mllm-align', 'replay'), '');
    s.run(['list']);
    const { ranCli, ...output } = s.run(['list']);
    expect(ranCli).toBe(true);
    expect(output).toEqual(s.fresh(['list']));
    rmSync(path.join(s.cacheHome, 'mllm-align', 'replay'));
    // Many distinct commands: only the newest records are kept.
    for (let i = 0; i < 30; i++) s.run(['filter', `year>=${1990 + i}`, '--format', 'count']);
    expect(s.records().length).toBeLessThanOrEqual(24);
  }, 120_000);
});

describe('a recorded run writing to a pipe whose reader is behind', () => {
  it('prints every byte, in order, as an unrecorded run does', async () => {
    const dir = path.join(tempDir('slow-pipe'), 'entries');
    mkdirSync(dir);
    for (let i = 0; i < 1500; i++) writeFileSync(path.join(dir, `method-${i}.yaml`), entryText(i));
    const cacheHome = tempDir('slow-pipe-cache');
    const env = { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cacheHome };
    const expected = spawnSync(process.execPath, [BIN, 'export', '--format', 'json', '--no-cache', '--entries', dir], { env, maxBuffer: 1 << 28 }).stdout;
    expect(expected.length).toBeGreaterThan(1 << 20);
    // The reader stops for a while after each piece: the pipe fills and the writer's stream queues.
    const slow = () =>
      new Promise<Buffer>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'export', '--format', 'json', '--entries', dir], { env });
        const pieces: Buffer[] = [];
        child.stdout.on('data', (d: Buffer) => {
          pieces.push(d);
          child.stdout.pause();
          setTimeout(() => child.stdout.resume(), 5);
        });
        child.on('close', () => resolve(Buffer.concat(pieces)));
      });
    expect((await slow()).equals(expected)).toBe(true);
    // And the record it left replays the same bytes.
    expect((await slow()).equals(expected)).toBe(true);
  }, 120_000);
});
