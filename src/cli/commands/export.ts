/** `mllm-align export --format F [--output FILE] [--check]`: the catalogue as Markdown, BibTeX, CSL-JSON, JSON, a LaTeX table or a web page. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { listWords } from '../../core/text.js';
import { batchChunks, describeDifference, exportChunks, exportFields, type ExportFormat } from '../../render/export.js';
import { writeOutput } from '../../store/write-entry.js';
import type { Io } from '../io.js';
import { openCatalogue, type OpenedCatalogue } from '../../open-catalogue.js';
import type { Criteria } from '../../query/filter.js';
import type { LatexColumn } from '../../render/latex-table.js';
import { StreamedExport } from '../../render/streamed.js';
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
  /** LaTeX table only: `--columns`, as typed. */
  columns?: string;
  /** With --output: write the good entries even when some files have errors. */
  skipInvalid?: boolean;
  /** The same selection flags and query as `filter`. */
  selection: SelectionOptions;
  query: string[];
}

/** Export the selected entries to stdout, to a file, or check that the file is up to date. */
export async function runExport(io: Io, args: ExportArgs): Promise<Outcome> {
  if (args.check && args.output === undefined) throw new UsageError('--check needs --output FILE: the file to compare with');
  if (args.ascii && args.format !== 'bibtex') throw new UsageError('--ascii applies to --format bibtex only');
  if (args.columns !== undefined && args.format !== 'latex-table') throw new UsageError('--columns applies to --format latex-table only');
  const columns = args.columns === undefined ? undefined : (await import('../../render/latex-table.js')).parseLatexColumns(args.columns);
  if (args.skipInvalid && (args.output === undefined || args.check)) throw new UsageError('--skip-invalid applies to --output FILE without --check (standard output always gets the entries without errors)');
  // Parse the selection first, so a mistyped query fails before the catalogue is read.
  const criteria = criteriaFromSelection(args.selection, args.query);
  // The whole catalogue is made as it is read, where the format allows (render/streamed.ts).
  const streamed = criteria.terms.length === 0 ? await StreamedExport.start(args.format, { ascii: args.ascii }) : undefined;
  // A format that reads few fields of the whole catalogue's entries keeps only those (a query may read any).
  const fields = criteria.terms.length === 0 ? await exportFields(args.format) : undefined;
  const opened = await openCatalogue(io, { entries: args.entries, cache: args.cache, tee: streamed, fields });
  const leftOut = reportLeftOut(io, opened);
  const hadErrors = leftOut.length > 0;
  // A file with errors must not cost a good entry its place in a bibliography (issue 10): a file
  // export writes nothing unless --skip-invalid says the rest will do.
  if (hadErrors && args.output !== undefined && !args.check && !args.skipInvalid) {
    io.stderr(`mllm-align: ${args.output} not written: ${listWords(leftOut, 'and')} ha${leftOut.length === 1 ? 's' : 've'} errors; fix ${leftOut.length === 1 ? 'it' : 'them'}, or pass --skip-invalid to write the other entries\n`);
    return outcome(leftOut.length);
  }
  if (hadErrors) io.stderr(`mllm-align: left out of the export: ${listWords(leftOut, 'and')}\n`);
  const { count, chunks } = streamed ? streamed.pieces(opened.validation.entries.map((e) => e.file)) : await exportSelected(io, opened, criteria, args, columns);
  // As filter says it: an empty selection is not an error, but it should not pass unnoticed.
  if (count === 0) io.stderr('mllm-align: no entries match\n');
  if (args.output === undefined) {
    writeChunks(io, chunks);
    return outcome(leftOut.length);
  }
  const file = path.resolve(io.cwd, args.output);
  // A web page usually goes into a folder of its own (site/index.html for GitHub Pages): make it.
  if (args.format === 'html' && !args.check) mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(path.dirname(file))) throw new UsageError(`cannot write ${args.output}: the folder ${path.dirname(args.output)} does not exist`);
  if (args.check) {
    if (!existsSync(file)) {
      io.stderr(`${args.output} does not exist; run without --check to write it\n`);
      return outcome(leftOut.length + 1);
    }
    const difference = describeDifference(readFileSync(file, 'utf8'), [...chunks].join(''));
    if (difference !== undefined) {
      io.stderr(`${args.output} is out of date with the catalogue; run the same command without --check to update it\n${difference}\n`);
      return outcome(leftOut.length + 1);
    }
    io.stderr(`${args.output} is up to date (${count} entries)\n`);
    return outcome(leftOut.length);
  }
  writeOutput(file, batchChunks(chunks), args.output);
  io.stderr(`${args.output}: ${count} entries written\n`);
  return outcome(leftOut.length);
}

/** The export of the entries the criteria select, made from the opened catalogue (and, for --ascii BibTeX, the note on what it lost). */
async function exportSelected(io: Io, opened: OpenedCatalogue, criteria: Criteria, args: ExportArgs, columns: readonly LatexColumn[] | undefined): Promise<{ count: number; chunks: Iterable<string> }> {
  const { catalogue } = opened;
  const entries = selectByCriteria(catalogue, criteria);
  // Made as it is written, a piece at a time, never the whole text at once (#13).
  const chunks = await exportChunks(args.format, entries, { ascii: args.ascii, catalogue: catalogue.entries, columns });
  if (args.format === 'bibtex' && args.ascii) {
    const { hasUnrepresentable } = await import('../../render/latex.js');
    const lossy = entries.filter((e) => hasUnrepresentable([e.title, ...e.authors, e.venue ?? ''].join(' '))).map((e) => e.id);
    if (lossy.length > 0) {
      io.stderr(`note: characters with no LaTeX form written as "?" in ${lossy.sort().join(', ')}; the UTF-8 export (without --ascii) keeps them for biber\n`);
    }
  }
  return { count: entries.length, chunks };
}

/** Bytes encoded at the least before they are written (an export's pieces are a record or a line). */
const WRITE_BYTES = 256 * 1024;

/**
 * Write text made a piece at a time (an export) to standard output. With a byte stream each piece is
 * encoded straight into one buffer, written when full (#13: joining pieces into 64 kB strings, then
 * encoding those, cost 7 to 14 ms more of the 50 to 100 that rendering and encoding take at 10,000
 * entries; one piece beyond Latin-1 made a whole joined string two bytes a character). The buffer
 * is used again once the stream has let go of it.
 */
function writeChunks(io: Io, chunks: Iterable<string>): void {
  const writeBytes = io.writeBytes;
  if (writeBytes === undefined) {
    for (const piece of batchChunks(chunks)) io.stdout(piece);
    return;
  }
  let buf = Buffer.allocUnsafeSlow(WRITE_BYTES);
  let used = 0;
  const flush = () => {
    if (used === 0) return;
    if (!writeBytes(1, buf.subarray(0, used))) buf = Buffer.allocUnsafeSlow(WRITE_BYTES);
    used = 0;
  };
  for (const chunk of chunks) {
    // A UTF-16 code unit takes at most three bytes of UTF-8.
    if (used + chunk.length * 3 > buf.length) {
      flush();
      if (chunk.length * 3 > buf.length) {
        writeBytes(1, Buffer.from(chunk, 'utf8'));
        continue;
      }
    }
    used += buf.write(chunk, used, 'utf8');
  }
  flush();
}
