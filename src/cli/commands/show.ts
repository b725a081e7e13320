/** `mllm-align show <id>`: one entry in full, with the entries it builds on and those building on it. */
import type { Catalogue } from '../../catalogue.js';
import type { Entry } from '../../core/entry.js';
import { DataError, EXIT_OK, EXIT_PROBLEMS } from '../../core/errors.js';
import { listWords, slugify, suggest } from '../../core/text.js';
import { loadShowRenderer, type EntryView, type ShowFormat } from '../../render/show.js';
import type { Io } from '../io.js';
import { loadCatalogue } from '../load.js';

export interface ShowArgs {
  id: string;
  entries?: string;
  format: ShowFormat;
}

const MAX_WIDTH = 100;

/** The entry with this id, or whose name is this (`show LLaVA-1.5`); a DataError suggesting ids otherwise. */
export function findEntry(catalogue: Catalogue, key: string): Entry {
  const exact = catalogue.byId.get(key) ?? catalogue.byId.get(slugify(key));
  if (exact) return exact;
  const close = suggest(key, catalogue.byId.keys(), 3);
  const hint = close.length
    ? ` Did you mean ${listWords(close)}?`
    : ' Run `mllm-align list --format ids` to see the ids.';
  throw new DataError(`no entry "${key}".${hint}`);
}

/** Print one entry in the chosen format. */
export async function runShow(io: Io, args: ShowArgs): Promise<number> {
  const { catalogue, hadErrors } = loadCatalogue(io, args.entries);
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
  return hadErrors ? EXIT_PROBLEMS : EXIT_OK;
}
