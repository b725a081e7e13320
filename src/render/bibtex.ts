/**
 * BibTeX: one record per entry, pinned citation keys (cite/keys.ts), venues' full names and years
 * (cite/venues.ts), text escaped for LaTeX. UTF-8 by default (for biber and biblatex); `ascii` writes
 * accents as LaTeX commands for classic BibTeX.
 */
import { assignCitekeys } from '../cite/keys.js';
import { citeVenue } from '../cite/venues.js';
import type { Entry } from '../core/entry.js';
import { splitName, type PersonName } from '../core/names.js';
import { compareEntryIds } from '../core/text.js';
import { asciiLatex, escapeLatex, escapeMarked, latexPreamble, markLoneBraces } from './latex.js';

export interface BibtexOptions {
  /** Write only ASCII: accents as LaTeX commands, characters with no LaTeX form as `?`. */
  ascii?: boolean;
}

/** Text for a BibTeX field: LaTeX-escaped, ASCII when asked. `marked`: lone braces already marked. */
function fieldText(text: string, opts: BibtexOptions, marked = false): string {
  const escaped = marked ? escapeMarked(text) : escapeLatex(text);
  return opts.ascii ? asciiLatex(escaped) : escaped;
}

/** Only ASCII characters (where \p{L} is [A-Za-z], \p{Lu} [A-Z] and \p{N} [0-9]). */
const ASCII = /^[\0-\x7f]*$/;

/**
 * Whether a word of a title must keep its case: an acronym, an internal capital, letters with digits,
 * the method's name, or a capital letter before a hyphen (Q-Former).
 */
function mustProtect(word: string, next: string, inName: (word: string) => boolean): boolean {
  if (ASCII.test(word)) return mustProtectAscii(word, next, inName);
  if (!/\p{L}/u.test(word)) return false;
  if (/^.+\p{Lu}/u.test(word) || /\p{N}/u.test(word)) return true;
  if (/^\p{Lu}$/u.test(word) && next.startsWith('-')) return true;
  return /^\p{Lu}/u.test(word) && inName(word);
}

/** mustProtect for an ASCII word (letters and digits), by character codes rather than four Unicode regexes (#13). */
function mustProtectAscii(word: string, next: string, inName: (word: string) => boolean): boolean {
  let letter = false;
  let digitOrInnerCapital = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) digitOrInnerCapital = true;
    else if (c >= 65 && c <= 90) {
      letter = true;
      if (i > 0) digitOrInnerCapital = true;
    } else if (c >= 97 && c <= 122) letter = true;
  }
  if (!letter) return false;
  if (digitOrInnerCapital) return true;
  const first = word.charCodeAt(0);
  if (first < 65 || first > 90) return false;
  return (word.length === 1 && next.startsWith('-')) || inName(word);
}

/**
 * A title with its capitals protected in braces, so styles that change case keep them:
 * `LLaVA-1.5: Improved` -> `{LLaVA}-1.5: Improved`, `BLIP-2` -> `{BLIP}-2`.
 */
export function bibtexTitle(title: string, name: string, opts: BibtexOptions = {}): string {
  // The name's words, split only for a word the name holds at all: most title words it does not (#13).
  let nameWords: ReadonlySet<string> | undefined;
  const inName = (word: string) => name.includes(word) && (nameWords ??= new Set(name.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''))).has(word);
  const marked = markLoneBraces(title);
  // In ASCII text the words are runs of [A-Za-z0-9]; the Unicode split is for the rest.
  const ascii = ASCII.test(marked);
  const parts = ascii ? marked.split(/([A-Za-z0-9]+)/) : marked.split(/([\p{L}\p{N}\p{M}]+)/u);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 0) {
      out += part === ' ' ? part : fieldText(part, opts, true);
      continue;
    }
    // A word (letters, digits, marks) has nothing to escape; only --ascii rewrites its accents.
    const text = opts.ascii ? fieldText(part, opts, true) : part;
    const next = parts[i + 1] ?? '';
    out += (ascii ? mustProtectAscii(part, next, inName) : mustProtect(part, next, inName)) ? `{${text}}` : text;
  }
  return out;
}

/** A name part, with words BibTeX would misread ("and", a lower-case word that is no particle) braced. */
function namePart(text: string, opts: BibtexOptions, whole: boolean): string {
  const escaped = fieldText(text, opts);
  if (escaped === '') return '';
  if (whole && /\s/.test(text)) return `{${escaped}}`;
  if (!/(?:^| )and(?: |$)/i.test(escaped)) return escaped;
  return escaped
    .split(' ')
    .map((w) => (/^and$/i.test(w) ? `{${w}}` : w))
    .join(' ');
}

/** One author as "particle Family, Suffix, Given", the form BibTeX and biber both read without guessing. */
export function bibtexName(name: PersonName, opts: BibtexOptions = {}): string {
  // A multi-word family name without a particle ("Le Scao") must be braced or BibTeX splits it.
  const family = namePart(name.family, opts, true);
  const last = name.particle ? `${namePart(name.particle, opts, false)} ${family}` : family;
  const given = namePart(name.given, opts, false);
  const parts = [last];
  if (name.suffix) parts.push(namePart(name.suffix, opts, false));
  if (given) parts.push(given);
  return parts.join(', ');
}

/** A URL or DOI as BibTeX reads it verbatim: only braces, which would unbalance the record, are percent-encoded. */
function verbatim(text: string): string {
  return text.replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

/** The entry's web address for `url`: its own url, else its arXiv page. */
export function entryUrl(entry: Entry): string | undefined {
  return entry.url ?? (entry.arxiv ? `https://arxiv.org/abs/${entry.arxiv}` : undefined);
}

/** Render one entry as a BibTeX record (no trailing blank line). */
export function renderBibtexRecord(entry: Entry, key: string, opts: BibtexOptions = {}): string {
  return bibtexRecord(entry, key, opts, new Map());
}

/** One author as BibTeX writes it, looked up in `names` first: authors recur across a catalogue (#13). */
function authorOf(author: string, opts: BibtexOptions, names: Map<string, string>): string {
  let name = names.get(author);
  if (name === undefined) {
    name = bibtexName(splitName(author), opts);
    names.set(author, name);
  }
  return name;
}

/** renderBibtexRecord with the authors written so far (`names`, for the same `opts`). */
function bibtexRecord(entry: Entry, key: string, opts: BibtexOptions, names: Map<string, string>): string {
  const { kind, body } = bibtexBody(entry, opts, names);
  return `@${kind}{${key},\n${body}`;
}

/**
 * A record without its first line, which holds the key: the record is `@${kind}{${key},\n${body}`.
 * An export made as the catalogue is read (render/streamed.ts) makes this of each entry before the
 * keys, which depend on the whole catalogue, are known.
 */
export function bibtexBody(entry: Entry, opts: BibtexOptions, names: Map<string, string>): { kind: string; body: string } {
  const cited = citeVenue(entry);
  const authors = entry.authors;
  let author = authors.length > 0 ? authorOf(authors[0]!, opts, names) : '';
  for (let i = 1; i < authors.length; i++) author += ' and ' + authorOf(authors[i]!, opts, names);
  // The widest name of the fields present sets the padding: archivePrefix when there is an arXiv id, else
  // howpublished, the container's or author. Written without arrays or callbacks: most records are made
  // before the engine has compiled this function (#13: 108 → 86 ms for 10,000 records in a new process).
  const container = cited.kind === 'inproceedings' ? 'booktitle' : cited.kind === 'article' ? 'journal' : undefined;
  const doi = entry.doi;
  const url = entryUrl(entry);
  const width = entry.arxiv ? 13 : cited.preprint ? 12 : container !== undefined ? container.length : 6;
  const lead = LEADS[width]!;
  const lines = [lead.author + author + '}', lead.title + bibtexTitle(entry.title, entry.name, opts) + '}'];
  if (container !== undefined) lines.push(lead[container] + fieldText(cited.container!, opts) + '}');
  // Classic styles print neither eprint nor url for @misc (issue 10): howpublished carries the arXiv id.
  if (cited.preprint) lines.push(lead.howpublished + 'arXiv preprint arXiv:' + entry.arxiv! + '}');
  lines.push(lead.year + String(cited.year) + '}');
  if (entry.arxiv) lines.push(lead.eprint + entry.arxiv + '}', lead.archivePrefix + 'arXiv}');
  if (doi) lines.push(lead.doi + verbatim(doi) + '}');
  if (url) lines.push(lead.url + verbatim(url) + '}');
  // Joined into one flat string, with the record's end: a kept record is then one string, not many.
  lines[lines.length - 1] += '\n}\n';
  return { kind: cited.kind, body: lines.join(',\n') };
}

const FIELD_NAMES = ['author', 'title', 'booktitle', 'journal', 'howpublished', 'year', 'eprint', 'archivePrefix', 'doi', 'url'] as const;
/** "  name<spaces> = {" for each field name, padded to each width a record can have. */
const LEADS: Array<Record<(typeof FIELD_NAMES)[number], string>> = [];
for (const width of [6, 7, 9, 12, 13]) LEADS[width] = Object.fromEntries(FIELD_NAMES.map((f) => [f, `  ${f.padEnd(width)} = {`])) as Record<(typeof FIELD_NAMES)[number], string>;

/** Render entries as a .bib file, sorted by id, records separated by a blank line. */
export function renderBibtex(entries: readonly Entry[], opts: BibtexOptions = {}): string {
  return [...bibtexChunks(entries, opts)].join('');
}

/**
 * The .bib file of renderBibtex in pieces, a record at a time, so it can be written as it is made (#13).
 * The ASCII form comes in one piece: its @preamble, first in the file, depends on every record.
 */
export function* bibtexChunks(entries: readonly Entry[], opts: BibtexOptions = {}): Generator<string, void, undefined> {
  const keys = assignCitekeys(entries);
  const sorted = [...entries].sort(compareEntryIds);
  const header = bibtexHeader(opts);
  const names = new Map<string, string>();
  const record = (e: Entry) => '\n' + bibtexRecord(e, keys.get(e.id)!, opts, names);
  if (opts.ascii) {
    const records = sorted.map(record).join('');
    const preamble = latexPreamble(records);
    yield header + (preamble ? `\n${preamble}` : '') + records;
    return;
  }
  yield header;
  for (const e of sorted) yield record(e);
}

/** The .bib file's first line. */
export function bibtexHeader(opts: BibtexOptions): string {
  const what = opts.ascii ? 'ASCII, for classic BibTeX' : 'UTF-8, for biber';
  return `% Generated by mllm-align export --format bibtex${opts.ascii ? ' --ascii' : ''} (${what}): do not edit.\n`;
}

/** One entry's record for `show --format bibtex`, keyed as a full export of its catalogue keys it. */
export function renderBibtexView(view: { entry: Entry; catalogue: readonly Entry[] }): string {
  const key = assignCitekeys(view.catalogue).get(view.entry.id)!;
  return renderBibtexRecord(view.entry, key);
}
