/** The human-readable table of entries. */
import { createRequire } from 'node:module';
import type { Entry } from '../core/entry.js';
import { escapeControls } from '../core/text.js';
import { painter } from './color.js';

export interface TableOptions {
  color: boolean;
  /** Terminal width; columns give way and titles are cut to fit when it is known. */
  columns?: number;
}

const HEAD = ['Name', 'Year', 'Category', 'Venue', 'Title'];
const GAP = 2;

/** Fewest title characters a terminal table keeps before it gives up other columns. */
const MIN_TITLE = 30;

/** Text whose every character takes one column: printable ASCII and Latin letters, no combining marks. */
const NARROW = /^[\x20-\x7e\u00a0-\u02ff\u2026]*$/;
let stringWidth: ((text: string) => number) | undefined;

/** Columns a text takes on a terminal: a CJK character two, an accent none (string-width, loaded only when needed, #13). */
function widthOf(text: string): number {
  if (NARROW.test(text)) return text.length;
  stringWidth ??= createRequire(import.meta.url)('string-width') as (text: string) => number;
  return stringWidth(text);
}

/** `text` cut to `width` columns, ending in … when cut. */
function fit(text: string, width: number): { text: string; width: number } {
  const full = widthOf(text);
  if (full <= width) return { text, width: full };
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = widthOf(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return { text: `${out}…`, width: used + 1 };
}

/** Columns as laid out: which are shown and how wide, with the category maybe shortened to its group. */
interface Layout {
  shown: boolean[];
  widths: number[];
  shortCategory: boolean;
}

/**
 * Fit the table to a terminal (#14): first long names and venues are cut, then the category loses its
 * sub-group, then the venue column goes, then the category column, then names are cut shorter; only
 * then is the title cut below MIN_TITLE. Without a terminal nothing is cut.
 */
function fitColumns(rows: readonly string[][], columns: number | undefined): Layout {
  const measure = (i: number, short = false) =>
    rows.reduce((max, r) => Math.max(max, widthOf(short && i === 2 ? r[2]!.split('/')[0]! : r[i]!)), HEAD[i]!.length);
  const layout: Layout = { shown: HEAD.map(() => true), widths: HEAD.map((_, i) => measure(i)), shortCategory: false };
  if (!columns) return layout;
  const used = () => layout.widths.reduce((sum, w, i) => (i < 4 && layout.shown[i] ? sum + w + GAP : sum), 0);
  const fits = () => columns - used() - 1 >= Math.min(MIN_TITLE, layout.widths[4]!);
  const steps = [
    () => {
      layout.widths[0] = Math.min(layout.widths[0]!, 22);
      layout.widths[3] = Math.min(layout.widths[3]!, 24);
    },
    () => {
      layout.shortCategory = true;
      layout.widths[2] = measure(2, true);
    },
    () => void (layout.shown[3] = false),
    () => void (layout.shown[2] = false),
    () => void (layout.widths[0] = Math.min(layout.widths[0]!, 14)),
  ];
  for (const step of steps) {
    if (fits()) break;
    step();
  }
  layout.widths[4] = Math.max(10, Math.min(layout.widths[4]!, columns - used() - 1));
  return layout;
}

/**
 * Render entries as an aligned, borderless table. Linear in the number of entries (issue #12,
 * item 16: the table library took 44 s on 20,000 entries); user text has control characters escaped.
 */
export function renderEntryTable(entries: readonly Entry[], opts: TableOptions): string {
  const c = painter(opts.color);
  const oneLine = (text: string) => escapeControls(text.replace(/\s+/g, ' ').trim());
  const rows = entries.map((e) => [
    oneLine(e.name),
    String(e.year),
    oneLine(e.subcategory ? `${e.category}/${e.subcategory}` : e.category),
    oneLine(e.venue ?? ''),
    oneLine(e.title),
  ]);
  const layout = fitColumns(rows, opts.columns);
  const paints = [c.cyan, (s: string) => s, c.dim, (s: string) => s, (s: string) => s];
  const line = (cells: readonly string[], paint: ReadonlyArray<(s: string) => string>) =>
    cells
      .map((cell, i) => {
        if (!layout.shown[i]) return '';
        const text = i === 2 && layout.shortCategory && cell !== HEAD[2] ? cell.split('/')[0]! : cell;
        const f = fit(text, layout.widths[i]!);
        return paint[i]!(f.text) + ' '.repeat(layout.widths[i]! - f.width + GAP);
      })
      .join('')
      .trimEnd();
  const out = [line(HEAD, HEAD.map(() => c.bold)), ...rows.map((r) => line(r, paints))];
  return out.join('\n') + '\n';
}
