/** `mllm-align export --format F [--output FILE] [--check]`: the catalogue as Markdown, BibTeX, CSL-JSON or JSON. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { openCatalogue } from '../../open-catalogue.js';
import { describeDifference, renderExport, type ExportFormat } from '../../render/export.js';
import { replaceFileAtomic } from '../../store/write-entry.js';
import type { Io } from '../io.js';
import { outcome, reportLeftOut, type Outcome } from '../outcome.js';
import { criteriaFromSelection, selectByCriteria, type SelectionOptions } from '../selection.js';

export interface ExportArgs {
  entries?: string;
  /** False with --no-cache. */
  cache?: boolean;
  format: ExportFormat;
  output?: string;
  check: boolean;
  ascii: boolean;
  /** The same selection flags and query as `filter`. */
  selection: SelectionOptions;
  query: string[];
}

/** Export the selected entries to stdout, to a file, or check that the file is up to date. */
export async function runExport(io: Io, args: ExportArgs): Promise<Outcome> {
  if (args.check && args.output === undefined) throw new UsageError('--check needs --output FILE: the file to compare with');
  if (args.ascii && args.format !== 'bibtex') throw new UsageError('--ascii applies to --format bibtex only');
  // Parse the selection first, so a mistyped query fails before the catalogue is read.
  const criteria = criteriaFromSelection(args.selection, args.query);
  const opened = await openCatalogue(io, { entries: args.entries, cache: args.cache });
  const leftOut = reportLeftOut(io, opened);
  const { catalogue } = opened;
  const entries = selectByCriteria(catalogue, criteria);
  const text = await renderExport(args.format, entries, { ascii: args.ascii });
  if (args.format === 'bibtex' && args.ascii) {
    const { hasUnrepresentable } = await import('../../render/latex.js');
    const lossy = entries.filter((e) => hasUnrepresentable([e.title, ...e.authors, e.venue ?? ''].join(' '))).map((e) => e.id);
    if (lossy.length > 0) {
      io.stderr(`note: characters with no LaTeX form written as "?" in ${lossy.sort().join(', ')}; the UTF-8 export (without --ascii) keeps them for biber\n`);
    }
  }
  if (args.output === undefined) {
    io.stdout(text);
    return outcome(leftOut);
  }
  const file = path.resolve(io.cwd, args.output);
  if (!existsSync(path.dirname(file))) throw new UsageError(`cannot write ${args.output}: the folder ${path.dirname(args.output)} does not exist`);
  if (args.check) {
    if (!existsSync(file)) {
      io.stderr(`${args.output} does not exist; run without --check to write it\n`);
      return outcome(leftOut + 1);
    }
    const difference = describeDifference(readFileSync(file, 'utf8'), text);
    if (difference !== undefined) {
      io.stderr(`${args.output} is out of date with the catalogue; run the same command without --check to update it\n${difference}\n`);
      return outcome(leftOut + 1);
    }
    io.stderr(`${args.output} is up to date (${entries.length} entries)\n`);
    return outcome(leftOut);
  }
  replaceFileAtomic(file, text);
  io.stderr(`${args.output}: ${entries.length} entries written\n`);
  return outcome(leftOut);
}
