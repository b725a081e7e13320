/**
 * Replay: what a read-only command printed over an unchanged catalogue, printed again without
 * running it (#13: a repeated `list` at start-up speed, a warm run below the read floor).
 *
 * A run of `list`, `filter`, `show`, `stats`, `graph`, `validate` or `export` to standard output
 * that opened the whole catalogue once, through the one door, with the cache on, is recorded: its
 * standard output and error, in order, and its exit code. The record is keyed by everything the
 * output can depend on besides the catalogue's files — the arguments, working folder, environment,
 * colour and terminal width, the day (UTC), and the build of the tool — and it holds the catalogue
 * folder's listing and each file's size, times and inode. It is replayed only when all of these are
 * the same, no file changed within RACY_MS of the recorded run's start (the cache's "racily clean"
 * rule), and its checksum holds; anything else runs the command, which records afresh.
 *
 * Records live in the user's cache folder (`replay/`), are written whole (temporary file, rename),
 * and at most MAX_RECORDS of them, MAX_TOTAL_BYTES in all, are kept. `--no-cache`, `MLLM_ALIGN_NO_CACHE` and `MLLM_ALIGN_DEBUG`
 * turn replay off, as does any error reading or writing a record (silently).
 *
 * This module is bundled twice: into the small `dist/cli/fast-path.cjs` that `bin/` loads first, and
 * into the CLI, which records.
 */
import { hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { entryFileNames, inFolder, isDirectory, localEntriesDir } from '../load/read.js';
import { cacheDisabled, checksum, checksumText, RACY_MS, toolIdentity, userCacheDir, type StatKey } from './identity.js';

/** Bumped whenever the layout of a record changes. */
const REPLAY_FORMAT = 3;

/** The commands whose output depends only on the catalogue (export only without --output/--check). */
export const REPLAYABLE = new Set(['list', 'filter', 'show', 'stats', 'graph', 'validate', 'export']);

/** Records kept; the least recently written are removed beyond this. */
const MAX_RECORDS = 24;

/** The records' bytes kept in all (the newest first): an export of a large catalogue is tens of megabytes. */
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

/** A run printing more than this is not recorded. */
const MAX_RECORD_BYTES = 128 * 1024 * 1024;

/** Output streams, as numbered in a record. */
type Stream = 1 | 2;

/** What of the process the output may depend on, besides the arguments and the catalogue. */
export interface RunContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  color: boolean;
  columns?: number;
}


/**
 * A record: the output (the payload), the catalogue's file names (UTF-8, each ended by a NUL, which
 * no file name holds) and their stat keys (four little-endian doubles each), the header as JSON,
 * then a fixed tail. The names and stats are not JSON: encoding and reading 40,000 numbers as text
 * was most of the cost of a record at 10,000 files (#13).
 */
interface Header {
  format: number;
  key: string;
  /** The catalogue folder. */
  dir: string;
  /** Whether ./entries was a folder (it decides which catalogue a run without --entries opens). */
  local: boolean;
  /** How many .yaml names the folder had, and the bytes they take in the record. */
  files: number;
  namesBytes: number;
  /** When the recorded run started (ms since the epoch). */
  started: number;
  code: number;
  /** The output, in order: [stream, bytes] pieces of the payload. */
  segments: Array<[Stream, number]>;
}

/** Length of the fixed tail: header length (12 digits), checksum (8 hexadecimal digits, identity.ts), newline. */
const TAIL = 12 + 8 + 1;

/**
 * Variables a shell keeps for itself, which neither this tool nor Node reads: left out of the key,
 * so that a `cd` elsewhere and back, or a subshell, still finds the record. Every other variable is
 * part of it.
 */
const SHELL_BOOKKEEPING = new Set(['_', 'OLDPWD', 'PWD', 'SHLVL']);

function keyOf(argv: readonly string[], ctx: RunContext, now: Date): string {
  const env = Object.keys(ctx.env)
    .filter((k) => !SHELL_BOOKKEEPING.has(k))
    .sort()
    .map((k) => [k, ctx.env[k]]);
  return JSON.stringify([REPLAY_FORMAT, argv, ctx.cwd, env, ctx.color, ctx.columns ?? null, now.toISOString().slice(0, 10), toolIdentity()]);
}

/** The record file for a key, or undefined when replay is off for this run. */
function recordFile(argv: readonly string[], ctx: RunContext, now: Date): { file: string; key: string } | undefined {
  if (!REPLAYABLE.has(argv[0] ?? '') || argv.includes('--no-cache')) return undefined;
  if (cacheDisabled(undefined, ctx.env) || ctx.env.MLLM_ALIGN_DEBUG) return undefined;
  const base = userCacheDir(ctx.env);
  if (base === undefined) return undefined;
  const key = keyOf(argv, ctx, now);
  return { file: path.join(base, 'replay', `${hash('sha1', key, 'hex').slice(0, 32)}.out`), key };
}

/** Whether the catalogue is as recorded: same folder, same files, none changed since (or racily close to) the run. */
function unchanged(h: Header, recorded: Catalogue, cwd: string): boolean {
  if (!isDirectory(h.dir) || isDirectory(localEntriesDir(cwd)) !== h.local) return false;
  const names = entryFileNames(h.dir);
  if (names.length !== h.files) return false;
  // The recorded names, in order, are the listing's.
  if (!recorded.names.equals(namesBytes(names))) return false;
  const settled = h.started - RACY_MS;
  const stats = recorded.stats;
  // Not path.join per file: a tenth of a warm run at 10,000 files.
  const join = inFolder(h.dir);
  for (let i = 0; i < names.length; i++) {
    const st = statSync(join(names[i]!), { throwIfNoEntry: false });
    if (!st) return false;
    const k = i * 32;
    if (st.size !== stats.readDoubleLE(k) || st.mtimeMs !== stats.readDoubleLE(k + 8) || st.ctimeMs !== stats.readDoubleLE(k + 16) || st.ino !== stats.readDoubleLE(k + 24)) return false;
    if (st.mtimeMs >= settled || st.ctimeMs >= settled) return false;
  }
  return true;
}

/** File names as a record keeps them: UTF-8, each ended by a NUL (which no file name holds). */
function namesBytes(names: readonly string[]): Buffer {
  return Buffer.from(names.length > 0 ? `${names.join('\0')}\0` : '', 'utf8');
}

/** The catalogue's part of a record: its names and its stats, as stored. */
interface Catalogue {
  names: Buffer;
  stats: Buffer;
}

/** A record's header, payload and catalogue part, when its checksum holds and its parts add up. */
function readRecord(file: string): { header: Header; payload: Buffer; catalogue: Catalogue } | undefined {
  const buf = readFileSync(file);
  if (buf.length < TAIL) return undefined;
  const tail = buf.toString('latin1', buf.length - TAIL);
  const headerBytes = Number(tail.slice(0, 12));
  const sum = tail.slice(12, 20);
  const headerStart = buf.length - TAIL - headerBytes;
  if (!Number.isInteger(headerBytes) || headerStart < 0 || tail[20] !== '\n') return undefined;
  if (checksumText(checksum(buf.subarray(0, buf.length - TAIL))) !== sum) return undefined;
  const header = JSON.parse(buf.toString('utf8', headerStart, buf.length - TAIL)) as Header;
  if (!Number.isSafeInteger(header.files) || header.files < 0 || !Number.isSafeInteger(header.namesBytes) || header.namesBytes < 0) return undefined;
  const statsStart = headerStart - header.files * 32;
  const payloadEnd = statsStart - header.namesBytes;
  if (payloadEnd < 0) return undefined;
  return {
    header,
    payload: buf.subarray(0, payloadEnd),
    catalogue: { names: buf.subarray(payloadEnd, statsStart), stats: buf.subarray(statsStart, headerStart) },
  };
}

/** Whether a header's fields have the types and ranges a record's have, its pieces adding up to the payload. */
function wellFormed(h: Header, payloadBytes: number): boolean {
  if (typeof h.dir !== 'string' || !path.isAbsolute(h.dir) || typeof h.local !== 'boolean' || typeof h.started !== 'number') return false;
  if (h.code !== 0 && h.code !== 1) return false;
  if (!Array.isArray(h.segments)) return false;
  let total = 0;
  for (const seg of h.segments) {
    if (!Array.isArray(seg) || seg.length !== 2 || (seg[0] !== 1 && seg[0] !== 2) || !Number.isSafeInteger(seg[1]) || seg[1] < 0) return false;
    total += seg[1];
  }
  return total === payloadBytes;
}

/** Where replayed output goes. */
export interface ReplayOutput {
  write(stream: Stream, bytes: Buffer): void;
}

/**
 * Print what the same command printed over the same catalogue, when that is known; returns its
 * exit code, or undefined when the command must run. Never throws.
 */
export function replay(argv: readonly string[], ctx: RunContext, out: ReplayOutput, now = new Date()): number | undefined {
  try {
    const where = recordFile(argv, ctx, now);
    if (!where) return undefined;
    const record = readRecord(where.file);
    if (!record) return undefined;
    const { header, payload, catalogue } = record;
    if (header.format !== REPLAY_FORMAT || header.key !== where.key || !wellFormed(header, payload.length) || !unchanged(header, catalogue, ctx.cwd)) return undefined;
    let at = 0;
    for (const [stream, bytes] of header.segments) {
      out.write(stream, payload.subarray(at, at + bytes));
      at += bytes;
    }
    return header.code;
  } catch {
    return undefined;
  }
}

/** What the one door tells a recording about the catalogue it opened. */
export interface OpenedFiles {
  dir: string;
  /** Whether any files were named on the command line (then the run is not recorded). */
  named: boolean;
  /** Every file read, and its stat key taken before it was read (undefined: not stat-ed). */
  files: readonly string[];
  stats: ReadonlyArray<StatKey | undefined>;
}

/** The part of a run's I/O a recording watches. */
export interface RunWatch {
  /** The catalogue was opened (called by the one door). */
  opened(o: OpenedFiles): void;
  /** Something the run did makes its output depend on more than the catalogue. */
  refuse(): void;
}

/** A recording of one run, written as a record when the run ends well. */
export class Recording implements RunWatch {
  private fd: number | undefined;
  private readonly tmp: string;
  private sum = 0;
  private readonly segments: Array<[Stream, number]> = [];
  private bytes = 0;
  private refused = false;
  private catalogue: { dir: string; local: boolean; names: readonly string[]; stats: ReadonlyArray<StatKey | undefined> } | undefined;
  private readonly started = Date.now();

  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly cwd: string,
  ) {
    this.tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  }

  /** A recording of this run, or undefined when it cannot be replayed anyway. */
  static start(argv: readonly string[], ctx: RunContext, now: Date): Recording | undefined {
    try {
      const where = recordFile(argv, ctx, now);
      return where ? new Recording(where.file, where.key, ctx.cwd) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keep a piece of output (after it was written to its stream). */
  add(stream: Stream, text: string | Uint8Array): void {
    if (this.refused || text.length === 0) return;
    try {
      const fd = this.open();
      const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      this.bytes += buf.length;
      if (this.bytes > MAX_RECORD_BYTES) return this.refuse();
      writeSync(fd, buf);
      this.sum = checksum(buf, this.sum);
      const last = this.segments[this.segments.length - 1];
      if (last && last[0] === stream) last[1] += buf.length;
      else this.segments.push([stream, buf.length]);
    } catch {
      this.refuse();
    }
  }

  opened(o: OpenedFiles): void {
    if (this.catalogue || o.named || o.stats.some((s) => s === undefined)) return this.refuse();
    // Only a whole folder's files, in the order the folder lists them, can be checked by a replay.
    const prefix = o.dir.endsWith(path.sep) ? o.dir : o.dir + path.sep;
    const names: string[] = new Array<string>(o.files.length);
    for (let i = 0; i < o.files.length; i++) {
      const f = o.files[i]!;
      const name = f.slice(prefix.length);
      if (!f.startsWith(prefix) || name.includes(path.sep) || (i > 0 && !(names[i - 1]! < name))) return this.refuse();
      names[i] = name;
    }
    try {
      this.catalogue = { dir: o.dir, local: isDirectory(localEntriesDir(this.cwd)), names, stats: o.stats };
    } catch {
      this.refuse();
    }
  }

  refuse(): void {
    this.refused = true;
    this.close();
    try {
      rmSync(this.tmp, { force: true });
    } catch {
      // nothing was created
    }
  }

  /** The temporary file, created on first use. */
  private open(): number {
    if (this.fd === undefined) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = openSync(this.tmp, 'w', 0o600);
    }
    return this.fd;
  }

  private close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      closeSync(fd);
    } catch {
      // already gone
    }
  }

  /** The run ended with `code`: write the record if the run can be replayed. */
  finish(code: number): void {
    if (this.refused || !this.catalogue || (code !== 0 && code !== 1)) return this.refuse();
    try {
      const fd = this.open();
      const { dir, local, names, stats } = this.catalogue;
      const namesBuf = namesBytes(names);
      const statsBuf = Buffer.allocUnsafe(stats.length * 32);
      stats.forEach((st, i) => st!.forEach((v, k) => statsBuf.writeDoubleLE(v, i * 32 + k * 8)));
      const header: Header = { format: REPLAY_FORMAT, key: this.key, dir, local, files: names.length, namesBytes: namesBuf.length, started: this.started, code, segments: this.segments };
      const headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
      for (const part of [namesBuf, statsBuf, headerBuf]) {
        writeSync(fd, part);
        this.sum = checksum(part, this.sum);
      }
      writeSync(fd, `${String(headerBuf.length).padStart(12, '0')}${checksumText(this.sum)}\n`);
      this.close();
      renameSync(this.tmp, this.file);
      pruneRecords(path.dirname(this.file));
    } catch {
      this.refuse();
    }
  }
}

/**
 * Keep the newest records, at most `limits.records` of them and `limits.bytes` in all; remove
 * temporary files left by runs that were killed (older than an hour).
 */
export function pruneRecords(dir: string, limits = { records: MAX_RECORDS, bytes: MAX_TOTAL_BYTES }, now = Date.now()): void {
  const records: Array<{ name: string; mtime: number; size: number }> = [];
  for (const name of readdirSync(dir)) {
    const st = statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (!st) continue;
    if (name.endsWith('.tmp')) {
      if (now - st.mtimeMs > 3600_000) rmSync(path.join(dir, name), { force: true });
    } else if (name.endsWith('.out')) records.push({ name, mtime: st.mtimeMs, size: st.size });
  }
  records.sort((a, b) => b.mtime - a.mtime);
  let total = 0;
  records.forEach((r, i) => {
    total += r.size;
    // The newest record always stays: it was just written.
    if (i > 0 && (i >= limits.records || total > limits.bytes)) rmSync(path.join(dir, r.name), { force: true });
  });
}

