/** `mllm-align show <id…>`: entries in full, with the entries they build on and those building on them. */
import { findEntry, type Catalogue } from '../../catalogue.js';
import type { Entry } from '../../core/entry.js';
import { openCatalogue } from '../../open-catalogue.js';
import { loadShowRenderer, type EntryView, type ShowFormat } from '../../render/show.js';
import type { Io } from '../io.js';
import { outcome, reportLeftOut, type Outcome } from '../outcome.js';

export interface ShowArgs {
  /** One or more ids or names; an unknown one fails before anything is printed. */
  ids: string[];
  entries?: string;
  /** False with --no-cache. */
  cache?: boolean;
  format: ShowFormat;
}

const MAX_WIDTH = 100;

/** How the records of several entries are joined: a blank line, a YAML document marker, or a JSON array. */
const SEPARATORS: Record<Exclude<ShowFormat, 'json'>, string> = { text: '\n', yaml: '---\n', bibtex: '\n' };

/** Print the entries in the chosen format, in the order given. */
export async function runShow(io: Io, args: ShowArgs): Promise<Outcome> {
  const opened = await openCatalogue(io, { entries: args.entries, cache: args.cache });
  const leftOut = reportLeftOut(io, opened);
  const { catalogue } = opened;
  const found = args.ids.map((id) => findEntry(catalogue, id));
  const entries = [...new Map(found.map((e) => [e.id, e])).values()];
  const render = await loadShowRenderer(args.format);
  const opts = { color: io.color && args.format === 'text', width: Math.min(io.columns ?? 80, MAX_WIDTH) };
  const texts = entries.map((e) => render(viewOf(catalogue, e), opts));
  if (args.format === 'json') {
    // One id keeps the single object `show --json` has always printed; several make an array.
    io.stdout(texts.length === 1 ? texts[0]! : JSON.stringify(texts.map((t) => JSON.parse(t) as unknown), null, 2) + '\n');
  } else {
    io.stdout(texts.join(SEPARATORS[args.format]));
  }
  return outcome(leftOut.length);
}

function viewOf(catalogue: Catalogue, entry: Entry): EntryView {
  return {
    entry,
    buildsOn: (entry.builds_on ?? []).map((id) => ({ id, entry: catalogue.byId.get(id) })),
    builtOnBy: (catalogue.builtOnBy.get(entry.id) ?? []).map((id) => catalogue.byId.get(id)!),
    file: catalogue.fileOf.get(entry.id),
    catalogue: catalogue.entries,
  };
}
