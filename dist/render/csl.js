import { splitName } from '../core/names.js';
import { compareEntryIds } from '../core/text.js';
import { assignCitekeys, bibtexType, entryUrl, venueName } from './bibtex.js';
const CSL_TYPE = { inproceedings: 'paper-conference', article: 'article-journal', misc: 'article' };
/** One author as a CSL name. */
export function cslName(full) {
    const n = splitName(full);
    if (n.organisation)
        return { literal: n.family };
    const name = { family: n.family };
    if (n.given)
        name.given = n.given;
    if (n.particle)
        name['non-dropping-particle'] = n.particle;
    if (n.suffix)
        name.suffix = n.suffix;
    return name;
}
/** One entry as a CSL item; a preprint is an `article` published by arXiv, as Zotero exports it. */
export function cslItem(entry, key) {
    const bib = bibtexType(entry.venue);
    const item = {
        id: key,
        type: CSL_TYPE[bib],
        title: entry.title,
        author: entry.authors.map(cslName),
        issued: { 'date-parts': [[entry.year]] },
    };
    if (bib !== 'misc')
        item['container-title'] = venueName(entry.venue);
    else if (entry.arxiv) {
        item.publisher = 'arXiv';
        item.number = `arXiv:${entry.arxiv}`;
    }
    if (entry.doi)
        item.DOI = entry.doi;
    const url = entryUrl(entry);
    if (url)
        item.URL = url;
    return item;
}
/** Render entries as a CSL-JSON array, sorted by id, ids being the BibTeX citation keys. */
export function renderCslJson(entries) {
    const keys = assignCitekeys(entries);
    const items = [...entries].sort(compareEntryIds).map((e) => cslItem(e, keys.get(e.id)));
    return JSON.stringify(items, null, 2) + '\n';
}
