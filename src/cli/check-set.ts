/** The files a checking command reads: the ones named, plus their catalogue as context. */
import path from 'node:path';
import { displayPath, expandPaths, listEntryFiles, readSources, resolveEntriesDir } from '../load/read.js';
import type { SourceFile } from '../validate/validate.js';
import type { Io } from './io.js';

export interface CheckSet {
  /** Every file read: the named ones and, when they lie in the catalogue, the rest of it. */
  sources: SourceFile[];
  /** The named files (or the whole catalogue), as displayed; only these are reported on. */
  named: Set<string>;
  /** Absolute path of each displayed file. */
  absolute: Map<string, string>;
}

/**
 * Read the named files, or the whole catalogue when none is named. Files inside the catalogue are
 * read with the rest of it, so duplicates and builds_on links are seen even when one file is named.
 */
export async function readCheckSet(io: Io, paths: readonly string[], entriesOption: string | undefined, forWriting = false): Promise<CheckSet> {
  // Named files need no catalogue to be written to; only a run over the whole catalogue does.
  const dir = resolveEntriesDir(entriesOption, io.env, io.cwd, forWriting && paths.length === 0);
  const given = paths.length > 0 ? await expandPaths(paths, io.cwd) : listEntryFiles(dir);
  const insideCatalogue = given.some((f) => path.dirname(f) === dir);
  const context = insideCatalogue ? [...new Set([...listEntryFiles(dir), ...given])] : given;
  const show = (abs: string) => displayPath(abs, io.cwd);
  return {
    sources: readSources(context, show),
    named: new Set(given.map(show)),
    absolute: new Map(context.map((abs) => [show(abs), abs])),
  };
}
