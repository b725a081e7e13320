/** The human-readable table of entries. */
import Table from 'cli-table3';
import stringWidth from 'string-width';
import type { Entry } from '../core/entry.js';
import { painter } from './color.js';

export interface TableOptions {
  color: boolean;
  /** Terminal width; titles are cut to fit when it is known. */
  columns?: number;
}

const HEAD = ['Name', 'Year', 'Category', 'Venue', 'Title'];
const GAP = 2;
/** Fewest title characters a terminal table keeps before it gives up other columns. */
const MIN_TITLE = 30;

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
    Math.max(HEAD[i]!.length, ...rows.map((r) => stringWidth(short && i === 2 ? r[2]!.split('/')[0]! : r[i]!)));
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
  // Display width, as cli-table3 measures it: a CJK character takes two columns, an accent none.
  const layout = fitColumns(rows, opts.columns);
  const keep = <T>(list: readonly T[]) => list.filter((_, i) => layout.shown[i]);
  const paint = [c.cyan, (s: string) => s, c.dim, (s: string) => s, (s: string) => s];
  const table = new Table({
    head: keep(HEAD).map((h) => c.bold(h)),
    colWidths: keep(layout.widths).map((w) => w + GAP),
    wordWrap: false,
    truncate: '…',
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
      'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '',
    },
    // cli-table3 colours the head and borders even when piped unless these are emptied.
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': GAP },
  });
  for (const r of rows) {
    const cells = r.map((cell, i) => paint[i]!(i === 2 && layout.shortCategory ? cell.split('/')[0]! : cell));
    table.push(keep(cells));
  }
  return table
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n') + '\n';
}
