/** Find arXiv ids and DOIs in the forms people paste: bare, prefixed, inside URLs or DOIs. */
const ARXIV_IN_TEXT = /(?:^|[^0-9])(\d{4}\.\d{4,5}(?:v\d+)?)(?![0-9])/;
/**
 * The new-style arXiv id in `text`: `2304.08485`, `arXiv:2304.08485v2`,
 * `https://arxiv.org/abs/2304.08485`, `10.48550/arXiv.2304.08485`, or undefined.
 */
export function findArxivId(text) {
    if (!text)
        return undefined;
    const t = text.trim();
    // Only look inside things that are clearly about arXiv, or a bare id.
    if (!/^\d{4}\.\d{4,5}(?:v\d+)?$/.test(t) && !/arxiv/i.test(t))
        return undefined;
    return ARXIV_IN_TEXT.exec(t)?.[1];
}
/** A DOI without its resolver prefix (`https://doi.org/`, `doi:`), or undefined when it is none. */
export function normalizeDoi(text) {
    if (!text)
        return undefined;
    const t = text.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
    return /^10\.\d{4,9}\/\S+$/.test(t) ? t : undefined;
}
/** Whether a DOI is the one DataCite gives every arXiv paper (10.48550/arXiv.ID). */
export function isArxivDoi(doi) {
    return /^10\.48550\/arxiv\./i.test(doi);
}
