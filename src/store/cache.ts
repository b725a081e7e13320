/**
 * The on-disk cache behind the one door: for each entry file, what its own checks found (the parsed
 * value and its diagnostics), keyed by path, size, modification and change times, inode and its
 * bytes (kept, or their hash). One file per catalogue folder under the user's cache folder, never
 * inside it.
 *
 * It must never serve a stale entry (#13):
 * - a record is trusted on its stat alone only when the file last changed well before the run that
 *   read it began (git's "racily clean" rule); otherwise the file is read and its bytes compared;
 * - the cache is one file, written as the run goes into a temporary file renamed over the old one
 *   when whole, with a checksum of its body, so a torn, truncated or corrupted cache reads as empty,
 *   and two runs at once never mix;
 * - a file in canonical form is kept as its text (parsed again when served, as quick as reading
 *   JSON and far cheaper to write); any other as its value in JSON;
 * - it belongs to one build of the tool (its code files and package.json) and one calendar year
 *   (the future-year rule), and is dropped when either changes;
 * - any error reading or writing it (a read-only home) means running without it, silently.
 */
import { hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseCanonical } from '../load/canonical.js';
import { CACHE_FORMAT, checksum, checksumText, RACY_MS, toolIdentity, userCacheDir, type StatKey } from './identity.js';
import { createTempPath, forgetTempPath, releaseTempPath, sweepLeftovers } from './temp-files.js';

/** A diagnostic as the cache keeps it: without the file name (the displayed path depends on the working folder). */
export interface CachedDiagnostic {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** What the cache keeps about one file: the parsed value (when its YAML parsed) and its own diagnostics. */
export interface CachedCheck {
  /** False when the YAML had syntax errors. */
  parsedOk: boolean;
  data: unknown;
  /** What the duplicate rules compare (validate/rules.ts crossKeysOf), worked out once. */
  keys?: Record<string, string>;
  diagnostics: CachedDiagnostic[];
}

/**
 * One file's record as read from the cache file. The value of a file in canonical form is kept as
 * its text (its bytes in the cache file), parsed again only when served: the text is what the run
 * already holds, where encoding the value as JSON was most of the cost of filling the cache (#13).
 */
interface CacheRecord {
  stat: StatKey;
  /** The hash of the bytes; empty for a clean text, whose bytes are compared instead. */
  hash: string;
  parsedOk: boolean;
  keys: Record<string, string> | undefined;
  diagnostics: CachedDiagnostic[];
  /** The canonical text, as bytes of the loaded cache file. */
  text?: Uint8Array;
  /** The value, when it is kept as JSON instead. */
  data?: unknown;
}

/**
 * The two kinds of record in the cache file. Most files are CLEAN: in canonical form, parsed, no
 * diagnostic. Their record is binary and holds no more than the path, the stat and the text (the
 * duplicate keys are worked out again when served); encoding anything more per file was most of
 * the cost of filling the cache (#13). Any other file's record is a line of JSON (MetaLine), then
 * its text when it is canonical.
 */
const CLEAN = 1;
const GENERAL = 2;

/** A GENERAL record's JSON: its text follows when textBytes is not -1; otherwise the value is the last element. */
type MetaLine = [abs: string, ...StatKey, hash: string, parsedOk: 0 | 1, keys: Record<string, string> | null, diagnostics: CachedDiagnostic[], textBytes: number, data?: unknown];

/** A path longer than this (none is) takes a GENERAL record, so that a CLEAN one always fits in a chunk. */
const MAX_PATH_BYTES = 64 * 1024;

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

/** Bytes as a Buffer, without copying them. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
  private readonly startedAt = Date.now();
  private previousStart = 0;
  private changed = false;
  /** Records of this run (the files it saw), in the order they were settled. */
  private kept = 0;
  /** Records kept before the new cache file was started; written when it is. */
  private pending: Array<[string, CacheRecord]> = [];
  private out: CacheWriter | undefined;
  /** Writing failed once: the rest of the run goes without (read-only home, full disk). */
  private unwritable = false;
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
  // line with the start time of the run that wrote it, then one record per file (CLEAN or GENERAL).
  // It is written as the run goes and read without ever holding all of it as one string (#13:
  // memory at 50,000 entries). Anything out of place throws: the cache then reads as empty.
  private load(buf: Buffer): void {
    const nl = buf.indexOf(0x0a);
    if (nl !== HEADER_BYTES - 1) throw new Error('no header');
    const header = JSON.parse(buf.toString('utf8', 0, nl)) as { format?: unknown; fingerprint?: unknown; checksum?: unknown };
    if (header.format !== CACHE_FORMAT || header.fingerprint !== this.where.fingerprint) throw new Error('another build');
    if (header.checksum !== checksumText(checksum(buf.subarray(nl + 1)))) throw new Error('checksum');
    let at = nl + 1;
    const end = buf.indexOf(0x0a, at);
    if (end < 0) throw new Error('empty');
    const first = JSON.parse(buf.toString('utf8', at, end)) as unknown;
    if (typeof first !== 'number') throw new Error('shape');
    this.previousStart = first;
    at = end + 1;
    // Bounds are checked by Buffer's readers (a RangeError) and here for the slices.
    const slice = (length: number): Buffer => {
      if (length < 0 || at + length > buf.length) throw new Error('torn');
      const part = buf.subarray(at, at + length);
      at += length;
      return part;
    };
    while (at < buf.length) {
      const kind = buf.readUInt8(at);
      at += 1;
      if (kind === CLEAN) {
        const absBytes = buf.readUInt32LE(at);
        at += 4;
        const abs = slice(absBytes).toString('utf8');
        const stat: StatKey = [buf.readDoubleLE(at), buf.readDoubleLE(at + 8), buf.readDoubleLE(at + 16), buf.readDoubleLE(at + 24)];
        at += 32;
        const length = buf.readUInt32LE(at);
        at += 4;
        this.records.set(abs, { stat, hash: '', parsedOk: true, keys: undefined, diagnostics: [], text: slice(length) });
      } else if (kind === GENERAL) {
        const length = buf.readUInt32LE(at);
        at += 4;
        const line = JSON.parse(slice(length).toString('utf8')) as unknown;
        if (!Array.isArray(line) || line.length < 10 || typeof line[0] !== 'string') throw new Error('shape');
        const m = line as MetaLine;
        const record: CacheRecord = { stat: [m[1], m[2], m[3], m[4]], hash: m[5], parsedOk: m[6] === 1, keys: m[7] ?? undefined, diagnostics: m[8] };
        if (m[9] >= 0) record.text = slice(m[9]);
        else record.data = m[10];
        this.records.set(m[0], record);
      } else throw new Error('shape');
    }
  }

  /** Whether the cache holds a record of this file (then it is worth a stat before reading it). */
  has(abs: string): boolean {
    return this.records.has(abs);
  }

  /** The cached result for a file whose stat is unchanged and was settled when last hashed. */
  byStat(abs: string, key: StatKey): CachedCheck | undefined {
    const r = this.records.get(abs);
    if (!r) return undefined;
    if (!sameStat(r.stat, key)) return undefined;
    if (Math.max(key[1], key[2]) >= this.previousStart - RACY_MS) return undefined;
    return this.serve(abs, r);
  }

  /**
   * The cached result for a file read this run whose bytes are unchanged (after a touch, say): its
   * bytes are compared with the kept text, or hashed and compared with the kept hash.
   */
  byContent(abs: string, key: StatKey, bytes: Uint8Array): CachedCheck | undefined {
    const r = this.records.get(abs);
    if (!r) return undefined;
    if (r.text !== undefined ? !asBuffer(r.text).equals(bytes) : r.hash !== hashBytes(bytes)) return undefined;
    return this.settle(abs, key, r);
  }

  /** The same for a file a checking worker read, by the hash of its bytes. */
  byHash(abs: string, key: StatKey, textHash: string): CachedCheck | undefined {
    const r = this.records.get(abs);
    if (!r || r.hash === '' || r.hash !== textHash) return undefined;
    return this.settle(abs, key, r);
  }

  private settle(abs: string, key: StatKey, r: CacheRecord): CachedCheck | undefined {
    if (!sameStat(r.stat, key) || Math.max(r.stat[1], r.stat[2]) >= this.previousStart - RACY_MS) this.changed = true;
    return this.serve(abs, { ...r, stat: key });
  }

  private serve(abs: string, r: CacheRecord): CachedCheck | undefined {
    let data = r.data;
    if (r.text !== undefined) {
      data = parseCanonical(asBuffer(r.text).toString('utf8'));
      // Only canonical texts are kept as text; anything else is not this build's record.
      if (data === undefined) return undefined;
    }
    this.keep(abs, r);
    this.stats.reused++;
    return { parsedOk: r.parsedOk, data, keys: r.keys, diagnostics: r.diagnostics };
  }

  /**
   * Record what this run found for a file it read, parsed and checked, from its `bytes` (copied at
   * once: the caller's buffer is reused). `canonical`: its value is parseCanonical of them.
   */
  put(abs: string, key: StatKey, bytes: Uint8Array, check: CachedCheck, canonical: boolean): void {
    this.stats.checked++;
    this.changed = true;
    const text = canonical && check.parsedOk ? bytes : undefined;
    if (text !== undefined && check.diagnostics.length === 0) {
      this.keep(abs, { stat: key, hash: '', parsedOk: true, keys: undefined, diagnostics: [], text });
      return;
    }
    if (text === undefined && !jsonSafe(check.data)) return;
    this.keep(abs, { stat: key, hash: hashBytes(bytes), parsedOk: check.parsedOk, keys: check.keys, diagnostics: check.diagnostics, text, data: text ? undefined : check.data });
  }

  /** The same for a file a checking worker read, by the hash of its bytes: its value is kept as JSON. */
  putValue(abs: string, key: StatKey, textHash: string, check: CachedCheck): void {
    this.stats.checked++;
    this.changed = true;
    if (!jsonSafe(check.data)) return;
    this.keep(abs, { stat: key, hash: textHash, parsedOk: check.parsedOk, keys: check.keys, diagnostics: check.diagnostics, data: check.data });
  }

  /** A record of this run's: written now if the new cache file is started (it is once anything changed). */
  private keep(abs: string, r: CacheRecord): void {
    this.kept++;
    if (this.unwritable) return;
    if (this.out === undefined && !this.changed) {
      this.pending.push([abs, r]);
      return;
    }
    this.write(abs, r);
  }

  private write(abs: string, r: CacheRecord): void {
    try {
      this.writer().record(abs, r);
    } catch {
      this.abandon();
    }
  }

  /** The new cache file, started (with the records kept so far) when first needed. */
  private writer(): CacheWriter {
    if (this.out === undefined) {
      this.out = CacheWriter.start(this.where.file, this.startedAt);
      const earlier = this.pending;
      this.pending = [];
      for (const [a, p] of earlier) this.out.record(a, p);
    }
    return this.out;
  }

  private abandon(): void {
    this.unwritable = true;
    this.pending = [];
    this.out?.abandon();
    this.out = undefined;
  }

  /** Finish the new cache file when anything changed (the records of this run's files, and no others); errors are ignored. */
  save(): void {
    if (this.unwritable || (!this.changed && this.kept === this.records.size)) return;
    try {
      this.writer().finish(this.where.fingerprint);
      this.out = undefined;
    } catch {
      // A cache that cannot be written (read-only home, full disk) is skipped silently.
      this.abandon();
    }
  }
}

/** A new cache file, written record by record into a temporary file and renamed over the old one when whole. */
class CacheWriter {
  // Records are encoded straight into one buffer, hashed and written when it is full: no joined
  // string and no buffer per record (#13: saving was a tenth of a cold run).
  private readonly chunk = Buffer.allocUnsafeSlow(SAVE_CHUNK);
  private readonly view = new DataView(this.chunk.buffer, this.chunk.byteOffset, this.chunk.length);
  private used = 0;
  private position = HEADER_BYTES;
  private sum = 0;

  private constructor(
    private readonly target: string,
    private readonly tmp: string,
    private fd: number | undefined,
  ) {}

  static start(target: string, startedAt: number): CacheWriter {
    const dir = path.dirname(target);
    mkdirSync(dir, { recursive: true });
    // Left by a run that was killed while writing.
    sweepLeftovers(dir);
    const tmp = createTempPath(dir);
    let fd: number;
    try {
      fd = openSync(tmp, 'w', 0o600);
    } catch (err) {
      releaseTempPath(tmp);
      throw err;
    }
    const w = new CacheWriter(target, tmp, fd);
    w.text(String(startedAt));
    return w;
  }

  record(abs: string, r: CacheRecord): void {
    // A UTF-16 code unit takes at most three bytes of UTF-8.
    if (r.hash === '' && r.text !== undefined && abs.length * 3 < MAX_PATH_BYTES) {
      // CLEAN: kind, the path's length and the path, the stat, the text's length and the text. The
      // path is encoded once, where it goes, and the numbers through one DataView (#13: 10,000
      // records are a few per cent of a cold `validate`).
      this.room(1 + 4 + abs.length * 3 + 32 + 4);
      const v = this.view;
      const start = this.used;
      const absBytes = this.chunk.write(abs, start + 5, 'utf8');
      v.setUint8(start, CLEAN);
      v.setUint32(start + 1, absBytes, true);
      let at = start + 5 + absBytes;
      for (let k = 0; k < 4; k++, at += 8) v.setFloat64(at, r.stat[k]!, true);
      v.setUint32(at, r.text.length, true);
      this.used = at + 4;
      this.bytes(r.text);
      return;
    }
    const meta: MetaLine = [abs, r.stat[0], r.stat[1], r.stat[2], r.stat[3], r.hash, r.parsedOk ? 1 : 0, r.keys ?? null, r.diagnostics, r.text ? r.text.length : -1];
    if (!r.text) meta.push(r.data);
    const json = Buffer.from(JSON.stringify(meta), 'utf8');
    this.room(1 + 4);
    this.used = this.chunk.writeUInt8(GENERAL, this.used);
    this.used = this.chunk.writeUInt32LE(json.length, this.used);
    this.bytes(json);
    if (r.text) this.bytes(r.text);
  }

  /** Room for `n` more bytes in the chunk (n is far below its size). */
  private room(n: number): void {
    if (this.used + n > this.chunk.length) this.flush();
  }

  /** A line of text (the start time). */
  private text(line: string): void {
    this.bytes(Buffer.from(`${line}\n`, 'utf8'));
  }

  /** Bytes as they are. */
  private bytes(b: Uint8Array): void {
    if (this.used + b.length > this.chunk.length) {
      this.flush();
      if (b.length > this.chunk.length) return this.put(b);
    }
    this.chunk.set(b, this.used);
    this.used += b.length;
  }

  private flush(): void {
    this.put(this.chunk.subarray(0, this.used));
    this.used = 0;
  }

  private put(b: Uint8Array): void {
    this.sum = checksum(b, this.sum);
    writeSync(this.fd!, b, 0, b.length, this.position);
    this.position += b.length;
  }

  finish(fingerprint: string): void {
    this.flush();
    const header = JSON.stringify({ format: CACHE_FORMAT, fingerprint, checksum: checksumText(this.sum) });
    if (header.length > HEADER_BYTES - 1) throw new Error('header too long');
    writeSync(this.fd!, header.padEnd(HEADER_BYTES - 1, ' ') + '\n', 0, 'utf8');
    closeSync(this.fd!);
    this.fd = undefined;
    renameSync(this.tmp, this.target);
    forgetTempPath(this.tmp);
  }

  abandon(): void {
    try {
      if (this.fd !== undefined) closeSync(this.fd);
    } catch {
      // nothing more to do
    }
    this.fd = undefined;
    try {
      releaseTempPath(this.tmp);
    } catch {
      // left for the next run's sweep
    }
  }
}

