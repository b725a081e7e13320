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
  const widths = HEAD.map((h, i) => Math.max(h.length, ...rows.map((r) => stringWidth(r[i]!))));
  const gap = 2;
  // Long names and venues are cut (the full text is in --format json); on a terminal the title too.
  widths[0] = Math.min(widths[0]!, 22);
  widths[3] = Math.min(widths[3]!, 24);
  let titleWidth = widths[4]!;
  if (opts.columns) {
    const used = widths.slice(0, 4).reduce((a, b) => a + b + gap, 0);
    titleWidth = Math.max(10, Math.min(titleWidth, opts.columns - used - 1));
  }
  const colWidths = [...widths.slice(0, 4), titleWidth].map((w) => w + gap);
  const table = new Table({
    head: HEAD.map((h) => c.bold(h)),
    colWidths,
    wordWrap: false,
    truncate: '…',
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
      'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '',
    },
    // cli-table3 colours the head and borders even when piped unless these are emptied.
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': gap },
  });
  for (const r of rows) table.push([c.cyan(r[0]!), r[1]!, c.dim(r[2]!), r[3]!, r[4]!]);
  return table
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n') + '\n';
}
