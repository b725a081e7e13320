/** Printing a list of entries as `list` and `filter` do: a table, JSON, ids or a count. */
import type { Entry } from '../core/entry.js';
import type { Io } from './io.js';

export type ListFormat = 'table' | 'json' | 'ids';

/** Print entries in the chosen format. */
export async function printEntries(io: Io, entries: readonly Entry[], format: ListFormat | 'count'): Promise<void> {
  if (format === 'json') io.stdout(JSON.stringify(entries, null, 2) + '\n');
  else if (format === 'ids') io.stdout(entries.map((e) => e.id + '\n').join(''));
  else if (format === 'count') io.stdout(`${entries.length}\n`);
  else if (entries.length > 0) {
    const { renderEntryTable } = await import('../render/table.js');
    io.stdout(renderEntryTable(entries, { color: io.color, columns: io.columns }));
  }
}
