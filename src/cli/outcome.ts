/** What a command returns; only cli/main.ts turns an outcome (or an error) into an exit code. */
import type { OpenedCatalogue } from '../open-catalogue.js';
import { formatDiagnosticLine } from '../render/diagnostics.js';
import type { Io } from './io.js';

export interface Outcome {
  /** Problems found in the data: entry errors, a stale file, a refused entry. */
  problems: number;
  /** Something the user asked for could not be done (a file could not be written). */
  failed?: boolean;
  /** The user cancelled at a prompt. */
  cancelled?: boolean;
}

/** An outcome with `problems` problems. */
export function outcome(problems = 0): Outcome {
  return { problems };
}

/**
 * For commands that read the catalogue but do not check it (list, filter, show, export): name the
 * files with errors on stderr, whose entries are left out. Returns those files, sorted.
 */
export function reportLeftOut(io: Io, opened: OpenedCatalogue): string[] {
  if (opened.errors.length === 0) return [];
  for (const d of opened.errors) io.stderr(formatDiagnosticLine(d) + '\n');
  const files = [...new Set(opened.errors.map((d) => d.file))].sort();
  io.stderr(`mllm-align: ${files.length} file${files.length === 1 ? '' : 's'} with errors left out; run \`mllm-align validate\` for details\n`);
  return files;
}
