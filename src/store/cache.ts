/**
 * The on-disk cache behind the one door: for each entry file, what its own checks found (the parsed
 * value and its diagnostics), keyed by path, size, modification and change times, inode and a hash
 * of its bytes. One file per catalogue folder under the user's cache folder, never inside it.
 *
 * It must never serve a stale entry (#13):
 * - a record is trusted on its stat alone only when the file last changed well before the run that
 *   hashed it began (git's "racily clean" rule); otherwise the file is read and its hash compared;
 * - the cache is one file written whole (temporary file, then rename), with a checksum of its body,
 *   so a torn, truncated or corrupted cache reads as empty, and two runs at once never mix;
 * - it belongs to one build of the tool (its code files and package.json) and one calendar year
 *   (the future-year rule), and is dropped when either changes;
 * - any error reading or writing it (a read-only home) means running without it, silently.
 */
import { createHash, hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileStamp } from '../load/source.js';

/** Bumped whenever the layout of the cache file changes. */
const CACHE_FORMAT = 3;

/**
 * A file whose mtime or ctime is this close to (or after) the start of the run that hashed it may
 * have changed again within the file system's clock granularity: it is rehashed next time.
 */
export const RACY_MS = 2000;

/** What the cache keeps about one file: the parsed value (when its YAML parsed) and its own diagnostics. */
export interface CachedCheck {
  /** False when the YAML had syntax errors. */
  parsedOk: boolean;
  data: unknown;
  /** What the duplicate rules compare (validate/rules.ts crossKeysOf), worked out once. */
  keys?: Record<string, string>;
  /** Its diagnostics without the file name (the displayed path depends on the working folder). */
  diagnostics: Array<{ line: number; column: number; severity: 'error' | 'warning'; code: string; message: string }>;
}

/** A file's identity short of its bytes: what the cache and replay records compare. */
export type StatKey = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

interface CacheRecord {
  stat: StatKey;
  hash: string;
  check: CachedCheck;
}

/** One file's line in the cache file, after its path. */
type CacheLine = [...StatKey, string, CachedCheck];

/** Bytes of the cache file encoded at a time when saving. */
const SAVE_CHUNK = 1024 * 1024;

/** Length of the header line, newline included: fixed, so it can be written last, in place. */
const HEADER_BYTES = 256;

export interface CacheLocation {
  /** The cache file of this catalogue. */
  file: string;
  /** Everything the cached checks depend on besides the file's bytes. */
  fingerprint: string;
}

/** The user's cache folder for mllm-align: $XDG_CACHE_HOME, else the platform's (on Linux ~/.cache). */
export function userCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  // Taken from the injected environment, not process.env, so that in-process runs and tests choose
  // their own cache (which is why this is not env-paths: it reads process.env and os.homedir()).
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'mllm-align');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'mllm-align', 'Cache');
  const home = env.HOME;
  if (!home || !path.isAbsolute(home)) return undefined;
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'mllm-align');
  return path.join(home, '.cache', 'mllm-align');
}

/** Whether the cache is off: --no-cache, or MLLM_ALIGN_NO_CACHE set to anything but 0 or false. */
export function cacheDisabled(option: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (option === false) return true;
  const v = env.MLLM_ALIGN_NO_CACHE;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

let identity: string | undefined;

/**
 * The running tool: the identity of every file of its code (size, times and inode: any rebuild,
 * reinstall or edit changes them, and reading their bytes would cost more) and its package.json
 * (version included), and the version of Node.js, as one string.
 */
export function toolIdentity(): string {
  if (identity !== undefined) return identity;
  // The built CLI lives in dist/cli/ (from source: src/store/); one level up holds all of its code.
  const root = fileURLToPath(new URL('../', import.meta.url));
  // The Node.js that runs it too (V8, ICU: regular expressions, collation).
  const parts: string[] = [String(CACHE_FORMAT), process.version];
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(?:[cm]?js|ts|json)$/.test(f)).sort();
  for (const f of files) {
    const st = statSync(path.join(root, f));
    parts.push(f, String(st.size), String(st.mtimeMs), String(st.ctimeMs), String(st.ino));
  }
  parts.push(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'));
  identity = parts.join('\0');
  return identity;
}

let codeHash: string | undefined;

/** A hash of the running tool (toolIdentity). */
function toolFingerprint(): string {
  return (codeHash ??= hash('sha1', toolIdentity(), 'base64'));
}

/** Where the cache of catalogue `dir` lives, or undefined when there is none to use. */
export function locateCache(env: NodeJS.ProcessEnv, dir: string, now: Date): CacheLocation | undefined {
  const base = userCacheDir(env);
  if (base === undefined) return undefined;
  // Never inside the catalogue folder.
  const rel = path.relative(dir, base);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) return undefined;
  try {
    const fingerprint = `${toolFingerprint()} ${now.getUTCFullYear()}`;
    return { file: path.join(base, `catalogue-${hash('sha1', dir, 'hex').slice(0, 20)}.json`), fingerprint };
  } catch {
    return undefined;
  }
}

/** A hash of a file's text. */
export function hashText(text: string): string {
  return hash('sha1', text, 'base64');
}

/** The same hash from the file's bytes, when they are its text in UTF-8 (as read), without encoding the text again. */
export function hashBytes(bytes: Uint8Array): string {
  return hash('sha1', bytes, 'base64');
}

export function statKey(st: FileStamp): StatKey {
  return [st.size, st.mtimeMs, st.ctimeMs, st.ino];
}

function sameStat(a: StatKey, b: StatKey): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

/** Whether a value survives JSON unchanged (YAML's .inf, .nan and -0 do not). */
function jsonSafe(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (value === null || typeof value !== 'object') return typeof value !== 'undefined' && typeof value !== 'bigint';
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return false;
  for (const key of Object.keys(value)) if (!jsonSafe((value as Record<string, unknown>)[key])) return false;
  return true;
}

/** The cache of one catalogue for one run: look files up, record new results, save once. */
export class CatalogueCache {
  private readonly records = new Map<string, CacheRecord>();
  private readonly fresh = new Map<string, CacheRecord>();
  private readonly startedAt = Date.now();
  private previousStart = 0;
  private changed = false;
  /** Files served from the cache, and files parsed and checked this run. */
  readonly stats = { reused: 0, checked: 0 };

  private constructor(private readonly where: CacheLocation) {}

  /** Open the cache file; a missing, foreign, torn or corrupted one reads as empty. */
  static open(where: CacheLocation): CatalogueCache {
    const cache = new CatalogueCache(where);
    try {
      cache.load(readFileSync(where.file));
    } catch {
      cache.records.clear();
      cache.changed = true;
    }
    return cache;
  }

  // The file: a header line (format, fingerprint, checksum of the rest, padded to HEADER_BYTES), a
  // line with the start time of the run that wrote it, then one line per file. Line by line, it is
  // written and read without ever holding all of it as one string (#13: memory at 50,000 entries).
  private load(buf: Buffer): void {
    const nl = buf.indexOf(0x0a);
    if (nl !== HEADER_BYTES - 1) throw new Error('no header');
    const header = JSON.parse(buf.toString('utf8', 0, nl)) as { format?: unknown; fingerprint?: unknown; checksum?: unknown };
    if (header.format !== CACHE_FORMAT || header.fingerprint !== this.where.fingerprint) throw new Error('another build');
    if (header.checksum !== hash('sha1', buf.subarray(nl + 1), 'base64')) throw new Error('checksum');
    let start = nl + 1;
    let first = true;
    while (start < buf.length) {
      let end = buf.indexOf(0x0a, start);
      if (end < 0) end = buf.length;
      const line = JSON.parse(buf.toString('utf8', start, end)) as unknown;
      start = end + 1;
      if (first) {
        if (typeof line !== 'number') throw new Error('shape');
        this.previousStart = line;
        first = false;
        continue;
      }
      if (!Array.isArray(line) || line.length !== 7 || typeof line[0] !== 'string') throw new Error('shape');
      const r = line as [string, ...CacheLine];
      this.records.set(r[0], { stat: [r[1], r[2], r[3], r[4]], hash: r[5], check: r[6] });
    }
    if (first) throw new Error('empty');
  }

  /** Whether the cache holds a record of this file (then it is worth a stat before reading it). */
  has(abs: string): boolean {
    return this.records.has(abs);
  }

  /** The cached result for a file whose stat is unchanged and was settled when last hashed. */
  byStat(abs: string, st: FileStamp): CachedCheck | undefined {
    const r = this.records.get(abs);
    if (!r) return undefined;
    const key = statKey(st);
    if (!sameStat(r.stat, key)) return undefined;
    if (Math.max(key[1], key[2]) >= this.previousStart - RACY_MS) return undefined;
    this.fresh.set(abs, r);
    this.stats.reused++;
    return r.check;
  }

  /** The cached result for a file read this run whose bytes are unchanged (after a touch, say). */
  byHash(abs: string, st: FileStamp, textHash: string): CachedCheck | undefined {
    const r = this.records.get(abs);
    if (!r || r.hash !== textHash) return undefined;
    const record = { stat: statKey(st), hash: textHash, check: r.check };
    if (!sameStat(r.stat, record.stat) || Math.max(r.stat[1], r.stat[2]) >= this.previousStart - RACY_MS) this.changed = true;
    this.fresh.set(abs, record);
    this.stats.reused++;
    return r.check;
  }

  /** Record what this run found for a file it read, parsed and checked. */
  put(abs: string, st: FileStamp, textHash: string, check: CachedCheck): void {
    this.stats.checked++;
    this.changed = true;
    if (!jsonSafe(check.data)) return;
    this.fresh.set(abs, { stat: statKey(st), hash: textHash, check });
  }

  /** Write the records of this run's files (and no others), when anything changed; errors are ignored. */
  save(): void {
    if (!this.changed && this.fresh.size === this.records.size) return;
    const tmp = `${this.where.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    let fd: number | undefined;
    try {
      mkdirSync(path.dirname(this.where.file), { recursive: true });
      fd = openSync(tmp, 'w', 0o600);
      const sum = createHash('sha1');
      let position = HEADER_BYTES;
      // Lines are encoded straight into one buffer, hashed and written when it is full: no joined
      // string and no buffer per chunk (#13: saving was a tenth of a cold run).
      const chunk = Buffer.allocUnsafeSlow(SAVE_CHUNK);
      let used = 0;
      const flush = () => {
        const bytes = chunk.subarray(0, used);
        sum.update(bytes);
        writeSync(fd!, bytes, 0, used, position);
        position += used;
        used = 0;
      };
      const line = (text: string) => {
        // A UTF-16 code unit takes at most three bytes of UTF-8.
        if (used + text.length * 3 + 1 > chunk.length) {
          flush();
          if (text.length * 3 + 1 > chunk.length) {
            const bytes = Buffer.from(`${text}\n`, 'utf8');
            sum.update(bytes);
            writeSync(fd!, bytes, 0, bytes.length, position);
            position += bytes.length;
            return;
          }
        }
        used += chunk.write(text, used, 'utf8');
        chunk[used++] = 0x0a;
      };
      line(String(this.startedAt));
      for (const [file, r] of this.fresh) line(JSON.stringify([file, r.stat[0], r.stat[1], r.stat[2], r.stat[3], r.hash, r.check]));
      flush();
      const header = JSON.stringify({ format: CACHE_FORMAT, fingerprint: this.where.fingerprint, checksum: sum.digest('base64') });
      if (header.length > HEADER_BYTES - 1) throw new Error('header too long');
      writeSync(fd, header.padEnd(HEADER_BYTES - 1, ' ') + '\n', 0, 'utf8');
      closeSync(fd);
      fd = undefined;
      renameSync(tmp, this.where.file);
    } catch {
      // A cache that cannot be written (read-only home, full disk) is skipped silently.
      try {
        if (fd !== undefined) closeSync(fd);
        rmSync(tmp, { force: true });
      } catch {
        // nothing more to do
      }
    }
  }
}
