/** Run every check over parsed entry files and collect all diagnostics, sorted. */
import type { Entry, SourcedEntry } from '../core/entry.js';
import { parseSources, type ParsedFile, type ParsedSource } from '../load/parse.js';
import type { SourceFile } from '../load/source.js';
import { makeDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { checkAgainstSchema } from './schema-check.js';
import { checkBuildsOnLoops } from './loops.js';
import { checkRelease, MIN_PER_CATEGORY } from './release.js';
import { checkCrossRules, checkEntryRules } from './rules.js';

export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** Entries from files with no error, in file order. */
  entries: SourcedEntry[];
  files: number;
}

export interface ValidateOptions {
  now?: Date;
  /** Report only diagnostics for these files (the others are context for cross-entry rules). */
  reportFor?: ReadonlySet<string>;
  /** `validate --strict`: run every release check (MA3xx) and make them errors. */
  strict?: boolean;
  /** MA302's minimum entries per category. */
  minPerCategory?: number;
  /** The catalogue folder as displayed, where MA302 is reported. */
  folder?: string;
  /** Whether the files are the whole catalogue (MA302 runs only then); default: every file is reported on. */
  whole?: boolean;
}

/** Check every parsed file, then the rules across files. */
export function validateParsed(files: readonly ParsedSource[], options: ValidateOptions = {}): ValidationResult {
  const now = options.now ?? new Date();
  const diagnostics: Diagnostic[] = [];
  const parsed: ParsedFile[] = [];
  for (const src of files) {
    if (src.parsed === undefined) {
      const problem = src.readProblem;
      if (problem) diagnostics.push(makeDiagnostic(problem.kind === 'encoding' ? 'MA903' : 'MA905', src.file, problem, problem.message));
      else diagnostics.push(makeDiagnostic('MA902', src.file, { line: 1, column: 1 }, `cannot read file: ${src.readError}`));
      continue;
    }
    const p = src.parsed;
    if (p.syntaxErrors.length > 0) {
      for (const e of p.syntaxErrors) {
        if (e.kind === 'structure') diagnostics.push(makeDiagnostic('MA904', src.file, e.pos, e.message));
        else diagnostics.push(makeDiagnostic('MA901', src.file, e.pos, `YAML syntax: ${e.message}`));
      }
      continue;
    }
    parsed.push(p);
    diagnostics.push(...checkAgainstSchema(p), ...checkEntryRules(p, now));
  }
  // Files with errors so far, by the id their name gives: a link to one is MA220, not "missing".
  const broken = new Map<string, string>();
  for (const d of diagnostics) if (d.severity === 'error') broken.set(idOfFile(d.file), d.file);
  diagnostics.push(...checkCrossRules(parsed, broken), ...checkBuildsOnLoops(parsed));
  const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const valid = parsed.filter((p) => !failed.has(p.file));
  const entries = valid.map((p) => ({ entry: p.data as Entry, file: p.file }));
  const report = options.reportFor;
  diagnostics.push(
    ...checkRelease(valid.map((p) => ({ parsed: p, entry: p.data as Entry })), {
      now,
      strict: Boolean(options.strict),
      minPerCategory: options.minPerCategory ?? MIN_PER_CATEGORY,
      folder: options.folder ?? '.',
      whole: options.whole ?? (!report || files.every((f) => report.has(f.file))),
    }),
  );
  const folder = options.folder ?? '.';
  const shown = report ? diagnostics.filter((d) => report.has(d.file) || (d.code === 'MA302' && d.file === folder)) : diagnostics;
  return { diagnostics: sortDiagnostics(shown), entries, files: report ? report.size : files.length };
}

function idOfFile(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.ya?ml$/i, '');
}

/** Parse and check files read from disk: the parse step and the checks in one call. */
export function validateAll(sources: readonly SourceFile[], options: ValidateOptions = {}): ValidationResult {
  return validateParsed(parseSources(sources), options);
}
