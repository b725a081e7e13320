/** `mllm-align validate [paths…]`: check entry files and report every problem. */
import { formatDiagnosticLine, formatGithubAnnotation, formatSummary, type DiagnosticFormat } from '../../render/diagnostics.js';
import { countDiagnostics } from '../../validate/diagnostics.js';
import { UsageError } from '../../core/errors.js';
import { quoteInput } from '../../core/text.js';
import { openCatalogue } from '../../open-catalogue.js';
import type { Io } from '../io.js';
import { outcome, type Outcome } from '../outcome.js';

export interface ValidateArgs {
  paths: string[];
  entries?: string;
  /** False with --no-cache. */
  cache?: boolean;
  format: DiagnosticFormat;
  /** Release checks as errors (MA3xx). */
  strict?: boolean;
  /** `--min-per-category`, as typed. */
  minPerCategory?: string;
}

/** A count option: a whole number from 0 to 100000. */
function parseCount(option: string, value: string): number {
  if (!/^\d{1,6}$/.test(value) || Number(value) > 100000) throw new UsageError(`${option} must be a whole number from 0 to 100000; got ${quoteInput(value)}`);
  return Number(value);
}

/** Validate the catalogue, or the given files against it. */
export async function runValidate(io: Io, args: ValidateArgs): Promise<Outcome> {
  if (args.minPerCategory !== undefined && !args.strict) throw new UsageError('--min-per-category applies with --strict only');
  const minPerCategory = args.minPerCategory === undefined ? undefined : parseCount('--min-per-category', args.minPerCategory);
  const result = (await openCatalogue(io, { paths: args.paths, entries: args.entries, strict: args.strict, minPerCategory, cache: args.cache, diagnosticsOnly: true })).validation;
  const { errors, warnings } = countDiagnostics(result.diagnostics);
  if (args.format === 'json') {
    io.stdout(JSON.stringify({ files: result.files, errors, warnings, diagnostics: result.diagnostics }, null, 2) + '\n');
  } else if (args.format === 'github') {
    for (const d of result.diagnostics) io.stdout(formatGithubAnnotation(d) + '\n');
  } else {
    // Colour (and chalk) only on a terminal.
    const c = io.color ? (await import('../../render/color.js')).painter(true) : undefined;
    const paint = (sev: string, s: string) => (c ? (sev === 'error' ? c.red(s) : c.yellow(s)) : s);
    for (const d of result.diagnostics) io.stdout(formatDiagnosticLine(d, paint) + '\n');
  }
  io.stderr(formatSummary(result.files, errors, warnings) + '\n');
  return outcome(errors);
}
