/** The file-system side of loading: find the catalogue folder and read its entry files. */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../core/errors.js';
import { decodeUtf8 } from '../core/utf8.js';
import type { FileStamp, ReadProblem, SourceFile } from './source.js';

/** An entry file is a few kilobytes; a larger one is refused unread (issue #12: cost). */
export const MAX_ENTRY_BYTES = 1024 * 1024;

/** The catalogue shipped inside the package. */
export const PACKAGED_ENTRIES = fileURLToPath(new URL('../../entries', import.meta.url));

/**
 * Which catalogue to use: --entries, then MLLM_ALIGN_ENTRIES, then ./entries, then the shipped one.
 * A command that writes never falls back to the shipped catalogue: that would write inside the
 * installed package.
 */
export function resolveEntriesDir(option: string | undefined, env: NodeJS.ProcessEnv, cwd: string, forWriting = false): string {
  const given = option ?? (env.MLLM_ALIGN_ENTRIES || undefined);
  if (given !== undefined) {
    const dir = path.resolve(cwd, given);
    if (!isDirectory(dir)) {
      throw new UsageError(`entries folder not found: ${given}${option === undefined ? ' (from MLLM_ALIGN_ENTRIES)' : ''}`);
    }
    return dir;
  }
  const local = localEntriesDir(cwd);
  if (isDirectory(local)) return local;
  if (forWriting) {
    throw new UsageError('no ./entries folder here; pass --entries DIR (or set MLLM_ALIGN_ENTRIES) to say which catalogue to write to');
  }
  return PACKAGED_ENTRIES;
}

/** The ./entries a run in `cwd` opens when neither --entries nor MLLM_ALIGN_ENTRIES names a catalogue, if it is a folder. */
export function localEntriesDir(cwd: string): string {
  return path.join(cwd, 'entries');
}

export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The names of the .yaml files directly inside a folder, sorted. */
export function entryFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort();
}

/** The path of a name (which holds no separator) in `dir`, as path.join gives it, without normalising each one in a resolved folder. */
export function inFolder(dir: string): (name: string) => string {
  const prefix = path.isAbsolute(dir) && path.normalize(dir) === dir ? (dir.endsWith(path.sep) ? dir : dir + path.sep) : undefined;
  return prefix !== undefined ? (n) => prefix + n : (n) => path.join(dir, n);
}

/** The .yaml files directly inside a folder, sorted by name. */
export function listEntryFiles(dir: string): string[] {
  return entryFileNames(dir).map(inFolder(dir));
}

/** Read files, keeping a read failure as data so that it becomes a diagnostic. */
export function readSources(files: readonly string[], display: (abs: string) => string): SourceFile[] {
  return files.map((abs) => readEntryFile(abs, display(abs)).source);
}

/** One file read, with the stat of the very file its text came from (when it was read). */
export interface ReadResult {
  source: SourceFile;
  stamp?: FileStamp;
  /** The bytes the text was decoded from; valid only until the next read. */
  bytes?: Uint8Array;
}

// Not following a final symbolic link, and not waiting on a FIFO's writer. Where the platform has
// no O_NOFOLLOW (Windows), every file takes the path that checks for links first.
export const OPEN_FLAGS = constants.O_NOFOLLOW === undefined ? undefined : constants.O_RDONLY | constants.O_NOFOLLOW | (constants.O_NONBLOCK ?? 0);

/** Reused for every read: one buffer per thread instead of one per file (#13: garbage collection). */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);

/**
 * Read one entry file as strict UTF-8. Never follows a symbolic link out of the folder that holds
 * it, never waits on or reads what is not a regular file (a FIFO is opened without blocking and
 * closed unread), never reads more than MAX_ENTRY_BYTES (issue #12, items 2 and 11). A plain file
 * is opened once: the same descriptor answers the checks, the stamp and the read (#13: each file
 * was stat-ed three times).
 */
export function readEntryFile(abs: string, file: string): ReadResult {
  if (OPEN_FLAGS === undefined) return readByPath(abs, file);
  let fd: number;
  try {
    fd = openSync(abs, OPEN_FLAGS);
  } catch {
    // ELOOP: the name is a symbolic link, which the checks by path decide about; any other failure
    // (a socket cannot be opened, say) is reported as those checks report it.
    return readByPath(abs, file);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { source: { file, readError: `not a regular file${st.isDirectory() ? ' (a folder)' : ''}` } };
    if (st.size > MAX_ENTRY_BYTES) return { source: { file, readError: tooLarge(st.size) } };
    const bytes = readAll(fd, st.size);
    if (bytes.length > MAX_ENTRY_BYTES) return { source: { file, readError: tooLarge(bytes.length) } };
    return { source: decoded(file, bytes), stamp: st, bytes };
  } catch (err) {
    return { source: { file, readError: (err as NodeJS.ErrnoException).code ?? String(err) } };
  } finally {
    closeSync(fd);
  }
}

/**
 * A file read by the read-ahead worker (load/read-ahead.ts), which reads only regular files no
 * larger than an entry may be, opened as `readEntryFile` opens them: the same result.
 */
export function readAheadResult(file: string, bytes: Uint8Array, stamp: FileStamp): ReadResult {
  return { source: decoded(file, bytes), stamp, bytes };
}

function tooLarge(size: number): string {
  return `too large (${size} bytes; an entry file is at most ${MAX_ENTRY_BYTES} bytes)`;
}

function decoded(file: string, bytes: Uint8Array): SourceFile {
  const d = decodeUtf8(bytes);
  if (d.error) return { file, readError: 'encoding', readProblem: { kind: 'encoding', ...d.error } };
  return { file, text: d.text };
}

/**
 * The bytes of an open file of `size` bytes (as fstat said), in the scratch buffer: valid until the
 * next read. A file that reports size 0 (as some special files do) is read to its end, up to one
 * byte past the limit.
 */
function readAll(fd: number, size: number): Uint8Array {
  const want = size === 0 ? MAX_ENTRY_BYTES + 1 : size;
  let got = 0;
  while (got < want) {
    if (got === scratch.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.min(Math.max(scratch.length * 2, want), MAX_ENTRY_BYTES + 1));
      scratch.copy(bigger, 0, 0, got);
      scratch = bigger;
    }
    const n = readSync(fd, scratch, got, Math.min(scratch.length, want) - got, null);
    if (n === 0) break;
    got += n;
  }
  return scratch.subarray(0, got);
}

/** The read by path, for a symbolic link (and where files cannot be opened without following one). */
function readByPath(abs: string, file: string): ReadResult {
  const source = (readError: string, readProblem?: ReadProblem): ReadResult => ({ source: readProblem ? { file, readError, readProblem } : { file, readError } });
  try {
    if (lstatSync(abs).isSymbolicLink()) {
      const real = realpathSync(abs);
      const home = realpathSync(path.dirname(abs));
      const rel = path.relative(home, real);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
        return source('outside', { kind: 'outside', line: 1, column: 1, message: 'symbolic link to a file outside the catalogue folder; not read (copy the file in instead)' });
      }
    }
    const st = statSync(abs);
    if (!st.isFile()) return source(`not a regular file${st.isDirectory() ? ' (a folder)' : ''}`);
    if (st.size > MAX_ENTRY_BYTES) return source(tooLarge(st.size));
    return { source: decoded(file, readFileSync(abs)), stamp: st };
  } catch (err) {
    return source((err as NodeJS.ErrnoException).code ?? String(err));
  }
}

/** Expand command-line paths (files, folders or glob patterns) into absolute .yaml file paths. */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    if (isDirectory(abs)) out.push(...listEntryFiles(abs));
    else if (existsSync(abs)) out.push(abs);
    else if (/[*?[\]{}]/.test(p)) {
      const { default: fg } = await import('fast-glob');
      const found = await fg(p, { cwd, absolute: true, onlyFiles: true });
      if (found.length === 0) throw new UsageError(`no files match ${p}`);
      out.push(...found.sort());
    } else throw new UsageError(`no such file or folder: ${p}`);
  }
  return [...new Set(out)];
}

/** A path as we print it: relative to the working folder when inside it. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}
