/** Run every check over a set of entry files and collect all diagnostics, sorted. */
import type { Entry, SourcedEntry } from '../core/entry.js';
import { parseEntryText, type ParsedFile } from '../load/parse.js';
import { makeDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { checkAgainstSchema } from './schema-check.js';
import { checkCrossRules, checkEntryRules } from './rules.js';

export interface SourceFile {
  file: string;
  /** The file's text, or the reason it could not be read. */
  text?: string;
  readError?: string;
}

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

/** Parse and check every file, then the rules across files. */
export function validateAll(sources: readonly SourceFile[], options: ValidateOptions = {}): ValidationResult {
  const now = options.now ?? new Date();
  const diagnostics: Diagnostic[] = [];
  const parsed: ParsedFile[] = [];
  for (const src of sources) {
    if (src.text === undefined) {
      diagnostics.push(makeDiagnostic('MA902', src.file, { line: 1, column: 1 }, `cannot read file: ${src.readError ?? 'unknown error'}`));
      continue;
    }
    const p = parseEntryText(src.file, src.text);
    if (p.syntaxErrors.length > 0) {
      for (const e of p.syntaxErrors) diagnostics.push(makeDiagnostic('MA901', src.file, e.pos, `YAML syntax: ${e.message}`));
      continue;
    }
    parsed.push(p);
    diagnostics.push(...checkAgainstSchema(p), ...checkEntryRules(p, now));
  }
  diagnostics.push(...checkCrossRules(parsed));
  const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const entries = parsed.filter((p) => !failed.has(p.file)).map((p) => ({ entry: p.data as Entry, file: p.file }));
  const report = options.reportFor;
  const shown = report ? diagnostics.filter((d) => report.has(d.file)) : diagnostics;
  return { diagnostics: sortDiagnostics(shown), entries, files: report ? report.size : sources.length };
}
