/** `mllm-align list`: the catalogue as a table, JSON or ids. */
import { sortEntries, type SortKey } from '../../catalogue.js';
import { openCatalogue } from '../../open-catalogue.js';
import type { Io } from '../io.js';
import { outcome, reportLeftOut, type Outcome } from '../outcome.js';
import { parseCategory } from '../options.js';
import { printEntries, type ListFormat } from '../print-entries.js';

export interface ListArgs {
  entries?: string;
  /** False with --no-cache. */
  cache?: boolean;
  category?: string;
  sort: SortKey;
  format: ListFormat;
}

/** List the catalogue, optionally one category. */
export async function runList(io: Io, args: ListArgs): Promise<Outcome> {
  const category = args.category === undefined ? undefined : parseCategory(args.category);
  const opened = await openCatalogue(io, { entries: args.entries, cache: args.cache });
  const leftOut = reportLeftOut(io, opened);
  const { catalogue } = opened;
  const selected = category ? catalogue.entries.filter((e) => e.category === category.id) : catalogue.entries;
  if (selected.length === 0) io.stderr('mllm-align: no entries\n');
  await printEntries(io, sortEntries(selected, args.sort), args.format);
  return outcome(leftOut);
}
