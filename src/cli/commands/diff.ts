/** `mllm-align diff [REF]`: release notes, the entries added, removed and changed since REF (read through git). */
import { quoteInput } from '../../core/text.js';
import { defaultRevision, locateInRepository, readSourcesAtRevision, resolveRevision } from '../../load/git.js';
import { openCatalogue, openSources } from '../../open-catalogue.js';
import { compareCatalogues, renderDiffJson, renderDiffMarkdown } from '../../render/diff.js';
import type { Io } from '../io.js';
import { outcome, reportLeftOut, type Outcome } from '../outcome.js';

export interface DiffArgs {
  /** The base revision; default the last tag, else the first commit. */
  ref?: string;
  entries?: string;
  /** False with --no-cache. */
  cache?: boolean;
  format: 'markdown' | 'json';
}

/** Compare the catalogue of the working tree with its version at REF. */
export async function runDiff(io: Io, args: DiffArgs): Promise<Outcome> {
  const opened = await openCatalogue(io, { entries: args.entries, cache: args.cache });
  const leftOut = reportLeftOut(io, opened).length;
  const { top, prefix } = locateInRepository(opened.dir);
  const ref = args.ref ?? defaultRevision(top);
  const commit = resolveRevision(top, ref);
  // Old files are named the way git names them: REF:path.
  const sources = readSourcesAtRevision(top, commit, prefix, (name) => `${ref}:${prefix === '' ? '' : `${prefix}/`}${name}`);
  if (sources.length === 0) io.stderr(`note: no entry files in ${prefix || 'the repository root'} at ${quoteInput(ref)}; every entry counts as added\n`);
  const old = openSources(io, opened.dir, sources);
  const bad = new Set(old.errors.map((d) => d.file)).size;
  if (bad > 0) io.stderr(`note: ${bad} file${bad === 1 ? '' : 's'} at ${quoteInput(ref)} had errors; their entries are left out of the comparison\n`);
  const diff = compareCatalogues(old.catalogue.entries, opened.catalogue.entries);
  const labels = { ref, commit };
  io.stdout(args.format === 'json' ? renderDiffJson(diff, labels) : renderDiffMarkdown(diff, labels));
  return outcome(leftOut);
}
