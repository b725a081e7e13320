/** Load the catalogue a command works on, reporting problems on stderr. */
import { buildCatalogue, type Catalogue } from '../catalogue.js';
import { displayPath, listEntryFiles, readSources, resolveEntriesDir } from '../load/read.js';
import { formatDiagnosticLine } from '../render/diagnostics.js';
import { validateAll } from '../validate/validate.js';
import type { Io } from './io.js';

export interface LoadedCatalogue {
  catalogue: Catalogue;
  dir: string;
  /** Whether some file had an error (its entry is left out). */
  hadErrors: boolean;
  /** The files left out for their errors, as displayed, sorted. */
  leftOut: string[];
}

/** Read, validate and build the catalogue; files with errors are left out and named on stderr. */
export function loadCatalogue(io: Io, entriesOption: string | undefined): LoadedCatalogue {
  const dir = resolveEntriesDir(entriesOption, io.env, io.cwd);
  const sources = readSources(listEntryFiles(dir), (abs) => displayPath(abs, io.cwd));
  const result = validateAll(sources, { now: io.now() });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors) io.stderr(formatDiagnosticLine(d) + '\n');
    const files = new Set(errors.map((d) => d.file)).size;
    io.stderr(`mllm-align: ${files} file${files === 1 ? '' : 's'} with errors left out; run \`mllm-align validate\` for details\n`);
  }
  const leftOut = [...new Set(errors.map((d) => d.file))].sort();
  return { catalogue: buildCatalogue(result.entries), dir, hadErrors: errors.length > 0, leftOut };
}
