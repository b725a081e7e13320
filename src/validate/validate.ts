/** Run every check over parsed entry files and collect all diagnostics, sorted. */
import type { Entry, SourcedEntry } from '../core/entry.js';
import { parseSources, type ParsedFile, type ParsedSource } from '../load/parse.js';
import type { SourceFile } from '../load/source.js';
import { makeDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { checkAgainstSchema } from './schema-check.js';
import { checkBuildsOnLoops } from './loops.js';
import { checkRelease, MIN_PER_CATEGORY } from './release.js';
import { baseName, checkCrossRules, checkEntryRules, crossKeysOf, type CrossKeys } from './rules.js';

export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** Entries from files with no error, in file order. */
  entries: SourcedEntry[];
  files: number;
}

/** The options of the rules across files. */
export interface SetOptions {
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
  /** The date the release checks (MA301) count from. */
  now?: Date;
}

export interface ValidateOptions extends SetOptions {
  now?: Date;
}

/**
 * What the rules across files (rules.ts checkCrossRules, loops.ts) and the release checks
 * (release.ts) read of an entry whose own checks are done: the fields they compare, and of its
 * `summary` only whether there is one (MA303), as an empty text. `validate` keeps no more of each
 * entry (#13: the summaries were most of what 10,000 entries kept in memory, and of the time the
 * garbage collector spent on them). tests/unit/cross-view.test.ts checks that every fixture
 * catalogue gets the same diagnostics either way. `more` are fields kept as well.
 */
export function crossView(data: unknown, more: readonly string[] = []): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const d = data as Record<string, unknown>;
  const view: Record<string, unknown> = {};
  for (const key of CROSS_FIELDS) if (Object.hasOwn(d, key)) view[key] = d[key];
  if (Object.hasOwn(d, 'summary')) view.summary = d.summary === undefined ? undefined : '';
  // The fields a command reads besides (openCatalogue's `fields`), as they are.
  for (const key of more) if (Object.hasOwn(d, key)) view[key] = d[key];
  return view;
}

const CROSS_FIELDS = ['id', 'builds_on', 'category', 'subcategory', 'year', 'arxiv', 'venue', 'code', 'modalities'] as const;

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
    const problem = src.readProblem;
    const d = problem
      ? makeDiagnostic(problem.kind === 'encoding' ? 'MA903' : 'MA905', src.file, problem, problem.message)
      : makeDiagnostic('MA902', src.file, { line: 1, column: 1 }, `cannot read file: ${src.readError}`);
    return { file: src.file, diagnostics: [d] };
  }
  const p = src.parsed;
  if (p.syntaxErrors.length > 0) {
    return {
      file: src.file,
      diagnostics: p.syntaxErrors.map((e) =>
        e.kind === 'structure' ? makeDiagnostic('MA904', src.file, e.pos, e.message) : makeDiagnostic('MA901', src.file, e.pos, `YAML syntax: ${e.message}`),
      ),
    };
  }
  return { file: src.file, parsed: p, keys: crossKeysOf(p.data), diagnostics: [...checkAgainstSchema(p), ...checkEntryRules(p, now)] };
}

/** The rules across files over files already checked one by one, then the result. */
export function validateChecked(files: readonly CheckedFile[], options: SetOptions = {}): ValidationResult {
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
  // Files with errors so far, by the id their name gives: a link to one is MA220, not "missing".
  const broken = new Map<string, string>();
  for (const d of diagnostics) if (d.severity === 'error') broken.set(baseName(d.file), d.file);
  for (const d of checkCrossRules(parsed, keys, broken)) diagnostics.push(d);
  for (const d of checkBuildsOnLoops(parsed)) diagnostics.push(d);
  const failed = new Set<string>();
  for (const d of diagnostics) if (d.severity === 'error') failed.add(d.file);
  const valid = parsed.filter((p) => !failed.has(p.file));
  const entries = valid.map((p) => ({ entry: p.data as Entry, file: p.file }));
  const report = options.reportFor;
  const folder = options.folder ?? '.';
  for (const d of checkRelease(valid, {
    now: options.now ?? new Date(),
    strict: Boolean(options.strict),
    minPerCategory: options.minPerCategory ?? MIN_PER_CATEGORY,
    folder,
    whole: options.whole ?? (!report || files.every((f) => report.has(f.file))),
  })) diagnostics.push(d);
  const shown = report ? diagnostics.filter((d) => report.has(d.file) || (d.code === 'MA302' && d.file === folder)) : diagnostics;
  return { diagnostics: sortDiagnostics(shown), entries, files: report ? report.size : files.length };
}

/** Check every parsed file, then the rules across files. */
export function validateParsed(files: readonly ParsedSource[], options: ValidateOptions = {}): ValidationResult {
  const now = options.now ?? new Date();
  return validateChecked(
    files.map((f) => checkFile(f, now)),
    { ...options, now },
  );
}

/** Parse and check files read from disk: the parse step and the checks in one call. */
export function validateAll(sources: readonly SourceFile[], options: ValidateOptions = {}): ValidationResult {
  return validateParsed(parseSources(sources), options);
}
