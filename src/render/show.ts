/**
 * The formats of `show`: each maps the view of one entry to text. Renderers load lazily, so the
 * command line can list the formats without loading them.
 */
import type { Entry } from '../core/entry.js';
import { orderFields } from '../core/schema-def.js';

/** One entry with its links both ways, as `show` prints it. */
export interface EntryView {
  entry: Entry;
  /** The entries it builds on, in its own order; `entry` is missing for an id not in the catalogue. */
  buildsOn: Array<{ id: string; entry?: Entry }>;
  /** The entries that build on it, by id. */
  builtOnBy: Entry[];
  /** The file it came from, as shown to the user. */
  file?: string;
  /** Every entry of the catalogue, so a BibTeX key gets the same suffix as in a full export. */
  catalogue: readonly Entry[];
}

export interface ShowOptions {
  color: boolean;
  /** Line width for wrapped text. */
  width: number;
}

export type ShowRenderer = (view: EntryView, opts: ShowOptions) => string;

/** The entry in canonical field order, plus the ids that build on it. */
export function renderEntryViewJson(view: EntryView): string {
  const out = orderFields(view.entry);
  out.built_on_by = view.builtOnBy.map((e) => e.id);
  return JSON.stringify(out, null, 2) + '\n';
}

const SHOW_RENDERERS = {
  text: async () => (await import('./entry.js')).renderEntryText,
  yaml: async () => (await import('./entry.js')).renderEntryViewYaml,
  json: async () => renderEntryViewJson,
  bibtex: async () => (await import('./bibtex.js')).renderBibtexView,
} satisfies Record<string, () => Promise<ShowRenderer>>;

export type ShowFormat = keyof typeof SHOW_RENDERERS;

/** The formats `show --format` accepts. */
export const SHOW_FORMATS = Object.keys(SHOW_RENDERERS) as ShowFormat[];

/** Load the renderer of a format. */
export function loadShowRenderer(format: ShowFormat): Promise<ShowRenderer> {
  return SHOW_RENDERERS[format]();
}
