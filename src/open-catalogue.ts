/**
 * The one door to the catalogue: read → parse → validate → build. Every command that reads entries
 * opens them here and gets the same result; the cache (store/cache.ts) sits here, once.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildCatalogue, type Catalogue } from './catalogue.js';
import { parseEntryText, parseSources, type ParsedFile, type ParsedSource, type PathSegment, type Position } from './load/parse.js';
import { ReadAhead } from './load/read-ahead.js';
import { displayPath, expandPaths, listEntryFiles, OPEN_FLAGS, readAheadResult, readEntryFile, resolveEntriesDir, type ReadResult } from './load/read.js';
import type { SourceFile } from './load/source.js';
import { checkInWorker, toCached, workersFor, type WorkerResult } from './check-worker.js';
import { CatalogueCache, locateCache, type CachedCheck } from './store/cache.js';
import { cacheDisabled, statKey, type StatKey } from './store/identity.js';
import type { RunWatch } from './store/replay.js';
import type { Diagnostic } from './validate/diagnostics.js';
import { crossKeysOf } from './validate/rules.js';
import { checkFile, crossView, validateChecked, validateParsed, type CheckedFile, type ValidationResult } from './validate/validate.js';

/** What opening needs from the process: where we are, the environment and the clock. */
export interface OpenContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  now(): Date;
  /** Where `MLLM_ALIGN_DEBUG=cache` reports what the cache did. */
  stderr?(text: string): void;
  /** A recording of the run for replay: told which files were read, as they were before reading. */
  watch?: RunWatch;
}

export interface OpenOptions {
  /** Files, folders or globs named on the command line; none means the whole catalogue. */
  paths?: readonly string[];
  /** The --entries option. */
  entries?: string;
  /** A command that writes: never fall back to the catalogue shipped inside the package. */
  forWriting?: boolean;
  /** `validate --strict`: every release check (MA3xx), as errors. */
  strict?: boolean;
  /** MA302's minimum entries per category. */
  minPerCategory?: number;
  /** False with --no-cache. */
  cache?: boolean;
  /** The command needs every file's text (format, add): all files are read, the cache still saves parsing. */
  needText?: boolean;
  /**
   * The command reads nothing of the entries but the diagnostics (validate): of each entry only what
   * the rules across entries read is kept (validate.ts crossView), and there is no `catalogue`.
   */
  diagnosticsOnly?: boolean;
  /**
   * The command reads only these fields of the entries (an export of the whole catalogue): of each
   * entry the opening keeps these and what the rules across entries read (validate.ts crossView), and
   * `catalogue` holds entries of those fields only. The caller's types must say so (render/markdown.ts
   * MarkdownEntry).
   */
  fields?: readonly string[];
  /**
   * Where each entry goes as soon as its file is checked (an export made as the catalogue is read,
   * render/streamed.ts). With a tee the opening keeps only the diagnostics' view, as with
   * diagnosticsOnly, and has no `catalogue`.
   */
  tee?: EntryTee;
}

/**
 * Where the entries go when the opening keeps only their diagnostics' view: the value of each file
 * whose own checks found no error, by the file's index in the catalogue's order, as soon as it is
 * known. The opening's entries (`validation.entries`) are those of them that no rule across files
 * failed.
 */
export interface EntryTee {
  add(index: number, file: string, value: unknown): void;
}

export interface OpenedCatalogue {
  /** The catalogue folder. */
  dir: string;
  /** Every file read: the named ones and, when they lie in the catalogue, the rest of it as context. */
  sources: SourceFile[];
  /** The same files after the parse step. */
  parsed: ParsedSource[];
  /** The named files (or the whole catalogue), as displayed: the ones reported on. */
  named: ReadonlySet<string>;
  /** Absolute path of each displayed file. */
  absolute: ReadonlyMap<string, string>;
  /** Diagnostics of the named files, sorted; entries of files with errors are left out. */
  validation: ValidationResult;
  /** The errors among `validation.diagnostics`. */
  errors: Diagnostic[];
  /** The entries of files without errors. */
  catalogue: Catalogue;
}

/** Open the catalogue (or the named files, checked against their catalogue). */
export async function openCatalogue(ctx: OpenContext, opts: OpenOptions = {}): Promise<OpenedCatalogue> {
  const paths = opts.paths ?? [];
  // Named files need no catalogue to be written to; only a run over the whole catalogue does.
  const dir = resolveEntriesDir(opts.entries, ctx.env, ctx.cwd, Boolean(opts.forWriting) && paths.length === 0);
  const given = paths.length > 0 ? await expandPaths(paths, ctx.cwd) : listEntryFiles(dir);
  // Files inside the catalogue are read with the rest of it, so duplicates and builds_on links are
  // seen even when one file is named.
  const insideCatalogue = paths.length === 0 || given.some((f) => path.dirname(f) === dir);
  const context = insideCatalogue && paths.length > 0 ? [...new Set([...listEntryFiles(dir), ...given])] : given;
  const show = displayIn(dir, ctx.cwd);
  const now = ctx.now();
  // The cache holds whole catalogues: files named outside one are simply checked.
  const where = insideCatalogue && !cacheDisabled(opts.cache, ctx.env) ? locateCache(ctx.env, dir, now) : undefined;
  const cache = where ? CatalogueCache.open(where) : undefined;
  const tee = opts.needText ? undefined : opts.tee;
  const viewOnly = Boolean(opts.diagnosticsOnly) || tee !== undefined;
  const fields = opts.needText ? undefined : opts.fields;
  const keep = viewOnly ? crossView : fields ? (data: unknown) => crossView(data, fields) : (data: unknown) => data;
  const { sources, checked, stats } = await checkFiles(context, show, now, cache, Boolean(opts.needText), ctx.env, keep, tee);
  cache?.save();
  ctx.watch?.opened({ dir, named: paths.length > 0, files: context, stats });
  if (cache && ctx.stderr && /\bcache\b/.test(ctx.env.MLLM_ALIGN_DEBUG ?? '')) {
    ctx.stderr(`mllm-align: cache: ${cache.stats.reused} reused, ${cache.stats.checked} checked\n`);
  }
  const named = new Set(given.map(show));
  let catalogue: Catalogue | undefined;
  const validation = validateChecked(checked, {
    now,
    reportFor: named,
    strict: opts.strict,
    minPerCategory: opts.minPerCategory,
    folder: show(dir) || '.',
    // MA302 counts the whole catalogue: only when every file of it is checked.
    whole: paths.length === 0 || (insideCatalogue && given.length === context.length),
  });
  let parsed: ParsedSource[] | undefined;
  let absolute: Map<string, string> | undefined;
  return {
    dir,
    sources,
    // These two are made when first asked for: only add, format and edit do (#13: a list or an
    // export of 10,000 entries made 20,000 objects it never read).
    get parsed() {
      return (parsed ??= checked.map((c, i) => (c.parsed ? { file: c.file, parsed: c.parsed } : { file: c.file, readError: sources[i]!.readError ?? 'syntax' })));
    },
    named,
    get absolute() {
      return (absolute ??= new Map(context.map((abs) => [show(abs), abs])));
    },
    validation,
    errors: validation.diagnostics.filter((d) => d.severity === 'error'),
    // Built when first asked for: `validate` never needs it (a fortieth of its run at 10,000 files).
    get catalogue() {
      if (viewOnly) throw new Error('the catalogue was opened for its diagnostics only');
      return (catalogue ??= buildCatalogue(validation.entries));
    },
  };
}

/**
 * Open a catalogue from files already read (an older version, read through git by `diff`): the same
 * parse → validate → build as `openCatalogue`, every file reported on.
 */
export function openSources(ctx: OpenContext, dir: string, sources: SourceFile[]): OpenedCatalogue {
  const parsed = parseSources(sources);
  const named = new Set(sources.map((s) => s.file));
  const validation = validateParsed(parsed, { now: ctx.now(), reportFor: named });
  return {
    dir,
    sources,
    parsed,
    named,
    absolute: new Map(),
    validation,
    errors: validation.diagnostics.filter((d) => d.severity === 'error'),
    catalogue: buildCatalogue(validation.entries),
  };
}

/** `displayPath` for many files of one folder, without working out each relative path. */
function displayIn(dir: string, cwd: string): (abs: string) => string {
  const probe = 'probe.yaml';
  const shown = displayPath(path.join(dir, probe), cwd);
  const prefix = shown.endsWith(probe) ? shown.slice(0, -probe.length) : undefined;
  return (abs) => (prefix !== undefined && path.dirname(abs) === dir ? prefix + path.basename(abs) : displayPath(abs, cwd));
}

/** Each file's own checks: from the cache when its bytes are known, else read, parsed and checked. */
async function checkFiles(
  files: readonly string[],
  show: (abs: string) => string,
  now: Date,
  cache: CatalogueCache | undefined,
  needText: boolean,
  env: NodeJS.ProcessEnv,
  keep: (data: unknown) => unknown,
  tee: EntryTee | undefined,
) {
  const checked: CheckedFile[] = new Array<CheckedFile>(files.length);
  const sources: SourceFile[] = new Array<SourceFile>(files.length);
  // Each file's stat as the cache's key at once: a Stats object (with its four Dates) per file, kept
  // to the end, was a tenth of the heap (#13: garbage collection, peak memory).
  const stats: Array<StatKey | undefined> = new Array<StatKey | undefined>(files.length);
  const toRead: number[] = [];
  files.forEach((abs, i) => {
    // A file the cache knows is stat-ed first, to be served unread; any other is stat-ed through
    // the descriptor it is read from (load/read.ts).
    if (cache?.has(abs)) stats[i] = statOrUndefined(abs);
    const hit = stats[i] && !needText ? cache!.byStat(abs, stats[i]!) : undefined;
    if (hit) {
      const file = show(abs);
      if (tee) teeChecked(tee, i, file, hit);
      checked[i] = fromCache(file, abs, hit, keep);
      sources[i] = lazySource(file, abs);
    } else toRead.push(i);
  });
  // A large share goes to worker threads (not for commands that need the texts); they start first
  // and work while this thread does its own share.
  const workers = needText ? 0 : workersFor(toRead.length, env);
  const share = Math.ceil(toRead.length / (workers + 1));
  const jobs = Array.from({ length: workers }, (_, w) => {
    const part = toRead.slice(share * (w + 1), share * (w + 2));
    // A worker's reads come back without a stat: it is taken before they start, never after.
    if (cache) for (const i of part) stats[i] ??= statOrUndefined(files[i]!);
    return { part, done: checkInWorker(part.map((i) => [files[i]!, show(files[i]!)]), now) };
  });
  const mine = workers > 0 ? toRead.slice(0, share) : toRead;
  // Read, parse and check one file at a time, so that a large catalogue's texts are never all in
  // memory at once; a worker thread reads ahead while this one parses and checks.
  const ahead = ReadAhead.start(
    mine.map((i) => files[i]!),
    OPEN_FLAGS,
    env,
  );
  try {
    mine.forEach((i, k) => {
      const file = show(files[i]!);
      const got = ahead?.take(k);
      checkRead(i, got ? readAheadResult(file, got.bytes, got.stamp) : readEntryFile(files[i]!, file));
    });
  } finally {
    ahead?.stop();
  }
  for (const { part, done } of jobs) {
    const results = await done;
    part.forEach((i, k) => takeWorkerResult(i, results[k]!));
  }
  return { sources, checked, stats };

  function takeWorkerResult(i: number, r: WorkerResult): void {
    const abs = files[i]!;
    const file = show(abs);
    const st = stats[i];
    const hit = cache && st && r.hash !== undefined ? cache.byHash(abs, st, r.hash) : undefined;
    if (!hit && cache && st && r.hash !== undefined) cache.putValue(abs, st, r.hash, r.check);
    if (tee) teeChecked(tee, i, file, hit ?? r.check);
    checked[i] = fromCache(file, abs, hit ?? r.check, keep);
    sources[i] = r.readError !== undefined ? { file, readError: r.readError } : lazySource(file, abs);
  }

  function checkRead(i: number, { source: src, stamp, bytes }: ReadResult): void {
    const abs = files[i]!;
    // The stat taken when the file was read (before its bytes were).
    if (cache && stamp) stats[i] = statKey(stamp);
    const st = cache ? stats[i] : undefined;
    // The text is its bytes decoded strictly: the cache compares (or keeps) those.
    const content = cache && st && src.text !== undefined ? (bytes ?? Buffer.from(src.text, 'utf8')) : undefined;
    const hit = content !== undefined ? cache!.byContent(abs, st!, content) : undefined;
    if (hit) {
      if (tee) teeChecked(tee, i, src.file, hit);
      checked[i] = fromCache(src.file, abs, hit, keep);
    } else {
      const c = checkFile(parseSources([src])[0]!, now);
      if (content !== undefined) cache!.put(abs, st!, content, toCached(c), c.parsed?.canonical === true);
      if (tee) teeChecked(tee, i, src.file, { parsedOk: c.parsed !== undefined, data: c.parsed?.data, diagnostics: c.diagnostics });
      // The text is dropped once checked (it is read again only to point at a problem), so that a
      // large catalogue is not held in memory twice.
      checked[i] = c.parsed && !needText ? { ...c, parsed: lazyParsed(c.file, abs, keep(c.parsed.data)) } : c;
    }
    sources[i] = needText || src.text === undefined ? src : lazySource(src.file, abs);
  }
}

/** A checked file (read here, served by the cache or by a checking worker), to the tee when its own checks found no error. */
function teeChecked(tee: EntryTee, i: number, file: string, c: Pick<CachedCheck, 'parsedOk' | 'data'> & { diagnostics: ReadonlyArray<{ severity: string }> }): void {
  if (c.parsedOk && !c.diagnostics.some((d) => d.severity === 'error')) tee.add(i, file, c.data);
}

function statOrUndefined(abs: string): StatKey | undefined {
  try {
    return statKey(statSync(abs));
  } catch {
    return undefined;
  }
}

function fromCache(file: string, abs: string, hit: CachedCheck, keep: (data: unknown) => unknown): CheckedFile {
  return {
    file,
    parsed: hit.parsedOk ? lazyParsed(file, abs, keep(hit.data)) : undefined,
    // A clean file's record keeps no duplicate keys: they are worked out again (store/cache.ts CLEAN).
    keys: hit.keys ?? (hit.parsedOk ? crossKeysOf(hit.data) : undefined),
    diagnostics: hit.diagnostics.map((d) => ({ file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message })),
  };
}

function readText(abs: string): string {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return '';
  }
}

/** A parsed file whose text (and the positions in it) is read again only if a problem needs them. */
class LazyParsedFile implements ParsedFile {
  readonly syntaxErrors = [];
  private full: ParsedFile | undefined;

  constructor(
    readonly file: string,
    private readonly abs: string,
    readonly data: unknown,
  ) {}

  private load(): ParsedFile {
    return (this.full ??= parseEntryText(this.file, readText(this.abs)));
  }

  get text(): string {
    return this.load().text;
  }

  locate(at: readonly PathSegment[], where?: 'key' | 'value'): Position {
    return this.load().locate(at, where);
  }
}

function lazyParsed(file: string, abs: string, data: unknown): ParsedFile {
  return new LazyParsedFile(file, abs, data);
}

/** A source whose text is read when asked for. */
class LazySource implements SourceFile {
  private read: string | undefined;

  constructor(
    readonly file: string,
    private readonly abs: string,
  ) {}

  get text(): string {
    return (this.read ??= readText(this.abs));
  }
}

function lazySource(file: string, abs: string): SourceFile {
  return new LazySource(file, abs);
}
