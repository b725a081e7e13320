/** BibTeX records (as copied from arXiv, Google Scholar or a publisher) to partial entries. */
import { parse, type Creator, type Entry as BibEntry } from '@retorquere/bibtex-parser';
import { CITEKEY_PATTERN } from '../core/schema-def.js';
import { escapeExcerpt } from '../core/text.js';
import { checkBibtexShape } from './bibtex-guard.js';
import { findArxivId, isArxivDoi, normalizeDoi } from './locators.js';
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

// The parser writes accents as combining marks (A + U+0308); files hold composed letters (Ä).
function clean(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Parse BibTeX text into one partial entry per record; LaTeX becomes Unicode. */
export function parseBibtex(text: string): BibtexResult {
  // Sizes and brace balance first: the parser is slow on huge fields and drops what follows an extra } (issue #12).
  const shape = checkBibtexShape(text);
  if (shape.length > 0) return { records: [], errors: shape };
  // Keep titles as written: no sentence-casing, no case-protection markup in the output.
  const lib = parse(text, { english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore' });
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
  const year = /\b(\d{4})\b/.exec(text('year') ?? text('date') ?? '')?.[1];
  if (year) out.year = Number(year);
  const doi = normalizeDoi(text('doi'));
  const arxiv =
    findArxivId(text('eprint')) ??
    findArxivId(text('journal')) ??
    findArxivId(text('url')) ??
    (doi && isArxivDoi(doi) ? findArxivId(doi) : undefined);
  if (arxiv) out.arxiv = arxiv;
  // The DOI DataCite gives every arXiv paper only repeats the arXiv id.
  if (doi && !isArxivDoi(doi)) out.doi = doi;
  const url = text('url');
  if (url && /^https?:\/\//.test(url)) out.url = url;
  const venue = text('booktitle') ?? text('journal');
  // "arXiv preprint arXiv:2304.08485" (Google Scholar) and "CoRR" are not venues.
  if (venue && !/^(arxiv\b|corr$)/i.test(venue)) out.venue = venue;
  if (new RegExp(CITEKEY_PATTERN).test(rec.key)) out.citekey = rec.key;
  return { partial: out, notes };
}
