/**
 * Several file changes that land all together or not at all (#14: rename, remove). Every new text is
 * written and flushed to a temporary file beside its target first; only then are the targets replaced,
 * created and deleted, with the old files kept as hard links so that a failure part-way puts every
 * file back as it was.
 */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DataError } from '../core/errors.js';

export type FileChange =
  /** Replace an existing file's text. */
  | { kind: 'replace'; file: string; text: string }
  /** Create a file that must not exist yet. */
  | { kind: 'create'; file: string; text: string }
  /** Delete an existing file. */
  | { kind: 'delete'; file: string };

function sideName(file: string, what: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.${what}`);
}

function writeFlushed(file: string, text: string): void {
  const fd = openSync(file, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Apply every change, or (on any failure) none: the files are left as they were and the error is thrown. */
export function applyChanges(changes: readonly FileChange[]): void {
  const staged = new Map<FileChange, string>();
  const backups = new Map<string, string>();
  const undo: Array<() => void> = [];
  // Backups of files that could not be put back stay on disk, so nothing is lost.
  const keep = new Set<string>();
  try {
    // 1. Stage: new texts in temporary files, old files kept under a second name.
    for (const c of changes) {
      if (c.kind !== 'delete') {
        const tmp = sideName(c.file, 'tmp');
        writeFlushed(tmp, c.text);
        staged.set(c, tmp);
      }
      if (c.kind !== 'create') {
        const backup = sideName(c.file, 'bak');
        linkSync(c.file, backup);
        backups.set(c.file, backup);
      }
    }
    // 2. Commit: each step records how to take it back.
    for (const c of changes) {
      if (c.kind === 'replace') {
        renameSync(staged.get(c)!, c.file);
        undo.push(() => renameSync(backups.get(c.file)!, c.file));
      } else if (c.kind === 'create') {
        try {
          linkSync(staged.get(c)!, c.file);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new DataError(`${c.file} already exists; nothing changed`);
          throw err;
        }
        undo.push(() => unlinkSync(c.file));
      } else {
        unlinkSync(c.file);
        undo.push(() => linkSync(backups.get(c.file)!, c.file));
      }
    }
  } catch (err) {
    for (const [i, step] of [...undo.entries()].reverse()) {
      try {
        step();
      } catch {
        // Keep undoing the rest.
        const c = changes[i];
        if (c && c.kind !== 'create') keep.add(c.file);
      }
    }
    throw err;
  } finally {
    for (const tmp of staged.values()) rmSync(tmp, { force: true });
    for (const [file, backup] of backups) if (!keep.has(file)) rmSync(backup, { force: true });
  }
}
