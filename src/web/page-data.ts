/** What the HTML export hands its script: the entries, their BibTeX records and the taxonomy's names. */
import type { Entry } from '../core/entry.js';

export interface PageData {
  /** The exported entries, sorted by year then name; `sources` left out as in every export. */
  entries: Entry[];
  /** `bibtex[i]` is exactly what `show --format bibtex` prints for `entries[i]`. */
  bibtex: string[];
  /** Category ids with the survey's names, in the taxonomy's order. */
  categories: Array<{ id: string; name: string; subcategories: string[] }>;
}
