/** Run every check over parsed entry files and collect all diagnostics, sorted. */
import type { Entry, SourcedEntry } from '../core/entry.js';
import { parseSources, type ParsedFile, type ParsedSource } from '../load/parse.js';
import type { SourceFile } from '../load/source.js';
import { makeDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { checkAgainstSchema } from './schema-check.js';
import { checkCrossRules, checkEntryRules, crossKeysOf, type CrossKeys } from './rules.js';

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
}

/**
 * One file after the checks that need nothing but the file (read, syntax, schema, one-entry rules).
 * This is what the cache keeps: it depends on the file's bytes, the tool and the year only.
 */
export interface CheckedFile {
  file: string;
  /** The parsed file, when its YAML parsed: the cross-entry rules look at these. */
  parsed?: ParsedFile;
  /** What the duplicate rules compare, when it parsed. */
  keys?: CrossKeys;
  diagnostics: Diagnostic[];
}

/** The checks of one file on its own. */
export function checkFile(src: ParsedSource, now: Date): CheckedFile {
  if (src.parsed === undefined) {
    return { file: src.file, diagnostics: [makeDiagnostic('MA902', src.file, { line: 1, column: 1 }, `cannot read file: ${src.readError}`)] };
  }
  const p = src.parsed;
  if (p.syntaxErrors.length > 0) {
    return { file: src.file, diagnostics: p.syntaxErrors.map((e) => makeDiagnostic('MA901', src.file, e.pos, `YAML syntax: ${e.message}`)) };
  }
  return { file: src.file, parsed: p, keys: crossKeysOf(p.data), diagnostics: [...checkAgainstSchema(p), ...checkEntryRules(p, now)] };
}

/** The rules across files over files already checked one by one, then the result. */
export function validateChecked(files: readonly CheckedFile[], options: Pick<ValidateOptions, 'reportFor'> = {}): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const parsed: ParsedFile[] = [];
  const keys: Array<CrossKeys | undefined> = [];
  for (const f of files) {
    for (const d of f.diagnostics) diagnostics.push(d);
    if (f.parsed) {
      parsed.push(f.parsed);
      keys.push(f.keys);
    }
  }
  for (const d of checkCrossRules(parsed, keys)) diagnostics.push(d);
  const failed = new Set<string>();
  for (const d of diagnostics) if (d.severity === 'error') failed.add(d.file);
  const entries = parsed.filter((p) => !failed.has(p.file)).map((p) => ({ entry: p.data as Entry, file: p.file }));
  const report = options.reportFor;
  const shown = report ? diagnostics.filter((d) => report.has(d.file)) : diagnostics;
  return { diagnostics: sortDiagnostics(shown), entries, files: report ? report.size : files.length };
}

/** Check every parsed file, then the rules across files. */
export function validateParsed(files: readonly ParsedSource[], options: ValidateOptions = {}): ValidationResult {
  const now = options.now ?? new Date();
  return validateChecked(files.map((f) => checkFile(f, now)), options);
}

/** Parse and check files read from disk: the parse step and the checks in one call. */
export function validateAll(sources: readonly SourceFile[], options: ValidateOptions = {}): ValidationResult {
  return validateParsed(parseSources(sources), options);
}
