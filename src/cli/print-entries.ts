/** Printing a list of entries as `list` and `filter` do: a table, JSON, ids or a count. */
import type { Entry } from '../core/entry.js';
import type { Io } from './io.js';

export type ListFormat = 'table' | 'json' | 'ids';

/** Print entries in the chosen format. */
export async function printEntries(io: Io, entries: readonly Entry[], format: ListFormat | 'count'): Promise<void> {
  if (format === 'json') printJson(io, entries);
  else if (format === 'ids') io.stdout(entries.map((e) => e.id + '\n').join(''));
  else if (format === 'count') io.stdout(`${entries.length}\n`);
  else if (entries.length > 0) {
    const { renderEntryTable } = await import('../render/table.js');
    io.stdout(renderEntryTable(entries, { color: io.color, columns: io.columns }));
  }
}

/** Entries written in chunks: the same bytes as JSON.stringify(entries, null, 2), never all in one string (#13). */
function printJson(io: Io, entries: readonly Entry[]): void {
  if (entries.length === 0) {
    io.stdout('[]\n');
    return;
  }
  const CHUNK = 500;
  for (let from = 0; from < entries.length; from += CHUNK) {
    const part = entries.slice(from, from + CHUNK).map((e) => '  ' + JSON.stringify(e, null, 2).replaceAll('\n', '\n  '));
    io.stdout((from === 0 ? '[\n' : ',\n') + part.join(',\n') + (from + CHUNK >= entries.length ? '\n]\n' : ''));
  }
}
