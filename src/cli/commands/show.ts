/** `mllm-align show <id>`: one entry in full, with the entries it builds on and those building on it. */
import { findEntry } from '../../catalogue.js';
import { openCatalogue } from '../../open-catalogue.js';
import { loadShowRenderer, type EntryView, type ShowFormat } from '../../render/show.js';
import type { Io } from '../io.js';
import { outcome, reportLeftOut, type Outcome } from '../outcome.js';

export interface ShowArgs {
  id: string;
  entries?: string;
  /** False with --no-cache. */
  cache?: boolean;
  format: ShowFormat;
}

const MAX_WIDTH = 100;

/** Print one entry in the chosen format. */
export async function runShow(io: Io, args: ShowArgs): Promise<Outcome> {
  const opened = await openCatalogue(io, { entries: args.entries, cache: args.cache });
  const leftOut = reportLeftOut(io, opened);
  const { catalogue } = opened;
  const entry = findEntry(catalogue, args.id);
  const view: EntryView = {
    entry,
    buildsOn: (entry.builds_on ?? []).map((id) => ({ id, entry: catalogue.byId.get(id) })),
    builtOnBy: (catalogue.builtOnBy.get(entry.id) ?? []).map((id) => catalogue.byId.get(id)!),
    file: catalogue.fileOf.get(entry.id),
    catalogue: catalogue.entries,
  };
  const render = await loadShowRenderer(args.format);
  io.stdout(render(view, { color: io.color && args.format === 'text', width: Math.min(io.columns ?? 80, MAX_WIDTH) }));
  return outcome(leftOut);
}
