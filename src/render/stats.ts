/** `stats`: the catalogue's shape in numbers (per category, year, backbone, modality, venue) and as text with bar charts. */
import stringWidth from 'string-width';
import type { Entry } from '../core/entry.js';
import { CATEGORIES } from '../core/taxonomy.js';
import { venueSeries } from '../core/venue.js';

export interface Count {
  key: string;
  count: number;
}

export interface Stats {
  entries: number;
  categories: Array<Count & { subcategories: Count[] }>;
  years: Count[];
  llms: Count[];
  modalities: Count[];
  venues: Count[];
  withCode: number;
  withVenue: number;
}

/** How many of the most frequent backbones, modalities and venues are listed. */
export const TOP = 10;

export { venueSeries };

function tally(values: Iterable<string>): Count[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  // Most first; ties by name in code-unit order, the same on every machine.
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Count the entries every way `stats` shows. */
export function computeStats(entries: readonly Entry[]): Stats {
  const categories = CATEGORIES.map((c) => {
    const inCat = entries.filter((e) => e.category === c.id);
    const subcategories = c.subcategories.map((s) => ({ key: s.id, count: inCat.filter((e) => e.subcategory === s.id).length }));
    const none = inCat.filter((e) => e.subcategory === undefined).length;
    if (none > 0) subcategories.push({ key: '(none)', count: none });
    return { key: c.id, count: inCat.length, subcategories };
  });
  const years = tally(entries.map((e) => String(e.year))).sort((a, b) => Number(a.key) - Number(b.key));
  return {
    entries: entries.length,
    categories,
    years,
    llms: tally(entries.flatMap((e) => e.llm ?? [])).slice(0, TOP),
    modalities: tally(entries.flatMap((e) => e.modalities ?? [])).slice(0, TOP),
    venues: tally(entries.flatMap((e) => (e.venue ? [venueSeries(e.venue)] : []))).slice(0, TOP),
    withCode: entries.filter((e) => e.code !== undefined).length,
    withVenue: entries.filter((e) => e.venue !== undefined).length,
  };
}

export interface StatsTextOptions {
  /** Draw bars with block characters (a terminal); otherwise with `#`. */
  terminal: boolean;
  /** Line width for the bars. */
  width: number;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `value` out of `max` in `cells` cells. */
export function bar(value: number, max: number, cells: number, terminal: boolean): string {
  if (max <= 0 || value <= 0) return '';
  const exact = (value / max) * cells;
  if (!terminal) return '#'.repeat(Math.max(1, Math.round(exact)));
  const full = Math.floor(exact);
  const part = EIGHTHS[Math.round((exact - full) * 8)] ?? '';
  return '█'.repeat(full) + (full === 0 && part === '' ? '▏' : part);
}

/** Text from entries as it may reach a terminal: control characters (escape sequences) shown as "?". */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function chart(title: string, given: readonly Count[], opts: StatsTextOptions, indent = '  '): string[] {
  const rows = given.map((r) => ({ key: printable(r.key), count: r.count }));
  if (rows.length === 0) return [title, `${indent}(none)`];
  const label = Math.max(...rows.map((r) => stringWidth(r.key)));
  const num = Math.max(...rows.map((r) => String(r.count).length));
  const max = Math.max(...rows.map((r) => r.count));
  const cells = Math.max(10, Math.min(40, opts.width - indent.length - label - num - 3));
  return [
    title,
    ...rows.map((r) => `${indent}${r.key}${' '.repeat(label - stringWidth(r.key))}  ${String(r.count).padStart(num)} ${bar(r.count, max, cells, opts.terminal)}`.trimEnd()),
  ];
}

function share(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}

/** The stats as text: counts per category and sub-group, a per-year chart, the top lists and the shares. */
export function renderStatsText(stats: Stats, opts: StatsTextOptions): string {
  const lines = [`${stats.entries} entries`, ''];
  const subRows = stats.categories.flatMap((c) => [{ key: c.key, count: c.count }, ...c.subcategories.map((s) => ({ key: `  ${s.key}`, count: s.count }))]);
  lines.push(...chart('By category and sub-group:', subRows, opts), '');
  lines.push(...chart('By year:', stats.years, opts), '');
  lines.push(...chart(`Top backbone LLMs:`, stats.llms, opts), '');
  lines.push(...chart(`Top modalities:`, stats.modalities, opts), '');
  lines.push(...chart(`Top venues:`, stats.venues, opts), '');
  lines.push(`With code: ${stats.withCode} of ${stats.entries} (${share(stats.withCode, stats.entries)})`);
  lines.push(`With a venue: ${stats.withVenue} of ${stats.entries} (${share(stats.withVenue, stats.entries)})`);
  return lines.join('\n') + '\n';
}
