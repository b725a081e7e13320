/** Find arXiv ids and DOIs in the forms people paste: bare, prefixed, inside URLs or DOIs. */

const ARXIV_IN_TEXT = /(?:^|[^0-9])(\d{4}\.\d{4,5}(?:v\d+)?)(?![0-9])/;

/**
 * The new-style arXiv id in `text`: `2304.08485`, `arXiv:2304.08485v2`,
 * `https://arxiv.org/abs/2304.08485`, `10.48550/arXiv.2304.08485`, or undefined.
 */
export function findArxivId(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim();
  // Only look inside things that are clearly about arXiv, or a bare id.
  if (!/^\d{4}\.\d{4,5}(?:v\d+)?$/.test(t) && !/arxiv/i.test(t)) return undefined;
  return ARXIV_IN_TEXT.exec(t)?.[1];
}

/** Fields of a BibTeX record that may hold an arXiv id, in the order they are trusted. */
const ARXIV_FIELDS = ['eprint', 'arxiv', 'arxivid', 'journal', 'journaltitle', 'volume', 'publisher', 'note', 'howpublished', 'number', 'url', 'pdf', 'doi'] as const;

/**
 * The arXiv id of a BibTeX record, wherever real records put it (issue 10): `eprint` with or without
 * `archivePrefix`, `journal` "arXiv preprint arXiv:…", "CoRR" or "ArXiv" with `volume` "abs/…",
 * `publisher`, `note`, `howpublished`, `number`, abs/pdf/html links (with versions) in `url` or `pdf`,
 * and the arXiv DOI. An `eprint` of another archive (archivePrefix = {PubMed}) is not one.
 */
export function findRecordArxivId(fields: Readonly<Record<string, string | undefined>>): string | undefined {
  const archive = (fields.archiveprefix ?? fields.eprinttype ?? 'arxiv').toLowerCase();
  const aboutArxiv = /^(?:corr|arxiv)\b/i.test(fields.journal ?? fields.journaltitle ?? '') || /arxiv/i.test(fields.publisher ?? '');
  for (const name of ARXIV_FIELDS) {
    const v = fields[name];
    if (!v) continue;
    if (name === 'eprint' && archive !== 'arxiv') continue;
    // CoRR (DBLP) and ArXiv (Semantic Scholar) give the id as the volume: abs/2304.08485.
    if (name === 'volume' || name === 'number') {
      const m = /^(?:abs\/|arxiv:)?(\d{4}\.\d{4,5}(?:v\d+)?)$/i.exec(v.trim());
      if (m && (aboutArxiv || /^(?:abs\/|arxiv:)/i.test(v.trim()))) return m[1];
      continue;
    }
    const id = name === 'eprint' || name === 'arxiv' || name === 'arxivid' ? findArxivId(v) ?? findArxivId(`arXiv:${v}`) : findArxivId(v);
    if (id) return id;
  }
  return undefined;
}

/** A DOI without its resolver prefix (`https://doi.org/`, `doi:`), or undefined when it is none. */
export function normalizeDoi(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  return /^10\.\d{4,9}\/\S+$/.test(t) ? t : undefined;
}

/** Whether a DOI is the one DataCite gives every arXiv paper (10.48550/arXiv.ID). */
export function isArxivDoi(doi: string): boolean {
  return /^10\.48550\/arxiv\./i.test(doi);
}
