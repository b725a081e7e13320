/** BibTeX records (as copied from arXiv, Google Scholar or a publisher) to partial entries. */
import { parse, type Creator, type Entry as BibEntry } from '@retorquere/bibtex-parser';
import { venueFromRecord } from '../cite/venues.js';
import { escapeExcerpt } from '../core/text.js';
import { checkBibtexShape } from './bibtex-guard.js';
import { findArxivId, findRecordArxivId, isArxivDoi, normalizeDoi } from './locators.js';
import type { PartialEntry } from './partial.js';

export interface BibtexRecord {
  /** The record's citation key. */
  key: string;
  partial: PartialEntry;
  /** Things the contributor should check, e.g. a shortened author list. */
  notes: string[];
}

export interface BibtexResult {
  records: BibtexRecord[];
  /** One line per record the parser could not read. */
  errors: string[];
}

/** A creator as one full name, given name first: "Liu, Haotian" and "Haotian Liu" both give "Haotian Liu". */
export function fullName(c: Creator): string {
  if (c.name) return clean(c.name);
  return clean([c.firstName, c.prefix, c.lastName, c.suffix].filter((p) => p).join(' '));
}

/**
 * Text as entries hold it: NFC, one space. The parser writes accents as combining marks (A + U+0308)
 * and an accented `\i` as a dotless ı with the mark (`Sur{\'\i}s` -> "Surı́s"): the mark goes on a
 * plain i instead, so "Surís" is found by `filter --author suris` (issue 10).
 */
export function clean(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\u0131(?=\p{M})/gu, 'i')
    .replace(/\u0237(?=\p{M})/gu, 'j')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Commands the ASCII export writes (render/latex.ts) that the parser does not know, as their letters. */
const OWN_COMMANDS: ReadonlyArray<[RegExp, string]> = [
  [/\{\\Lmiddot\}/g, 'Ŀ'],
  [/\{\\lmiddot\}/g, 'ŀ'],
  [/\{\\napostrophe\}/g, 'ŉ'],
  [/\{\\textlongs\}/g, 'ſ'],
  [/\{\\Tstroke\}/g, 'Ŧ'],
  [/\{\\tstroke\}/g, 'ŧ'],
];

/** Parse BibTeX text into one partial entry per record; LaTeX becomes Unicode. */
export function parseBibtex(text: string): BibtexResult {
  // Sizes and brace balance first: the parser is slow on huge fields and drops what follows an extra } (issue #12).
  const shape = checkBibtexShape(text);
  if (shape.length > 0) return { records: [], errors: shape };
  let input = text;
  for (const [re, letter] of OWN_COMMANDS) input = input.replace(re, letter);
  // Keep titles as written: no sentence-casing, no case-protection markup in the output.
  const lib = parse(input, { english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore' });
  const errors = lib.errors.map((e) => escapeExcerpt(clean(e.error), 160));
  // The parser keeps a record it gave up on (with empty `input`); leave those out.
  const records = lib.entries.filter((e) => e.input !== '').map((e) => ({ key: e.key, ...recordToPartial(e) }));
  return { records, errors };
}

/** One parsed BibTeX record as a partial entry, with notes on what to check. */
export function recordToPartial(rec: BibEntry): { partial: PartialEntry; notes: string[] } {
  const notes: string[] = [];
  const f = rec.fields as Record<string, unknown>;
  const text = (name: string): string | undefined => {
    const v = f[name];
    return typeof v === 'string' && clean(v) !== '' ? clean(v) : undefined;
  };
  const out: PartialEntry = {};
  const title = text('title');
  if (title) out.title = title;
  const creators = Array.isArray(rec.fields.author) ? rec.fields.author : [];
  // Google Scholar shortens long lists with "and others"; keep the named authors and say so.
  const named = creators.filter((c) => !(c.lastName === 'others' && !c.firstName));
  if (named.length < creators.length) notes.push('the author list ends with "and others"; add the remaining authors');
  const authors = named.map(fullName).filter((a) => a !== '');
  if (authors.length > 0) out.authors = authors;
  const recordYear = /\b(\d{4})\b/.exec(text('year') ?? text('date') ?? '')?.[1];
  const doi = normalizeDoi(text('doi'));
  const fields: Record<string, string | undefined> = {};
  for (const name of Object.keys(f)) fields[name.toLowerCase()] = text(name);
  const arxiv = findRecordArxivId(fields);
  if (arxiv) out.arxiv = arxiv;
  // `year` is the first public version: the arXiv id's YYMM or the record's (the venue's) year,
  // whichever is earlier (a 2023 preprint published at CVPR 2024 has year 2023, venue "CVPR 2024").
  const years = [...(arxiv ? [2000 + Number(arxiv.slice(0, 2))] : []), ...(recordYear ? [Number(recordYear)] : [])];
  const year = years.length > 0 ? Math.min(...years) : undefined;
  if (year !== undefined) out.year = year;
  // The DOI DataCite gives every arXiv paper only repeats the arXiv id.
  if (doi && !isArxivDoi(doi)) out.doi = doi;
  // DBLP escapes a URL's underscores (paper\_files); an address has no TeX in it.
  const url = text('url')?.replace(/\\([_%&#$~])/g, '$1');
  if (url && /^https?:\/\//.test(url) && !(arxiv && findArxivId(url))) out.url = url;
  else if (arxiv) out.url = `https://arxiv.org/abs/${arxiv.replace(/v\d+$/, '')}`;
  const long = text('booktitle') ?? text('journal') ?? text('journaltitle');
  // "arXiv preprint arXiv:2304.08485" (Google Scholar), "CoRR" (DBLP) and "ArXiv" (Semantic Scholar) are not venues.
  if (long && !/^(?:arxiv\b|corr$)/i.test(long)) {
    // The NeurIPS proceedings name the Datasets and Benchmarks Track only in the paper's address.
    const track = /Datasets_and_Benchmarks/.test(url ?? '') && !/datasets and benchmarks/i.test(long) ? ' Datasets and Benchmarks Track' : '';
    out.venue = venueFromRecord(long + track, recordYear ? Number(recordYear) : undefined) ?? long;
  }
  return { partial: out, notes };
}
