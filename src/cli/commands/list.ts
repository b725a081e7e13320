/** `mllm-align list`: the catalogue as a table, JSON, ids or a count. */
import { sortEntries, type SortKey } from '../../catalogue.js';
import { openCatalogue } from '../../open-catalogue.js';
import type { Io } from '../io.js';
import { outcome, reportLeftOut, type Outcome } from '../outcome.js';
import { printEntries, type ListFormat } from '../print-entries.js';
import { criteriaFromSelection, selectByCriteria } from '../selection.js';

export interface ListArgs {
  entries?: string;
  /** False with --no-cache. */
  cache?: boolean;
  /** Category ids or survey names, as `filter --category` takes them (any of them). */
  category?: string[];
  sort: SortKey;
  format: ListFormat | 'count';
}

/** List the catalogue, optionally some categories. */
export async function runList(io: Io, args: ListArgs): Promise<Outcome> {
  // The same parsing as filter's --category, so a mistyped category fails before the catalogue is read.
  const criteria = criteriaFromSelection({ category: args.category });
  const opened = await openCatalogue(io, { entries: args.entries, cache: args.cache });
  const leftOut = reportLeftOut(io, opened);
  const selected = selectByCriteria(opened.catalogue, criteria);
  if (selected.length === 0 && args.format !== 'count') io.stderr('mllm-align: no entries\n');
  await printEntries(io, sortEntries(selected, args.sort), args.format);
  return outcome(leftOut.length);
}
