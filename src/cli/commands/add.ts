/** `mllm-align add`: a new paper into the catalogue, checked against the whole catalogue before a byte is written. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Entry } from '../../core/entry.js';
import { ARXIV_PATTERN, MAX_ID_LENGTH } from '../../core/schema-def.js';
import { DataError, UsageError } from '../../core/errors.js';
import { withSuggestion } from '../../core/suggest.js';
import { escapeExcerpt, listWords, quoteInput } from '../../core/text.js';
import { decodeUtf8 } from '../../core/utf8.js';
import { deriveNewCitekey } from '../../cite/keys.js';
import { parseBibtex, type BibtexRecord } from '../../ingest/bibtex.js';
import { findDuplicates } from '../../ingest/duplicates.js';
import { checkNewEntries, findExisting, prepareNewEntries } from '../../ingest/check.js';
import { FIELD_FLAGS, flagsToPartial, type FlagValues } from '../../ingest/flags.js';
import { completePartial, isoDate, isPlainId, mergePartials, missingFields, toEntry, type PartialEntry } from '../../ingest/partial.js';
import { displayPath } from '../../load/read.js';
import { openCatalogue, type OpenedCatalogue } from '../../open-catalogue.js';
import { formatDiagnosticLine } from '../../render/diagnostics.js';
import { ensureSchemaFor } from '../../store/schema-copy.js';
import { withCatalogueLock } from '../../store/lock.js';
import { entryPath, removeWritten, writeNewFile } from '../../store/write-entry.js';
import type { Io } from '../io.js';
import { outcome, type Outcome } from '../outcome.js';
import { parseCategory } from '../options.js';
import { fetchArxiv } from '../fetch-arxiv.js';
import { inquirerPrompter, isPromptCancel, promptMissing, type Prompter } from '../prompt-entry.js';

export interface AddArgs {
  entries?: string;
  /** False with --no-cache. */
  cache?: boolean;
  fromBibtex?: string;
  /** With --from-bibtex: only the records with these keys (--key, repeatable). */
  keys?: string[];
  /** False with --no-fetch: never ask arXiv. */
  fetch: boolean;
  dryRun: boolean;
  values: FlagValues;
}

export interface AddDeps {
  prompter?: () => Promise<Prompter>;
}

// Fields that belong to one paper: with several BibTeX records they would make every entry the same.
const PER_PAPER = ['id', 'name', 'title', 'authors', 'year', 'arxiv', 'doi', 'url', 'code', 'citekey', 'summary'];

/** Build, check and write the new entries; prints each new file's path. */
export async function runAdd(io: Io, args: AddArgs, deps: AddDeps = {}): Promise<Outcome> {
  try {
    return await addEntries(io, args, deps);
  } catch (err) {
    if (!isPromptCancel(err)) throw err;
    io.stderr('mllm-align: cancelled; nothing written\n');
    return { problems: 0, cancelled: true };
  }
}

/** One problem of the new entries, reported with all the others before anything is decided. */
interface Problem {
  message: string;
  /** A data problem (a duplicate, unreadable BibTeX) exits 1; a missing flag alone exits 2. */
  data: boolean;
  /** Duplicates are reported first: they make every other problem moot. */
  duplicate?: boolean;
}

async function addEntries(io: Io, args: AddArgs, deps: AddDeps): Promise<Outcome> {
  const values = { ...args.values };
  if (typeof values.category === 'string') values.category = parseCategory(values.category).id;
  const flags = flagsToPartial(values);
  const opened = await openCatalogue(io, { entries: args.entries, forWriting: !args.dryRun, cache: args.cache, needText: true });
  const dir = opened.dir;
  const known = opened.validation.entries;
  const { bases, problems } = await readBases(io, args, flags);
  const today = isoDate(io.now());
  const entries: Entry[] = [];
  for (const { label, partial } of bases) {
    const where = label ? `${label}: ` : '';
    let merged = mergePartials(partial, flags);
    const duplicates = findDuplicates(merged, known);
    for (const d of duplicates) {
      problems.push({ message: `${where}already in the catalogue as ${d.file} (same ${d.why}); nothing to add`, data: true, duplicate: true });
    }
    if (duplicates.length > 0) continue;
    if (missingFields(completePartial(merged, today)).length > 0 && io.stdinIsTTY && args.fromBibtex !== '-') {
      if (label) io.stderr(`${label}:\n`);
      merged = await promptMissing(merged, await (deps.prompter ?? inquirerPrompter)());
    }
    const problem = findProblem(completePartial(merged, today), where);
    if (problem) problems.push({ message: problem, data: false });
    else entries.push(toEntry(completePartial(merged, today)));
  }
  reportProblems(io, problems);
  if (args.dryRun) return checkAndWrite(io, entries, opened, true, () => undefined);
  // Check and write as one step across processes: another add of the same paper waits for the lock,
  // then sees this one's file (issue #12, item 4).
  return withCatalogueLock(dir, async (stillHeld) =>
    checkAndWrite(io, entries, await openCatalogue(io, { entries: args.entries, forWriting: true, cache: args.cache, needText: true }), false, stillHeld),
  );
}

/** Pin keys, check the new entries against the catalogue as it is now, and write them (or print them for --dry-run). */
async function checkAndWrite(io: Io, entries: Entry[], opened: OpenedCatalogue, dryRun: boolean, stillHeld: () => void): Promise<Outcome> {
  const dir = opened.dir;
  const show = (abs: string) => displayPath(abs, io.cwd);
  const known = opened.validation.entries;
  // The key the entry exports, pinned in its file so that no later entry can move it (issue 10).
  const cited = known.map((k) => k.entry);
  for (const e of entries) {
    if (e.citekey === undefined) e.citekey = deriveNewCitekey(e, cited);
    cited.push(e);
  }
  const fresh = prepareNewEntries(entries.map(toEntry), (id) => show(entryPath(dir, id)));
  const existing = findExisting(opened.sources, fresh);
  if (existing.length > 0) throw new DataError(`${listWords(existing, 'and')} already exist${existing.length === 1 ? 's' : ''}; nothing written`);
  const diagnostics = checkNewEntries(opened.parsed, fresh, io.now());
  for (const d of diagnostics) io.stderr(formatDiagnosticLine(d) + '\n');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) throw new DataError(`nothing written: ${errors} error${errors === 1 ? '' : 's'} in the new entr${fresh.length === 1 ? 'y' : 'ies'}`);
  if (dryRun) {
    io.stdout(fresh.map((n) => n.text).join('---\n'));
    return outcome();
  }
  const written: string[] = [];
  stillHeld();
  try {
    for (const n of fresh) {
      const abs = path.join(dir, `${n.entry.id}.yaml`);
      writeNewFile(abs, n.text, n.file);
      written.push(abs);
    }
  } catch (err) {
    // Leave the catalogue as it was: undo this run's earlier files.
    removeWritten(written);
    throw err;
  }
  for (const abs of written) io.stdout(show(abs) + '\n');
  noteSchemaCopy(io, dir);
  return outcome();
}

/** A catalogue made by hand outside this repository has no schema where the entries' first line points: copy it there. */
function noteSchemaCopy(io: Io, dir: string): void {
  try {
    const copied = ensureSchemaFor(dir);
    if (copied) io.stderr(`note: wrote ${displayPath(copied, io.cwd)}, the schema the entries' first line points at\n`);
  } catch (err) {
    // The entry is written; an editor without the schema only loses completion.
    io.stderr(`note: could not write the schema beside the entries: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
  }
}

interface Base {
  /** Which BibTeX record, when there are several. */
  label?: string;
  partial: PartialEntry;
}

/** Print every problem but the last, duplicates first; throw the last (exit 1 for data, 2 for usage). */
function reportProblems(io: Io, problems: Problem[]): void {
  if (problems.length === 0) return;
  const sorted = [...problems.filter((p) => p.duplicate), ...problems.filter((p) => !p.duplicate)];
  for (const p of sorted.slice(0, -1)) io.stderr(`mllm-align: error: ${p.message}\n`);
  const last = sorted[sorted.length - 1]!.message;
  throw problems.some((p) => p.data) ? new DataError(last) : new UsageError(last);
}

/** What the entries start from: BibTeX records, the arXiv API, or nothing but the flags; and the problems found reading them. */
async function readBases(io: Io, args: AddArgs, flags: PartialEntry): Promise<{ bases: Base[]; problems: Problem[] }> {
  if (args.keys && args.keys.length > 0 && args.fromBibtex === undefined) throw new UsageError('--key picks records of --from-bibtex; give --from-bibtex FILE');
  if (args.fromBibtex !== undefined) {
    const source = args.fromBibtex === '-' ? 'standard input' : args.fromBibtex;
    const text = args.fromBibtex === '-' ? await io.readStdin() : readBibFile(io, args.fromBibtex);
    const parsed = parseBibtex(text);
    const problems: Problem[] = parsed.errors.map((e) => ({ message: `${source}: cannot read BibTeX: ${e}`, data: true }));
    if (parsed.records.length === 0) {
      if (problems.length === 0) problems.push({ message: `${source}: no BibTeX records found`, data: true });
      reportProblems(io, problems);
    }
    const records = pickRecords(parsed.records, args.keys ?? [], source);
    for (const r of records) for (const note of r.notes) io.stderr(`${source}: record ${escapeExcerpt(r.key, 60)}: note: ${note}\n`);
    if (records.length > 1) {
      const given = PER_PAPER.filter((f) => (flags as Record<string, unknown>)[f] !== undefined);
      if (given.length > 0) {
        const names = given.map((f) => `--${FIELD_FLAGS.find((s) => s.field === f)!.flag}`);
        throw new UsageError(`${listWords(names, 'and')} cannot apply to all ${records.length} records of ${source}; pick one with --key KEY, or add them one at a time`);
      }
      return { bases: records.map((r) => ({ label: `record ${escapeExcerpt(r.key, 60)}`, partial: r.partial })), problems };
    }
    return { bases: [{ partial: records[0]!.partial }], problems };
  }
  const needsLookup = flags.title === undefined || flags.authors === undefined || flags.year === undefined;
  if (flags.arxiv !== undefined && args.fetch && needsLookup) {
    if (!isArxivId(flags.arxiv)) throw new UsageError(`--arxiv must be a new-style arXiv id such as 2304.08485; got ${quoteInput(flags.arxiv)}`);
    return { bases: [{ partial: await fetchArxiv(flags.arxiv, io.env) }], problems: [] };
  }
  return { bases: [{ partial: {} }], problems: [] };
}

/** The records --key names (BibTeX keys ignore case), in the order given; all records without --key. */
function pickRecords(records: readonly BibtexRecord[], keys: readonly string[], source: string): BibtexRecord[] {
  if (keys.length === 0) return [...records];
  const byKey = new Map(records.map((r) => [r.key.toLowerCase(), r]));
  const picked: BibtexRecord[] = [];
  for (const key of keys) {
    const r = byKey.get(key.toLowerCase());
    if (!r) {
      const keys = records.map((x) => x.key);
      const otherwise = `its keys: ${listWords(keys.slice(0, 10).map(quoteInput), 'and')}${keys.length > 10 ? ', …' : ''}`;
      throw new UsageError(withSuggestion(`no record with key ${quoteInput(key)} in ${source}`, key, keys, { otherwise }));
    }
    if (!picked.includes(r)) picked.push(r);
  }
  return picked;
}

function isArxivId(id: string): boolean {
  return new RegExp(ARXIV_PATTERN).test(id);
}

function readBibFile(io: Io, file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.resolve(io.cwd, file));
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  // Never turn bad bytes into U+FFFD that would be written for good (issue #12, item 2).
  const decoded = decodeUtf8(bytes);
  if (decoded.error) throw new DataError(`${file}:${decoded.error.line}:${decoded.error.column}: ${decoded.error.message}; nothing written`);
  return decoded.text;
}

/** What keeps the completed entry from being written (a malformed id, missing fields), or undefined. */
function findProblem(partial: PartialEntry, where: string): string | undefined {
  if (partial.id !== undefined && partial.id !== '' && !isPlainId(partial.id)) {
    return `${where}id ${quoteInput(partial.id)} is not a plain slug (lower-case letters and digits joined by single - or .${partial.id.length > MAX_ID_LENGTH ? `, at most ${MAX_ID_LENGTH} characters` : ''})`;
  }
  if (partial.id === '' && partial.name) return `${where}cannot make an id from the name ${quoteInput(partial.name)}; give --id`;
  const missing = missingFields(partial);
  if (missing.length === 0) return undefined;
  const flagsFor = missing.map((f) => (f.includes('|') ? 'one of --arxiv, --doi, --url' : `--${FIELD_FLAGS.find((s) => s.field === f)!.flag}`));
  return `${where}missing required field${missing.length === 1 ? '' : 's'}: ${listWords(flagsFor, 'and')}`;
}
