/**
 * Exports made as the catalogue is read (#13). BibTeX, CSL-JSON and JSON are a record per entry,
 * and a record depends on its entry alone but for its citation key. So an export of the whole
 * catalogue makes each entry's record (without the key) as soon as the entry is checked, and keeps
 * that text (for CSL-JSON, the item it is stringified from once keyed) and what ordering and keying
 * read, not the entry. The catalogue itself is opened as `validate` opens it, keeping of each entry
 * only what the rules across files read: 10,000 whole entries held to the end of the opening cost
 * the garbage collector 35 to 50 ms, a tenth of an export. At the end the records of the entries
 * that passed every check are written in the export's order, each after its key.
 *
 * The bytes are the same as renderExport's: tests/unit/streamed.test.ts compares them.
 */
import { assignKeys, keySourceOf, type KeySource } from '../cite/keys.js';
import type { Entry } from '../core/entry.js';
import { compareEntryIds } from '../core/text.js';
import type { EntryTee } from '../open-catalogue.js';
import type { ExportFormat, ExportFrame } from './export.js';
import type { CslItem } from './csl.js';

/** What a format keeps of one entry (its record, or what it is made from), and what ordering and keying read of the entry. */
interface Part<R> {
  id: string;
  file: string;
  index: number;
  record: R;
  /** What key assignment reads, for a format with keys. */
  key?: KeySource;
}

/** Each part's pieces (`piecesOf`), framed. */
function* framed<R>(frame: ExportFrame, parts: ReadonlyArray<Part<R>>, piecesOf: (p: Part<R>) => Iterable<string>): Generator<string, void, undefined> {
  if (parts.length === 0) {
    yield frame.none;
    return;
  }
  yield frame.open;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) yield frame.between;
    yield* piecesOf(parts[i]!);
  }
  yield frame.close;
}

/** How a format keeps an entry (its record, or what the record is made from), and lays the records out with their keys. */
interface Layout<R> {
  keyed: boolean;
  record(entry: Entry): R;
  write(parts: ReadonlyArray<Part<R>>, keys: ReadonlyMap<string, string>): Iterable<string>;
}

async function layoutOf(format: ExportFormat, ascii: boolean): Promise<Layout<unknown> | undefined> {
  if (format === 'bibtex' && !ascii) {
    // The ASCII form is not made this way: its @preamble, first in the file, depends on every record.
    const { bibtexBody, bibtexHeader } = await import('./bibtex.js');
    const names = new Map<string, string>();
    const layout: Layout<{ kind: string; body: string }> = {
      keyed: true,
      record: (entry) => bibtexBody(entry, {}, names),
      *write(parts, keys) {
        yield bibtexHeader({});
        for (const p of parts) {
          yield `\n@${p.record.kind}{${keys.get(p.id)!},\n`;
          yield p.record.body;
        }
      },
    };
    return layout as Layout<unknown>;
  }
  if (format === 'csl-json') {
    // An item is kept, not its text: it is smaller, and the items are stringified a batch at a time
    // once keyed (#13: an item's text made as it was read, held to the end, cost more than it saved).
    const { cslItemChunks, cslNames, cslUnkeyedItem } = await import('./csl.js');
    const nameOf = cslNames();
    const layout: Layout<CslItem> = {
      keyed: true,
      record: (entry) => cslUnkeyedItem(entry, nameOf),
      write: (parts, keys) =>
        cslItemChunks(
          parts.map((p) => {
            p.record.id = keys.get(p.id)!;
            return p.record;
          }),
        ),
    };
    return layout as Layout<unknown>;
  }
  if (format === 'json') {
    // Entries are stringified JSON_BATCH at a time (jsonEntryTexts): each part holds its text once
    // its batch is done, the last batch when the export is written.
    const { JSON_BATCH, jsonEntryTexts, jsonFrame } = await import('./json.js');
    let batch: Entry[] = [];
    let holders: Array<{ text: string }> = [];
    const finish = () => {
      const texts = jsonEntryTexts(batch);
      holders.forEach((h, i) => (h.text = texts[i]!));
      batch = [];
      holders = [];
    };
    const layout: Layout<{ text: string }> = {
      keyed: false,
      record(entry) {
        const holder = { text: '' };
        batch.push(entry);
        holders.push(holder);
        if (batch.length === JSON_BATCH) finish();
        return holder;
      },
      write(parts) {
        if (batch.length > 0) finish();
        return framed(jsonFrame(), parts, (p) => [p.record.text]);
      },
    };
    return layout as Layout<unknown>;
  }
  return undefined;
}

/** An export made as the catalogue is read: the tee the opening hands each checked entry to. */
export class StreamedExport implements EntryTee {
  private readonly parts: Array<Part<unknown>> = [];

  private constructor(private readonly layout: Layout<unknown>) {}

  /** The streamed export of `format`, or undefined when that format is not made this way. */
  static async start(format: ExportFormat, opts: { ascii?: boolean } = {}): Promise<StreamedExport | undefined> {
    const layout = await layoutOf(format, Boolean(opts.ascii));
    return layout && new StreamedExport(layout);
  }

  add(index: number, file: string, value: unknown): void {
    const entry = value as Entry;
    this.parts.push({ id: entry.id, file, index, record: this.layout.record(entry), key: this.layout.keyed ? keySourceOf(entry) : undefined });
  }

  /**
   * The export of the entries of the displayed `files` (the opening's entries: every file handed
   * over that no rule across files failed), as pieces of text in order.
   */
  pieces(files: readonly string[]): { count: number; chunks: Iterable<string> } {
    const keep = new Set(files);
    // In the catalogue's order, then by id, as the entries of an opened catalogue are sorted.
    const parts = this.parts.filter((p) => keep.has(p.file)).sort((a, b) => a.index - b.index);
    if (parts.length !== keep.size) throw new Error(`streamed export: ${keep.size - parts.length} of the entries were never handed over`);
    parts.sort(compareEntryIds);
    const keys = this.layout.keyed ? assignKeys(parts.map((p) => p.key!)) : new Map<string, string>();
    return { count: parts.length, chunks: this.layout.write(parts, keys) };
  }
}
