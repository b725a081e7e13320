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

/**
 * Whether a word of a title must keep its case: an acronym, an internal capital, letters with digits,
 * the method's name, or a capital letter before a hyphen (Q-Former).
 */
function mustProtect(word: string, next: string, nameWords: ReadonlySet<string>): boolean {
  if (!/\p{L}/u.test(word)) return false;
  if (/^.+\p{Lu}/u.test(word) || /\p{N}/u.test(word)) return true;
  if (/^\p{Lu}$/u.test(word) && next.startsWith('-')) return true;
  return /^\p{Lu}/u.test(word) && nameWords.has(word);
}

/**
 * A title with its capitals protected in braces, so styles that change case keep them:
 * `LLaVA-1.5: Improved` -> `{LLaVA}-1.5: Improved`, `BLIP-2` -> `{BLIP}-2`.
 */
export function bibtexTitle(title: string, name: string, opts: BibtexOptions = {}): string {
  const nameWords = new Set(name.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''));
  const parts = markLoneBraces(title).split(/([\p{L}\p{N}\p{M}]+)/u);
  return parts
    .map((part, i) => {
      const text = fieldText(part, opts, true);
      return i % 2 === 1 && mustProtect(part, parts[i + 1] ?? '', nameWords) ? `{${text}}` : text;
    })
    .join('');
}

/** A name part, with words BibTeX would misread ("and", a lower-case word that is no particle) braced. */
function namePart(text: string, opts: BibtexOptions, whole: boolean): string {
  const escaped = fieldText(text, opts);
  if (escaped === '') return '';
  if (whole && /\s/.test(text)) return `{${escaped}}`;
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
  const cited = citeVenue(entry);
  const fields: Array<[string, string]> = [
    ['author', entry.authors.map((a) => bibtexName(splitName(a), opts)).join(' and ')],
    ['title', bibtexTitle(entry.title, entry.name, opts)],
  ];
  if (cited.kind === 'inproceedings') fields.push(['booktitle', fieldText(cited.container!, opts)]);
  if (cited.kind === 'article') fields.push(['journal', fieldText(cited.container!, opts)]);
  // Classic styles print neither eprint nor url for @misc (issue 10): howpublished carries the arXiv id.
  if (cited.preprint) fields.push(['howpublished', `arXiv preprint arXiv:${entry.arxiv!}`]);
  fields.push(['year', String(cited.year)]);
  if (entry.arxiv) fields.push(['eprint', entry.arxiv], ['archivePrefix', 'arXiv']);
  if (entry.doi) fields.push(['doi', verbatim(entry.doi)]);
  const url = entryUrl(entry);
  if (url) fields.push(['url', verbatim(url)]);
  const width = Math.max(...fields.map(([f]) => f.length));
  const body = fields.map(([f, v]) => `  ${f.padEnd(width)} = {${v}}`).join(',\n');
  return `@${cited.kind}{${key},\n${body}\n}\n`;
}

/** Render entries as a .bib file, sorted by id, records separated by a blank line. */
export function renderBibtex(entries: readonly Entry[], opts: BibtexOptions = {}): string {
  const keys = assignCitekeys(entries);
  const sorted = [...entries].sort(compareEntryIds);
  const what = opts.ascii ? 'ASCII, for classic BibTeX' : 'UTF-8, for biber';
  const header = `% Generated by mllm-align export --format bibtex${opts.ascii ? ' --ascii' : ''} (${what}): do not edit.\n`;
  const records = sorted.map((e) => '\n' + renderBibtexRecord(e, keys.get(e.id)!, opts)).join('');
  const preamble = opts.ascii ? latexPreamble(records) : '';
  return header + (preamble ? `\n${preamble}` : '') + records;
}

/** One entry's record for `show --format bibtex`, keyed as a full export of its catalogue keys it. */
export function renderBibtexView(view: { entry: Entry; catalogue: readonly Entry[] }): string {
  const key = assignCitekeys(view.catalogue).get(view.entry.id)!;
  return renderBibtexRecord(view.entry, key);
}
