/** `mllm-align list`: the catalogue as a table, JSON or ids. */
import { sortEntries, type SortKey } from '../../catalogue.js';
import type { Entry } from '../../core/entry.js';
import { EXIT_OK, EXIT_PROBLEMS } from '../../core/errors.js';
import type { Io } from '../io.js';
import { loadCatalogue } from '../load.js';
import { parseCategory } from '../options.js';

export type ListFormat = 'table' | 'json' | 'ids';

export interface ListArgs {
  entries?: string;
  category?: string;
  sort: SortKey;
  format: ListFormat;
}

/** Print entries in the chosen format. */
export async function printEntries(io: Io, entries: readonly Entry[], format: ListFormat | 'count'): Promise<void> {
  if (format === 'json') io.stdout(JSON.stringify(entries, null, 2) + '\n');
  else if (format === 'ids') io.stdout(entries.map((e) => e.id + '\n').join(''));
  else if (format === 'count') io.stdout(`${entries.length}\n`);
  else if (entries.length > 0) {
    const { renderEntryTable } = await import('../../render/table.js');
    io.stdout(renderEntryTable(entries, { color: io.color, columns: io.columns }));
  }
}

/** List the catalogue, optionally one category. */
export async function runList(io: Io, args: ListArgs): Promise<number> {
  const category = args.category === undefined ? undefined : parseCategory(args.category);
  const { catalogue, hadErrors } = loadCatalogue(io, args.entries);
  const selected = category ? catalogue.entries.filter((e) => e.category === category.id) : catalogue.entries;
  if (selected.length === 0) io.stderr('mllm-align: no entries\n');
  await printEntries(io, sortEntries(selected, args.sort), args.format);
  return hadErrors ? EXIT_PROBLEMS : EXIT_OK;
}
