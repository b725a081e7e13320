/** `mllm-align validate [paths…]`: check entry files and report every problem. */
import path from 'node:path';
import { displayPath, expandPaths, listEntryFiles, readSources, resolveEntriesDir } from '../../load/read.js';
import { formatDiagnosticLine, formatGithubAnnotation, formatSummary, type DiagnosticFormat } from '../../render/diagnostics.js';
import { painter } from '../../render/table.js';
import { countDiagnostics } from '../../validate/diagnostics.js';
import { validateAll } from '../../validate/validate.js';
import { EXIT_OK, EXIT_PROBLEMS } from '../../core/errors.js';
import type { Io } from '../io.js';

export interface ValidateArgs {
  paths: string[];
  entries?: string;
  format: DiagnosticFormat;
}

/** Validate the catalogue, or the given files against it. */
export async function runValidate(io: Io, args: ValidateArgs): Promise<number> {
  const dir = resolveEntriesDir(args.entries, io.env, io.cwd);
  const given = args.paths.length > 0 ? await expandPaths(args.paths, io.cwd) : listEntryFiles(dir);
  // Files inside the catalogue are checked against the whole catalogue, so that
  // duplicates and builds_on links are seen even when one file is named.
  const insideCatalogue = given.some((f) => path.dirname(f) === dir);
  const context = insideCatalogue ? [...new Set([...listEntryFiles(dir), ...given])] : given;
  const show = (abs: string) => displayPath(abs, io.cwd);
  const result = validateAll(readSources(context, show), {
    now: io.now(),
    reportFor: new Set(given.map(show)),
  });
  const { errors, warnings } = countDiagnostics(result.diagnostics);
  if (args.format === 'json') {
    io.stdout(JSON.stringify({ files: result.files, errors, warnings, diagnostics: result.diagnostics }, null, 2) + '\n');
  } else if (args.format === 'github') {
    for (const d of result.diagnostics) io.stdout(formatGithubAnnotation(d) + '\n');
  } else {
    const c = painter(io.color);
    const paint = (sev: string, s: string) => (sev === 'error' ? c.red(s) : c.yellow(s));
    for (const d of result.diagnostics) io.stdout(formatDiagnosticLine(d, paint) + '\n');
  }
  io.stderr(formatSummary(result.files, errors, warnings) + '\n');
  return errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
