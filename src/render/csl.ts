/** CSL-JSON: the items Zotero, pandoc --citeproc and citeproc-js read, one per entry. */
import { assignCitekeys } from '../cite/keys.js';
import { citeVenue } from '../cite/venues.js';
import type { Entry } from '../core/entry.js';
import { splitName } from '../core/names.js';
import { compareEntryIds } from '../core/text.js';
import { entryUrl } from './bibtex.js';
import type { ExportFrame } from './export.js';

export interface CslName {
  family?: string;
  /** A team or organisation, written as it is. */
  literal?: string;
  given?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
}

export interface CslItem {
  id: string;
  type: 'paper-conference' | 'article-journal' | 'article';
  title: string;
  author: CslName[];
  issued: { 'date-parts': [[number]] };
  'container-title'?: string;
  publisher?: string;
  number?: string;
  DOI?: string;
  URL?: string;
}

const CSL_TYPE = { inproceedings: 'paper-conference', article: 'article-journal', misc: 'article' } as const;

/** One author as a CSL name. */
export function cslName(full: string): CslName {
  const n = splitName(full);
  if (n.organisation) return { literal: n.family };
  const name: CslName = { family: n.family };
  if (n.given) name.given = n.given;
  if (n.particle) name['non-dropping-particle'] = n.particle;
  if (n.suffix) name.suffix = n.suffix;
  return name;
}

/**
 * One entry as a CSL item: `issued` is the venue's year for a published paper, the container its full
 * name; a preprint is an `article` published by arXiv, as Zotero exports it.
 */
export function cslItem(entry: Entry, key: string): CslItem {
  return itemOf(entry, key, cslName);
}

/** cslItem, each author written by `nameOf`. */
function itemOf(entry: Entry, key: string, nameOf: (full: string) => CslName): CslItem {
  const cited = citeVenue(entry);
  const item: CslItem = {
    id: key,
    type: CSL_TYPE[cited.kind],
    title: entry.title,
    author: entry.authors.map((a) => nameOf(a)),
    issued: { 'date-parts': [[cited.year]] },
  };
  if (cited.container !== undefined) item['container-title'] = cited.container;
  else if (entry.arxiv) {
    item.publisher = 'arXiv';
    item.number = `arXiv:${entry.arxiv}`;
  }
  if (entry.doi) item.DOI = entry.doi;
  const url = entryUrl(entry);
  if (url) item.URL = url;
  return item;
}

/** Render entries as a CSL-JSON array, sorted by id, ids being the BibTeX citation keys. */
export function renderCslJson(entries: readonly Entry[]): string {
  return [...cslJsonChunks(entries)].join('');
}

/** Items stringified at a time: as JSON_BATCH (json.ts), few enough that a batch's text stays a small string. */
export const CSL_BATCH = 32;

/**
 * renderCslJson's text a batch of items at a time, so it can be written as it is made (#13): the same
 * bytes as JSON.stringify(items, null, 2), since each batch is stringified as an array and cut out of it.
 */
export function* cslJsonChunks(entries: readonly Entry[]): Generator<string, void, undefined> {
  const keys = assignCitekeys(entries);
  const nameOf = cslNames();
  yield* cslItemChunks([...entries].sort(compareEntryIds).map((e) => itemOf(e, keys.get(e.id)!, nameOf)));
}

/** The file's text of `items` (keyed and in order), a batch of them at a time. */
export function* cslItemChunks(items: readonly CslItem[]): Generator<string, void, undefined> {
  if (items.length === 0) {
    yield CSL_FRAME.none;
    return;
  }
  for (let from = 0; from < items.length; from += CSL_BATCH) {
    // "[\n  {…},\n  {…}\n]" without its brackets' lines.
    const inner = JSON.stringify(items.slice(from, from + CSL_BATCH), null, 2).slice(2, -2);
    yield `${from === 0 ? CSL_FRAME.open : CSL_FRAME.between}${inner}${from + CSL_BATCH >= items.length ? CSL_FRAME.close : ''}`;
  }
}

/** The text of a CSL-JSON file around its items. */
export const CSL_FRAME: ExportFrame = { open: '[\n', between: ',\n', close: '\n]\n', none: '[]\n' };

/** cslName with each name split once: authors recur across a catalogue (the items only go to JSON.stringify). */
export function cslNames(): (full: string) => CslName {
  const names = new Map<string, CslName>();
  return (full) => {
    let name = names.get(full);
    if (name === undefined) {
      name = cslName(full);
      names.set(full, name);
    }
    return name;
  };
}

/**
 * An entry's item before its key is known (its id is ""): render/streamed.ts makes these as the
 * catalogue is read and keys them at the end, then writes them with cslItemChunks.
 */
export function cslUnkeyedItem(entry: Entry, nameOf: (full: string) => CslName): CslItem {
  return itemOf(entry, '', nameOf);
}
