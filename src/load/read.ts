/** The file-system side of loading: find the catalogue folder and read its entry files. */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../core/errors.js';
import { decodeUtf8 } from '../core/utf8.js';
import type { SourceFile } from './source.js';

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
  const local = path.join(cwd, 'entries');
  if (isDirectory(local)) return local;
  if (forWriting) {
    throw new UsageError('no ./entries folder here; pass --entries DIR (or set MLLM_ALIGN_ENTRIES) to say which catalogue to write to');
  }
  return PACKAGED_ENTRIES;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The .yaml files directly inside a folder, sorted by name. */
export function listEntryFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .map((n) => path.join(dir, n));
}

/** Read files, keeping a read failure as data so that it becomes a diagnostic. */
export function readSources(files: readonly string[], display: (abs: string) => string): SourceFile[] {
  return files.map((abs) => readSource(abs, display(abs)));
}

/**
 * Read one entry file as strict UTF-8. Never follows a symbolic link out of the folder that holds
 * it, never opens what is not a regular file (a FIFO would block), never reads more than
 * MAX_ENTRY_BYTES (issue #12, items 2 and 11).
 */
function readSource(abs: string, file: string): SourceFile {
  try {
    if (lstatSync(abs).isSymbolicLink()) {
      const real = realpathSync(abs);
      const home = realpathSync(path.dirname(abs));
      const rel = path.relative(home, real);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
        return { file, readError: 'outside', readProblem: { kind: 'outside', line: 1, column: 1, message: 'symbolic link to a file outside the catalogue folder; not read (copy the file in instead)' } };
      }
    }
    const st = statSync(abs);
    if (!st.isFile()) return { file, readError: `not a regular file${st.isDirectory() ? ' (a folder)' : ''}` };
    if (st.size > MAX_ENTRY_BYTES) return { file, readError: `too large (${st.size} bytes; an entry file is at most ${MAX_ENTRY_BYTES} bytes)` };
    const decoded = decodeUtf8(readFileSync(abs));
    if (decoded.error) return { file, readError: 'encoding', readProblem: { kind: 'encoding', ...decoded.error } };
    return { file, text: decoded.text };
  } catch (err) {
    return { file, readError: (err as NodeJS.ErrnoException).code ?? String(err) };
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
