/** The export formats behind one function, and how a stale exported file differs from a fresh one. */
import type { Entry } from '../core/entry.js';
import type { LatexColumn } from './latex-table.js';

export const EXPORT_FORMATS = ['markdown', 'bibtex', 'csl-json', 'json', 'latex-table', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The text of an export around its records: before the first, between two, after the last, and with none. */
export interface ExportFrame {
  open: string;
  between: string;
  close: string;
  none: string;
}

export interface ExportOptions {
  /** BibTeX only: ASCII with LaTeX accents, for classic BibTeX. */
  ascii?: boolean;
  /** HTML only: the whole catalogue, for the BibTeX keys `show` gives (a selection is keyed as its catalogue). */
  catalogue?: readonly Entry[];
  /** LaTeX table only: its columns. */
  columns?: readonly LatexColumn[];
}

/** Render entries in one export format; the same entries always give the same text. */
export async function renderExport(format: ExportFormat, entries: readonly Entry[], opts: ExportOptions = {}): Promise<string> {
  return [...(await exportChunks(format, entries, opts))].join('');
}

/**
 * The fields of an entry an export of `format` reads, when it reads only a few: an export of the
 * whole catalogue opens it keeping no others (openCatalogue's `fields`, #13). Undefined: every field.
 */
export async function exportFields(format: ExportFormat): Promise<readonly string[] | undefined> {
  return format === 'markdown' ? (await import('./markdown.js')).MARKDOWN_FIELDS : undefined;
}

/**
 * renderExport's text in pieces, made as they are asked for, so a large export can be written as it
 * is made and is never all in memory (#13). Markdown, BibTeX, CSL-JSON and JSON come a record or a
 * section at a time; the web page and the LaTeX table in one piece.
 */
export async function exportChunks(format: ExportFormat, entries: readonly Entry[], opts: ExportOptions = {}): Promise<Iterable<string>> {
  switch (format) {
    case 'markdown':
      return (await import('./markdown.js')).markdownChunks(entries);
    case 'bibtex':
      return (await import('./bibtex.js')).bibtexChunks(entries, { ascii: Boolean(opts.ascii) });
    case 'csl-json':
      return (await import('./csl.js')).cslJsonChunks(entries);
    case 'json':
      return (await import('./json.js')).jsonExportChunks(entries);
    case 'html':
      return [(await import('./html.js')).renderHtml(entries, { catalogue: opts.catalogue })];
    case 'latex-table':
      return [(await import('./latex-table.js')).renderLatexTable(entries, { columns: opts.columns })];
  }
}

/** Characters in a piece of batchChunks. */
const BATCH = 64 * 1024;

/** Pieces joined into pieces of about 64 kB: few writes, and never the whole text at once (#13). */
export function* batchChunks(chunks: Iterable<string>, size = BATCH): Generator<string, void, undefined> {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= size) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

/** Characters shown of a differing line. */
const EXCERPT = 100;

function excerpt(line: string | undefined): string {
  if (line === undefined) return '(end of file)';
  return line.length > EXCERPT ? `${line.slice(0, EXCERPT)}…` : line;
}

function lines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/** How many lines of `a` have no counterpart in `b` (as multisets). */
function unmatched(a: readonly string[], b: readonly string[]): number {
  const left = new Map<string, number>();
  for (const l of b) left.set(l, (left.get(l) ?? 0) + 1);
  let n = 0;
  for (const l of a) {
    const k = left.get(l) ?? 0;
    if (k > 0) left.set(l, k - 1);
    else n++;
  }
  return n;
}

/**
 * A short account of how `current` (the file) differs from `expected` (a fresh export): the first
 * differing line of each, line counts, and how many lines each has that the other lacks. Undefined when equal.
 */
export function describeDifference(current: string, expected: string): string | undefined {
  if (current === expected) return undefined;
  const a = lines(current);
  const b = lines(expected);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [
    `first difference at line ${i + 1}`,
    `  file:   ${excerpt(a[i])}`,
    `  export: ${excerpt(b[i])}`,
    `${a.length} line${a.length === 1 ? '' : 's'} in the file, ${b.length} in a fresh export: ${unmatched(a, b)} only in the file, ${unmatched(b, a)} only in the export`,
  ].join('\n');
}
