/** JSON for scripts: the entries as they are, keys in schema order, with the schema they follow. */
import type { Entry } from '../core/entry.js';
import { orderFields, SCHEMA_ID } from '../core/schema-def.js';
import { compareEntryIds } from '../core/text.js';
import type { ExportFrame } from './export.js';

/** An entry as exports carry it: canonical key order, without `sources` (a reviewer's aid, not data). */
function exportedFields(entry: Entry): Record<string, unknown> {
  const out = orderFields(entry);
  delete out.sources;
  return out;
}

/** Render entries as `{"$schema": SCHEMA_ID, "entries": [...]}`, sorted by id. */
export function renderJsonExport(entries: readonly Entry[]): string {
  return [...jsonExportChunks(entries)].join('');
}

/**
 * Entries stringified at a time: few enough that a batch's text stays a small string (#13: with 64,
 * stringifying and encoding 10,000 entries took 89 ms instead of 57 with 16 or 32. A batch with one
 * name beyond Latin-1 is a two-byte string, over 128 kB at 64: likely past V8's largest regular object).
 */
export const JSON_BATCH = 16;

/** The export's text around `list`: JSON.stringify({ $schema, entries: list }, null, 2). */
function wrapped(list: readonly unknown[]): string {
  return JSON.stringify({ $schema: SCHEMA_ID, entries: list }, null, 2) + '\n';
}

let frame: ExportFrame | undefined;

/** The text of the export around its entries. */
export function jsonFrame(): ExportFrame {
  if (frame === undefined) {
    const empty = wrapped([0]);
    const open = empty.slice(0, empty.lastIndexOf('0'));
    const close = empty.slice(empty.lastIndexOf('0') + 1);
    frame = { open, close, between: `,\n${open.slice(open.lastIndexOf('\n') + 1)}`, none: wrapped([]) };
  }
  return frame;
}

/** Entries as they stand in the export, without the frame around them. */
function entriesText(entries: readonly Entry[]): string {
  const { open, close } = jsonFrame();
  const text = wrapped(entries.map(exportedFields));
  return text.slice(open.length, text.length - close.length);
}

/**
 * Each entry's text as it stands in the export, stringified together as a batch of the export is and
 * cut apart (render/streamed.ts makes these as the catalogue is read; #13: one JSON.stringify per entry
 * cost a tenth more). The cut is where one entry's closing brace, at the entries' indentation, meets
 * the next one's opening brace: inside an entry every line break JSON.stringify writes is followed by
 * a deeper indentation, but for its own closing brace, and a line break inside a string is written as
 * the two characters `\n`.
 */
export function jsonEntryTexts(entries: readonly Entry[]): string[] {
  if (entries.length === 0) return [];
  const { between } = jsonFrame();
  const indent = between.slice(between.lastIndexOf('\n') + 1);
  const seam = `\n${indent}}${between}{`;
  const text = entriesText(entries);
  const texts: string[] = [];
  let from = 0;
  for (let at = text.indexOf(seam); at >= 0; at = text.indexOf(seam, from)) {
    texts.push(text.slice(from, at + 2 + indent.length));
    from = at + seam.length - 1;
  }
  texts.push(text.slice(from));
  if (texts.length !== entries.length) throw new Error(`jsonEntryTexts: ${texts.length} texts for ${entries.length} entries`);
  return texts;
}

/**
 * renderJsonExport's text a batch of entries at a time, so it can be written as it is made (#13): the
 * same bytes as JSON.stringify({ $schema, entries }, null, 2), since each batch is stringified in that
 * same wrapper and cut out of it.
 */
export function* jsonExportChunks(entries: readonly Entry[]): Generator<string, void, undefined> {
  const sorted = [...entries].sort(compareEntryIds);
  const { open, close, between, none } = jsonFrame();
  if (sorted.length === 0) {
    yield none;
    return;
  }
  for (let from = 0; from < sorted.length; from += JSON_BATCH) {
    const inner = entriesText(sorted.slice(from, from + JSON_BATCH));
    yield `${from === 0 ? open : between}${inner}${from + JSON_BATCH >= sorted.length ? close : ''}`;
  }
}
