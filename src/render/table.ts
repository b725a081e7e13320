/**
 * The human-readable table of entries: borderless, aligned columns. Written here rather than with
 * cli-table3, whose layout engine was about 60 ms of `list` on the shipped catalogue (#13); the
 * output is the same: cells cut to their column with "…", padded to its display width.
 */
import { createRequire } from 'node:module';
import type { Entry } from '../core/entry.js';
import { painter } from './color.js';

export interface TableOptions {
  color: boolean;
  /** Terminal width; titles are cut to fit when it is known. */
  columns?: number;
}

const HEAD = ['Name', 'Year', 'Category', 'Venue', 'Title'];
const GAP = 2;
const ELLIPSIS = '…';

/** Text whose every character takes one column: printable ASCII and Latin letters, no combining marks. */
const NARROW = /^[\x20-\x7e\u00a0-\u02ff\u2026]*$/;
let stringWidth: ((text: string) => number) | undefined;

/** Columns a text takes on a terminal: a CJK character two, an accent none (string-width, loaded only when needed). */
function widthOf(text: string): number {
  if (NARROW.test(text)) return text.length;
  stringWidth ??= createRequire(import.meta.url)('string-width') as (text: string) => number;
  return stringWidth(text);
}

/** Cut `text` to `width` columns, ending in "…" when cut. */
function cut(text: string, width: number): string {
  if (widthOf(text) <= width) return text;
  let out = text;
  while (out.length > 0 && widthOf(out) > width - 1) out = out.slice(0, -1);
  return out + ELLIPSIS;
}

/** Render entries as an aligned, borderless table. */
export function renderEntryTable(entries: readonly Entry[], opts: TableOptions): string {
  const c = painter(opts.color);
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const rows = entries.map((e) => [
    oneLine(e.name),
    String(e.year),
    e.subcategory ? `${e.category}/${e.subcategory}` : e.category,
    oneLine(e.venue ?? ''),
    oneLine(e.title),
  ]);
  const widths = HEAD.map((h, i) => rows.reduce((w, r) => Math.max(w, widthOf(r[i]!)), h.length));
  // Long names and venues are cut (the full text is in --format json); on a terminal the title too.
  widths[0] = Math.min(widths[0]!, 22);
  widths[3] = Math.min(widths[3]!, 24);
  if (opts.columns) {
    const used = widths.slice(0, 4).reduce((a, b) => a + b + GAP, 0);
    widths[4] = Math.max(10, Math.min(widths[4]!, opts.columns - used - 1));
  }
  const line = (cells: string[], paint: Array<(s: string) => string>) =>
    cells
      .map((text, i) => {
        const shown = cut(text, widths[i]!);
        return paint[i]!(shown) + ' '.repeat(widths[i]! - widthOf(shown) + GAP);
      })
      .join('')
      .trimEnd();
  const plain = (s: string) => s;
  const head = line(HEAD, HEAD.map(() => c.bold));
  const body = rows.map((r) => line(r, [c.cyan, plain, c.dim, plain, plain]));
  return [head, ...body].join('\n') + '\n';
}
