/** The in-memory shape of one catalogue entry, as the schema allows it. */

export interface Entry {
  id: string;
  name: string;
  title: string;
  authors: string[];
  year: number;
  category: string;
  subcategory?: string;
  arxiv?: string;
  doi?: string;
  url?: string;
  venue?: string;
  code?: string;
  modalities?: string[];
  llm?: string[];
  tags?: string[];
  builds_on?: string[];
  citekey?: string;
  summary?: string;
  /** Pages that confirmed the entry's fields; never exported. */
  sources?: string[];
  added?: string;
}

/** An entry together with the file it came from. */
export interface SourcedEntry {
  entry: Entry;
  /** Path as given to the loader (relative paths stay relative). */
  file: string;
}
