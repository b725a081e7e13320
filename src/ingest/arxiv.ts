/** The arXiv API's Atom answer for one id to a partial entry. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DataError } from '../core/errors.js';
import { arxivBase, escapeExcerpt } from '../core/text.js';
import { findArxivId, normalizeDoi } from './locators.js';
import type { PartialEntry } from './partial.js';

/** The public arXiv export API; `MLLM_ALIGN_ARXIV_API` replaces it (tests use a local server). */
export const DEFAULT_ARXIV_API = 'http://export.arxiv.org/api/query';

/** The query URL for one id: the base address with `id_list=ID`. */
export function arxivQueryUrl(base: string, id: string): string {
  const url = new URL(base);
  url.searchParams.set('id_list', id);
  return url.toString();
}

interface AtomEntry {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  published?: unknown;
  author?: Array<{ name?: unknown }>;
  doi?: unknown;
  link?: Array<Record<string, unknown>>;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.normalize('NFC').replace(/\s+/g, ' ').trim() : typeof v === 'number' ? String(v) : '';
}

/** Read the Atom feed for `id`; throws a one-line DataError for an unknown id or a malformed answer. */
export function parseArxivAtom(xml: string, id: string): PartialEntry {
  // The Atom feed has no DOCTYPE; one (with entities, external or not) is an unreadable answer, never parsed (issue #12, item 9).
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new DataError(`the arXiv API's answer for ${id} is unreadable: it declares a DOCTYPE or entities`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new DataError(`the arXiv API's answer for ${id} is not valid XML (line ${valid.err.line}: ${escapeExcerpt(valid.err.msg.replace(/\s+/g, ' '))})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    isArray: (name) => ['entry', 'author', 'link'].includes(name),
  });
  let doc: { feed?: { entry?: AtomEntry[] } };
  try {
    doc = parser.parse(xml) as typeof doc;
  } catch (err) {
    throw new DataError(`the arXiv API's answer for ${id} is unreadable: ${escapeExcerpt((err as Error).message ?? String(err))}`);
  }
  if (!doc.feed || typeof doc.feed !== 'object') throw new DataError(`the arXiv API's answer for ${id} is not an Atom feed`);
  const entries = doc.feed.entry ?? [];
  const entry = entries.find((e) => arxivBase(/\/abs\/([^/]+)$/.exec(text(e.id))?.[1] ?? '') === arxivBase(id));
  if (!entry) {
    // arXiv answers an unknown or malformed id with no entry, or with an entry titled "Error".
    const err = entries.find((e) => text(e.title) === 'Error');
    const why = err && text(err.summary) ? ` (${escapeExcerpt(text(err.summary))})` : '';
    throw new DataError(`arXiv has no paper with id ${id}${why}`);
  }
  const out: PartialEntry = { arxiv: id };
  const title = text(entry.title);
  if (title) out.title = title;
  const authors = (entry.author ?? []).map((a) => text(a.name)).filter((a) => a !== '');
  if (authors.length > 0) out.authors = authors;
  const year = /^(\d{4})-/.exec(text(entry.published))?.[1];
  if (year) out.year = Number(year);
  const doi = normalizeDoi(text(entry.doi));
  if (doi) out.doi = doi;
  const page = (entry.link ?? []).find((l) => l.rel === 'alternate' && typeof l.href === 'string');
  // The abstract page without its version, over https: https://arxiv.org/abs/2304.08485.
  if (page) out.url = `https://arxiv.org/abs/${arxivBase(findArxivId(String(page.href)) ?? id)}`;
  if (!out.title || !out.authors || !out.year) {
    throw new DataError(`the arXiv API's answer for ${id} lacks a title, authors or a publication date`);
  }
  return out;
}
