/** The human-readable table of entries. */
import stringWidth from 'string-width';
import type { Entry } from '../core/entry.js';
import { escapeControls } from '../core/text.js';
import { painter } from './color.js';

export interface TableOptions {
  color: boolean;
  /** Terminal width; titles are cut to fit when it is known. */
  columns?: number;
}

const HEAD = ['Name', 'Year', 'Category', 'Venue', 'Title'];
const GAP = 2;

/** Display width, as a terminal shows it: a CJK character takes two columns, an accent none. */
function widthOf(text: string): number {
  return /^[\u0020-\u007e]*$/.test(text) ? text.length : stringWidth(text);
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
  const widths = HEAD.map((h) => h.length);
  for (const r of rows) for (let i = 0; i < r.length; i++) widths[i] = Math.max(widths[i]!, widthOf(r[i]!));
  // Long names and venues are cut (the full text is in --format json); on a terminal the title too.
  widths[0] = Math.min(widths[0]!, 22);
  widths[3] = Math.min(widths[3]!, 24);
  if (opts.columns) {
    const used = widths.slice(0, 4).reduce((a, b) => a + b + GAP, 0);
    widths[4] = Math.max(10, Math.min(widths[4]!, opts.columns - used - 1));
  }
  const paints = [c.cyan, (s: string) => s, c.dim, (s: string) => s, (s: string) => s];
  const line = (cells: readonly string[], paint: ReadonlyArray<(s: string) => string>) =>
    cells
      .map((cell, i) => {
        const f = fit(cell, widths[i]!);
        return paint[i]!(f.text) + ' '.repeat(widths[i]! - f.width + GAP);
      })
      .join('')
      .trimEnd();
  const out = [line(HEAD, HEAD.map(() => c.bold)), ...rows.map((r) => line(r, paints))];
  return out.join('\n') + '\n';
}
