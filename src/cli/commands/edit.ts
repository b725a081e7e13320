/** `mllm-align rename OLD NEW` and `mllm-align remove ID`: edits across entries, checked first, written all together or not at all (#14). */
import { planRemove, planRename, type EntryEdit } from '../../catalogue-edit.js';
import { DataError } from '../../core/errors.js';
import { parseSources } from '../../load/parse.js';
import { displayPath } from '../../load/read.js';
import type { SourceFile } from '../../load/source.js';
import { openCatalogue, type OpenedCatalogue } from '../../open-catalogue.js';
import { formatDiagnosticLine } from '../../render/diagnostics.js';
import { renderEntryYaml } from '../../render/yaml.js';
import { applyChanges, type FileChange } from '../../store/transaction.js';
import { entryPath } from '../../store/write-entry.js';
import { validateParsed } from '../../validate/validate.js';
import type { Io } from '../io.js';
import { outcome, reportLeftOut, type Outcome } from '../outcome.js';

export interface EditArgs {
  entries?: string;
  /** False with --no-cache. */
  cache?: boolean;
  dryRun: boolean;
}

/** Rename an entry's id and file, and every builds_on that names it. */
export async function runRename(io: Io, args: EditArgs & { from: string; to: string }): Promise<Outcome> {
  return runEdit(io, args, (opened) => planRename(opened.catalogue, args.from, args.to));
}

/** Remove an entry; with force, also the builds_on links to it. */
export async function runRemove(io: Io, args: EditArgs & { id: string; force: boolean }): Promise<Outcome> {
  return runEdit(io, args, (opened) => planRemove(opened.catalogue, args.id, args.force));
}

async function runEdit(io: Io, args: EditArgs, plan: (opened: OpenedCatalogue) => EntryEdit[]): Promise<Outcome> {
  const opened = await openCatalogue(io, { entries: args.entries, cache: args.cache, forWriting: !args.dryRun });
  // A file with errors could hold a link that would be missed: edit only a clean catalogue.
  if (reportLeftOut(io, opened).length > 0) throw new DataError('the catalogue has errors; fix them first (mllm-align validate); nothing changed');
  const edits = plan(opened);
  const changes = toChanges(io, opened, edits);
  checkResult(io, opened, changes);
  for (const e of edits) io.stdout(e.note + '\n');
  if (args.dryRun) {
    io.stderr(`--dry-run: nothing changed (${changes.length} file${changes.length === 1 ? '' : 's'} would change)\n`);
    return outcome();
  }
  applyChanges(changes);
  io.stderr(`${changes.length} file${changes.length === 1 ? '' : 's'} changed\n`);
  return outcome();
}

/** The file changes of the edits: an entry that stays is rewritten, a new id is a new file, a gone one a deletion. */
function toChanges(io: Io, opened: OpenedCatalogue, edits: readonly EntryEdit[]): FileChange[] {
  const { catalogue } = opened;
  return edits.map((e): FileChange => {
    const shown = catalogue.fileOf.get(e.id);
    const existing = shown === undefined ? undefined : opened.absolute.get(shown);
    if (e.entry === undefined) return { kind: 'delete', file: existing! };
    const text = renderEntryYaml(e.entry);
    return existing ? { kind: 'replace', file: existing, text } : { kind: 'create', file: entryPath(opened.dir, e.id), text };
  });
}

/** Validate the catalogue as it would be after the changes; refuse them if it would have errors. */
function checkResult(io: Io, opened: OpenedCatalogue, changes: readonly FileChange[]): void {
  const show = (abs: string) => displayPath(abs, io.cwd);
  const byFile = new Map(changes.map((c) => [show(c.file), c]));
  const after: SourceFile[] = opened.sources.flatMap((src): SourceFile[] => {
    const c = byFile.get(src.file);
    if (!c) return [src];
    return c.kind === 'delete' ? [] : [{ file: src.file, text: c.text }];
  });
  for (const c of changes) if (c.kind === 'create') after.push({ file: show(c.file), text: c.text });
  const result = validateParsed(parseSources(after), { now: io.now() });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  for (const d of errors) io.stderr(formatDiagnosticLine(d) + '\n');
  throw new DataError(`nothing changed: the catalogue would have ${errors.length} error${errors.length === 1 ? '' : 's'}`);
}
