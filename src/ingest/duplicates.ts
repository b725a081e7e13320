/** Whether a new record is a paper the catalogue already has: checked before anything else (issue 10). */
import type { SourcedEntry } from '../core/entry.js';
import { arxivBase, normalizeTitle } from '../core/text.js';
import type { PartialEntry } from './partial.js';

export interface Duplicate {
  /** The existing entry's file, as displayed. */
  file: string;
  /** What they share: "arXiv id 2304.08485", "DOI 10.…", "title". */
  why: string;
}

/**
 * Existing entries that are the same paper as `partial`, by the rules of MA203–MA205: arXiv id without
 * its version, DOI ignoring case, title ignoring case and punctuation. Works on an incomplete record.
 */
export function findDuplicates(partial: PartialEntry, catalogue: readonly SourcedEntry[]): Duplicate[] {
  const out: Duplicate[] = [];
  const title = partial.title ? normalizeTitle(partial.title) : '';
  for (const { entry, file } of catalogue) {
    if (partial.arxiv && entry.arxiv && arxivBase(partial.arxiv) === arxivBase(entry.arxiv)) {
      out.push({ file, why: `arXiv id ${arxivBase(entry.arxiv)}` });
    } else if (partial.doi && entry.doi && partial.doi.toLowerCase() === entry.doi.toLowerCase()) {
      out.push({ file, why: `DOI ${entry.doi}` });
    } else if (title !== '' && normalizeTitle(entry.title) === title) {
      out.push({ file, why: 'title' });
    }
  }
  return out;
}
