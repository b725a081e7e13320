/** `mllm-align graph [query] [--around ID --depth N]`: the builds_on lineage as Mermaid, DOT or JSON. */
import { findEntry } from '../../catalogue.js';
import { DataError, UsageError } from '../../core/errors.js';
import { quoteInput } from '../../core/text.js';
import { openCatalogue } from '../../open-catalogue.js';
import { buildLineage, renderGraph, type GraphFormat } from '../../render/graph.js';
import type { Io } from '../io.js';
import { outcome, reportLeftOut, type Outcome } from '../outcome.js';
import { criteriaFromSelection, selectByCriteria, type SelectionOptions } from '../selection.js';

export interface GraphArgs {
  entries?: string;
  /** False with --no-cache. */
  cache?: boolean;
  format: GraphFormat;
  around?: string;
  /** `--depth`, as typed. */
  depth?: string;
  selection: SelectionOptions;
  query: string[];
}

/** `--depth`: a whole number of links, 0 to 1000. */
function parseDepth(value: string): number {
  if (!/^\d{1,4}$/.test(value) || Number(value) > 1000) throw new UsageError(`--depth must be a whole number from 0 to 1000; got ${quoteInput(value)}`);
  return Number(value);
}

/** Print the lineage graph of the selected entries. */
export async function runGraph(io: Io, args: GraphArgs): Promise<Outcome> {
  if (args.depth !== undefined && args.around === undefined) throw new UsageError('--depth applies with --around ID only');
  const depth = args.depth === undefined ? undefined : parseDepth(args.depth);
  const criteria = criteriaFromSelection(args.selection, args.query);
  const opened = await openCatalogue(io, { entries: args.entries, cache: args.cache });
  const leftOut = reportLeftOut(io, opened).length;
  const entries = selectByCriteria(opened.catalogue, criteria);
  let around: string | undefined;
  if (args.around !== undefined) {
    around = findEntry(opened.catalogue, args.around).id;
    if (!entries.some((e) => e.id === around)) throw new DataError(`${quoteInput(around)} is not among the selected entries; drop the selection flags or widen them`);
  }
  const graph = buildLineage(entries, { around, depth });
  if (graph.edges.length === 0) io.stderr('note: no builds_on links among the selected entries\n');
  io.stdout(renderGraph(args.format, graph));
  return outcome(leftOut);
}
