/** `mllm-align add`: a new paper into the catalogue, checked against the whole catalogue before a byte is written. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Entry } from '../../core/entry.js';
import { ARXIV_PATTERN } from '../../core/schema-def.js';
import { DataError, UsageError } from '../../core/errors.js';
import { listWords } from '../../core/text.js';
import { parseBibtex } from '../../ingest/bibtex.js';
import { checkNewEntries, findExisting, prepareNewEntries } from '../../ingest/check.js';
import { FIELD_FLAGS, flagsToPartial, type FlagValues } from '../../ingest/flags.js';
import { completePartial, isoDate, isPlainId, mergePartials, missingFields, toEntry, type PartialEntry } from '../../ingest/partial.js';
import { displayPath } from '../../load/read.js';
import { openCatalogue } from '../../open-catalogue.js';
import { formatDiagnosticLine } from '../../render/diagnostics.js';
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

async function addEntries(io: Io, args: AddArgs, deps: AddDeps): Promise<Outcome> {
  const values = { ...args.values };
  if (typeof values.category === 'string') values.category = parseCategory(values.category).id;
  const flags = flagsToPartial(values);
  const opened = await openCatalogue(io, { entries: args.entries, forWriting: !args.dryRun, cache: args.cache, needText: true });
  const dir = opened.dir;
  const bases = await readBases(io, args, flags);
  const today = isoDate(io.now());
  const entries: Entry[] = [];
  for (const { label, partial } of bases) {
    let merged = mergePartials(partial, flags);
    if (missingFields(completePartial(merged, today)).length > 0 && io.stdinIsTTY && args.fromBibtex !== '-') {
      if (label) io.stderr(`${label}:\n`);
      merged = await promptMissing(merged, await (deps.prompter ?? inquirerPrompter)());
    }
    entries.push(finish(completePartial(merged, today), label));
  }
  const show = (abs: string) => displayPath(abs, io.cwd);
  const fresh = prepareNewEntries(entries, (id) => show(entryPath(dir, id)));
  const existing = findExisting(opened.sources, fresh);
  if (existing.length > 0) throw new DataError(`${listWords(existing, 'and')} already exist${existing.length === 1 ? 's' : ''}; nothing written`);
  const diagnostics = checkNewEntries(opened.parsed, fresh, io.now());
  for (const d of diagnostics) io.stderr(formatDiagnosticLine(d) + '\n');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) throw new DataError(`nothing written: ${errors} error${errors === 1 ? '' : 's'} in the new entr${fresh.length === 1 ? 'y' : 'ies'}`);
  if (args.dryRun) {
    io.stdout(fresh.map((n) => n.text).join('---\n'));
    return outcome();
  }
  const written: string[] = [];
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
  return outcome();
}

interface Base {
  /** Which BibTeX record, when there are several. */
  label?: string;
  partial: PartialEntry;
}

/** What the entries start from: BibTeX records, the arXiv API, or nothing but the flags. */
async function readBases(io: Io, args: AddArgs, flags: PartialEntry): Promise<Base[]> {
  if (args.fromBibtex !== undefined) {
    const source = args.fromBibtex === '-' ? 'standard input' : args.fromBibtex;
    const text = args.fromBibtex === '-' ? await io.readStdin() : readBibFile(io, args.fromBibtex);
    const { records, errors } = parseBibtex(text);
    if (errors.length > 0) throw new DataError(`${source}: cannot read BibTeX: ${errors[0]}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`);
    if (records.length === 0) throw new DataError(`${source}: no BibTeX records found`);
    for (const r of records) for (const note of r.notes) io.stderr(`${source}: record ${r.key}: note: ${note}\n`);
    if (records.length > 1) {
      const given = PER_PAPER.filter((f) => (flags as Record<string, unknown>)[f] !== undefined);
      if (given.length > 0) {
        const names = given.map((f) => `--${FIELD_FLAGS.find((s) => s.field === f)!.flag}`);
        throw new UsageError(`${listWords(names, 'and')} cannot apply to all ${records.length} records of ${source}; add them one at a time`);
      }
      return records.map((r) => ({ label: `record ${r.key}`, partial: r.partial }));
    }
    return [{ partial: records[0]!.partial }];
  }
  const needsLookup = flags.title === undefined || flags.authors === undefined || flags.year === undefined;
  if (flags.arxiv !== undefined && args.fetch && needsLookup) {
    if (!isArxivId(flags.arxiv)) throw new UsageError(`--arxiv must be a new-style arXiv id such as 2304.08485; got "${flags.arxiv}"`);
    return [{ partial: await fetchArxiv(flags.arxiv, io.env) }];
  }
  return [{ partial: {} }];
}

function isArxivId(id: string): boolean {
  return new RegExp(ARXIV_PATTERN).test(id);
}

function readBibFile(io: Io, file: string): string {
  try {
    return readFileSync(path.resolve(io.cwd, file), 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** The completed entry, or a usage error naming what is still missing or malformed. */
function finish(partial: PartialEntry, label: string | undefined): Entry {
  const where = label ? `${label}: ` : '';
  if (partial.id !== undefined && partial.id !== '' && !isPlainId(partial.id)) {
    throw new UsageError(`${where}id "${partial.id}" is not a plain slug (lower-case letters and digits joined by single - or .)`);
  }
  if (partial.id === '' && partial.name) {
    throw new UsageError(`${where}cannot make an id from the name "${partial.name}"; give --id`);
  }
  const missing = missingFields(partial);
  if (missing.length > 0) {
    const flagsFor = missing.map((f) =>
      f.includes('|') ? 'one of --arxiv, --doi, --url' : `--${FIELD_FLAGS.find((s) => s.field === f)!.flag}`,
    );
    throw new UsageError(`${where}missing required field${missing.length === 1 ? '' : 's'}: ${listWords(flagsFor, 'and')}`);
  }
  return toEntry(partial);
}
