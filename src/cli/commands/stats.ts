/** `mllm-align stats`: the catalogue's shape, as text with bar charts or as JSON. */
import { openCatalogue } from '../../open-catalogue.js';
import { computeStats, renderStatsText } from '../../render/stats.js';
import type { Io } from '../io.js';
import { outcome, reportLeftOut, type Outcome } from '../outcome.js';
import { criteriaFromSelection, selectByCriteria, type SelectionOptions } from '../selection.js';

export interface StatsArgs {
  entries?: string;
  /** False with --no-cache. */
  cache?: boolean;
  format: 'text' | 'json';
  selection: SelectionOptions;
  query: string[];
}

/** Count the selected entries and print the counts. */
export async function runStats(io: Io, args: StatsArgs): Promise<Outcome> {
  const criteria = criteriaFromSelection(args.selection, args.query);
  const opened = await openCatalogue(io, { entries: args.entries, cache: args.cache });
  const leftOut = reportLeftOut(io, opened);
  const entries = selectByCriteria(opened.catalogue, criteria);
  if (entries.length === 0) io.stderr('mllm-align: no entries match\n');
  const stats = computeStats(entries);
  if (args.format === 'json') io.stdout(JSON.stringify(stats, null, 2) + '\n');
  // Block characters only on a terminal (io.columns is set only there); `#` bars when piped.
  else io.stdout(renderStatsText(stats, { terminal: io.columns !== undefined, width: Math.min(io.columns ?? 80, 100) }));
  return outcome(leftOut.length);
}
