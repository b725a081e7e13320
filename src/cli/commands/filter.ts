/** `mllm-align filter [query…]`: the entries that meet flags and a query, printed as `list` prints them. */
import { sortEntries, type SortKey } from '../../catalogue.js';
import { openCatalogue } from '../../open-catalogue.js';
import type { Io } from '../io.js';
import { outcome, reportLeftOut, type Outcome } from '../outcome.js';
import { criteriaFromSelection, selectByCriteria, type SelectionOptions } from '../selection.js';
import { printEntries, type ListFormat } from '../print-entries.js';

export interface FilterArgs {
  entries?: string;
  /** False with --no-cache. */
  cache?: boolean;
  query: string[];
  selection: SelectionOptions;
  sort: SortKey;
  format: ListFormat | 'count';
}

/** Select entries and print them; no match is an empty result, not a failure. */
export async function runFilter(io: Io, args: FilterArgs): Promise<Outcome> {
  // Parse first, so a mistyped query fails before the catalogue is read.
  const criteria = criteriaFromSelection(args.selection, args.query);
  const opened = await openCatalogue(io, { entries: args.entries, cache: args.cache });
  const leftOut = reportLeftOut(io, opened);
  const { catalogue } = opened;
  const selected = selectByCriteria(catalogue, criteria);
  if (selected.length === 0 && args.format !== 'count') io.stderr('mllm-align: no entries match\n');
  await printEntries(io, sortEntries(selected, args.sort), args.format);
  return outcome(leftOut.length);
}
