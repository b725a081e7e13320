/** Writing files atomically: new entries (never over an existing file) and replaced outputs. Used only by commands. */
import { chmodSync, closeSync, fsyncSync, linkSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { DataError, UsageError } from '../core/errors.js';
import { isPlainId, MAX_ID_LENGTH } from '../core/schema-def.js';
import { quoteInput } from '../core/text.js';
import { createTempPath, forgetTempPath, releaseTempPath, sweepLeftovers } from './temp-files.js';

/** A hidden, short temporary name in the folder of `file` (validate reads only .yaml); leftovers of killed runs there go first. */
function tempNameFor(file: string): string {
  const dir = path.dirname(file);
  sweepLeftovers(dir);
  return createTempPath(dir);
}

/** What an output file gets: a text, or a text in pieces written as they are made (an export, #13). */
export type OutputText = string | Iterable<string>;

/** Write all of `text` at `fd`. */
function writeAll(fd: number, text: OutputText): void {
  for (const piece of typeof text === 'string' ? [text] : text) {
    const bytes = Buffer.from(piece);
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
  }
}

/** Write all of `text` to a new file `tmp` and flush it to disk. */
function writeTemp(tmp: string, text: OutputText, mode?: number): void {
  const fd = openSync(tmp, 'wx', 0o666);
  try {
    writeAll(fd, text);
    if (mode !== undefined) chmodSync(tmp, mode);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** What a path is, following a symbolic link; undefined when nothing is there. */
function statTarget(file: string): { real: string; stats: Stats } | undefined {
  let link: Stats;
  try {
    link = lstatSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (!link.isSymbolicLink()) return { real: file, stats: link };
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw new UsageError(`cannot write ${file}: it is a symbolic link to nothing; remove it or name its target`);
  }
  return { real, stats: statSync(real) };
}

/**
 * Replace (or create) the regular file `file` atomically: a temporary file in the same folder, then a
 * rename over it, keeping the file's mode. A symbolic link to a regular file replaces that file, not
 * the link. Anything else (a folder, a device, a FIFO) is refused: use writeOutput for those.
 */
export function replaceFileAtomic(file: string, text: OutputText, display = file): void {
  const target = statTarget(file);
  if (target && !target.stats.isFile()) throw new UsageError(`cannot write ${display}: ${describeKind(target.stats)}; name a regular file`);
  const real = target?.real ?? file;
  const tmp = tempNameFor(real);
  try {
    writeTemp(tmp, text, target ? target.stats.mode & 0o7777 : undefined);
    renameSync(tmp, real);
    forgetTempPath(tmp);
  } finally {
    releaseTempPath(tmp);
  }
}

/**
 * Write an export to `file`: a regular file (or a link to one) is replaced atomically; a device, FIFO
 * or terminal is written through as a stream, never replaced (issue #12, item 1); a folder is refused.
 */
export function writeOutput(file: string, text: OutputText, display = file): void {
  const target = statTarget(file);
  if (!target || target.stats.isFile()) return replaceFileAtomic(file, text, display);
  const { stats } = target;
  if (!stats.isCharacterDevice() && !stats.isFIFO()) throw new UsageError(`cannot write ${display}: ${describeKind(stats)}; name a regular file`);
  let fd: number;
  try {
    fd = openSync(target.real, 'w');
  } catch (err) {
    throw new DataError(`cannot write ${display}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    writeAll(fd, text);
  } catch (err) {
    // An error of the export being made (not of the write) is its own.
    if ((err as NodeJS.ErrnoException).code === undefined) throw err;
    throw new DataError(`cannot write ${display}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  } finally {
    closeSync(fd);
  }
}

function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'it is a folder';
  if (stats.isSocket()) return 'it is a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device';
  if (stats.isFIFO()) return 'it is a FIFO';
  return 'it is not a regular file';
}

/** The file an id would be written to; refuses ids that are not plain slugs. */
export function entryPath(dir: string, id: string): string {
  if (!isPlainId(id)) {
    throw new UsageError(`id ${quoteInput(id)} is not a plain slug (lower-case letters and digits joined by single - or .${id.length > MAX_ID_LENGTH ? `, at most ${MAX_ID_LENGTH} characters` : ''})`);
  }
  const target = path.join(dir, `${id}.yaml`);
  // Belt and braces: a slug cannot leave the folder, but check the result, not the rule.
  if (path.dirname(target) !== path.resolve(dir)) throw new UsageError(`id ${quoteInput(id)} would write outside ${dir}`);
  return target;
}

/**
 * Write `text` as a new file atomically: a temporary file in the same folder is
 * hard-linked to the target, which fails if the target exists (so two `add`s of
 * the same id cannot both succeed), then the temporary name is removed.
 */
export function writeNewFile(target: string, text: string, display: string): void {
  const tmp = tempNameFor(target);
  try {
    writeTemp(tmp, text);
    try {
      linkSync(tmp, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new DataError(`${display} already exists; nothing written`);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw err;
      // A file system without hard links: fall back to an exclusive create.
      releaseTempPath(tmp);
      writeExclusive(target, text, display);
    }
  } finally {
    releaseTempPath(tmp);
  }
}

function writeExclusive(target: string, text: string, display: string): void {
  let fd: number;
  try {
    fd = openSync(target, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new DataError(`${display} already exists; nothing written`);
    throw err;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** Remove files this run wrote, when a later one of the same run failed. */
export function removeWritten(files: readonly string[]): void {
  for (const f of files) {
    try {
      unlinkSync(f);
    } catch {
      // Already gone: nothing to undo.
    }
  }
}
