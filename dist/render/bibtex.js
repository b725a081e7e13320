import { DataError } from '../core/errors.js';
import { splitName } from '../core/names.js';
import { compareEntryIds, compareIds, foldText } from '../core/text.js';
import { asciiLatex, escapeLatex, escapeMarked, markLoneBraces } from './latex.js';
/** Words skipped when picking the title word of a citation key. */
export const STOP_WORDS = [
    'a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'or', 'with', 'at', 'by', 'from', 'via', 'is', 'are',
    'towards', 'toward', 'what', 'how', 'when', 'why', 'do', 'does', 'can',
];
const CONFERENCE = /\b(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|WACV|BMVC|ACL|EMNLP|NAACL|EACL|COLING|AAAI|IJCAI|KDD|SIGIR|WWW|ACM MM|Interspeech|ICASSP|CoRL|ICRA|IROS|MICCAI|CHI|UIST|3DV)\b|findings of|workshop|conference|proceedings|symposium/i;
const JOURNAL = /\b(?:journal|transactions|TMLR|TPAMI|T-PAMI|IJCV|JMLR|Nature|Science)\b/i;
/** The record type the venue calls for: a conference or workshop, a journal, or neither. */
export function bibtexType(venue) {
    if (venue === undefined)
        return 'misc';
    if (JOURNAL.test(venue))
        return 'article';
    if (CONFERENCE.test(venue))
        return 'inproceedings';
    return 'misc';
}
/** The venue as a booktitle or journal: remarks in parentheses such as "(Oral)" and a trailing ", 2024" dropped. */
export function venueName(venue) {
    let v = venue;
    let prev;
    do {
        prev = v;
        v = v.replace(/\s*\([^()]*\)/g, '');
    } while (v !== prev);
    return v.replace(/,\s*\d{4}\s*$/, '').replace(/\s+/g, ' ').trim() || venue.trim();
}
/** Lower-case ASCII letters and digits only. */
function keyPart(text) {
    return foldText(text).replace(/[^a-z0-9]/g, '');
}
/** The Google-Scholar-style key: first author's family name, year, first significant title word. */
export function baseCitekey(entry) {
    const first = splitName(entry.authors[0] ?? '');
    const family = keyPart(first.family) || keyPart(entry.id) || 'anon';
    const words = foldText(entry.title).split(/[^a-z0-9]+/).filter((w) => w !== '' && !STOP_WORDS.includes(w));
    return `${family}${entry.year}${words[0] ?? ''}`;
}
/**
 * Citation keys for all entries, by id. A pinned `citekey` is kept as it is; derived keys that collide
 * (with each other or with a pinned key) all get `a`, `b`, … in id order.
 */
export function assignCitekeys(entries) {
    const keys = new Map();
    const pinnedBy = new Map();
    for (const e of [...entries].sort(compareEntryIds)) {
        if (e.citekey === undefined)
            continue;
        const other = pinnedBy.get(e.citekey.toLowerCase());
        if (other !== undefined)
            throw new DataError(`citekey "${e.citekey}" is pinned by both ${other} and ${e.id}; give one of them another`);
        pinnedBy.set(e.citekey.toLowerCase(), e.id);
        keys.set(e.id, e.citekey);
    }
    const groups = new Map();
    for (const e of entries) {
        if (e.citekey !== undefined)
            continue;
        const base = baseCitekey(e);
        groups.set(base, [...(groups.get(base) ?? []), e.id]);
    }
    // BibTeX compares keys without regard to case, so collisions do too.
    const taken = new Set(pinnedBy.keys());
    for (const [base, ids] of [...groups].sort(([a], [b]) => compareIds(a, b))) {
        ids.sort(compareIds);
        if (ids.length === 1 && !taken.has(base)) {
            keys.set(ids[0], base);
            taken.add(base);
            continue;
        }
        let n = 0;
        for (const id of ids) {
            let key;
            do
                key = base + suffix(n++);
            while (taken.has(key));
            keys.set(id, key);
            taken.add(key);
        }
    }
    return keys;
}
/** a … z, then aa, ab, … */
function suffix(n) {
    return n < 26 ? String.fromCharCode(97 + n) : suffix(Math.floor(n / 26) - 1) + suffix(n % 26);
}
/** Text for a BibTeX field: LaTeX-escaped, ASCII when asked. `marked`: lone braces already marked. */
function fieldText(text, opts, marked = false) {
    const escaped = marked ? escapeMarked(text) : escapeLatex(text);
    return opts.ascii ? asciiLatex(escaped) : escaped;
}
/**
 * Whether a word of a title must keep its case: an acronym, an internal capital, letters with digits,
 * the method's name, or a capital letter before a hyphen (Q-Former).
 */
function mustProtect(word, next, nameWords) {
    if (!/\p{L}/u.test(word))
        return false;
    if (/^.+\p{Lu}/u.test(word) || /\p{N}/u.test(word))
        return true;
    if (/^\p{Lu}$/u.test(word) && next.startsWith('-'))
        return true;
    return /^\p{Lu}/u.test(word) && nameWords.has(word);
}
/**
 * A title with its capitals protected in braces, so styles that change case keep them:
 * `LLaVA-1.5: Improved` -> `{LLaVA}-1.5: Improved`, `BLIP-2` -> `{BLIP}-2`.
 */
export function bibtexTitle(title, name, opts = {}) {
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
function namePart(text, opts, whole) {
    const escaped = fieldText(text, opts);
    if (escaped === '')
        return '';
    if (whole && /\s/.test(text))
        return `{${escaped}}`;
    return escaped
        .split(' ')
        .map((w) => (/^and$/i.test(w) ? `{${w}}` : w))
        .join(' ');
}
/** One author as "particle Family, Suffix, Given", the form BibTeX and biber both read without guessing. */
export function bibtexName(name, opts = {}) {
    // A multi-word family name without a particle ("Le Scao") must be braced or BibTeX splits it.
    const family = namePart(name.family, opts, true);
    const last = name.particle ? `${namePart(name.particle, opts, false)} ${family}` : family;
    const given = namePart(name.given, opts, false);
    const parts = [last];
    if (name.suffix)
        parts.push(namePart(name.suffix, opts, false));
    if (given)
        parts.push(given);
    return parts.join(', ');
}
/** A URL or DOI as BibTeX reads it verbatim: only braces, which would unbalance the record, are percent-encoded. */
function verbatim(text) {
    return text.replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}
/** The entry's web address for `url`: its own url, else its arXiv page. */
export function entryUrl(entry) {
    return entry.url ?? (entry.arxiv ? `https://arxiv.org/abs/${entry.arxiv}` : undefined);
}
/** Render one entry as a BibTeX record (no trailing blank line). */
export function renderBibtexRecord(entry, key, opts = {}) {
    const type = bibtexType(entry.venue);
    const fields = [
        ['author', entry.authors.map((a) => bibtexName(splitName(a), opts)).join(' and ')],
        ['title', bibtexTitle(entry.title, entry.name, opts)],
    ];
    if (type === 'inproceedings')
        fields.push(['booktitle', fieldText(venueName(entry.venue), opts)]);
    if (type === 'article')
        fields.push(['journal', fieldText(venueName(entry.venue), opts)]);
    fields.push(['year', String(entry.year)]);
    if (entry.arxiv)
        fields.push(['eprint', entry.arxiv], ['archivePrefix', 'arXiv']);
    if (entry.doi)
        fields.push(['doi', verbatim(entry.doi)]);
    const url = entryUrl(entry);
    if (url)
        fields.push(['url', verbatim(url)]);
    const width = Math.max(...fields.map(([f]) => f.length));
    const body = fields.map(([f, v]) => `  ${f.padEnd(width)} = {${v}}`).join(',\n');
    return `@${type}{${key},\n${body}\n}\n`;
}
/** Render entries as a .bib file, sorted by id, records separated by a blank line. */
export function renderBibtex(entries, opts = {}) {
    const keys = assignCitekeys(entries);
    const sorted = [...entries].sort(compareEntryIds);
    const what = opts.ascii ? 'ASCII, for classic BibTeX' : 'UTF-8, for biber';
    const header = `% Generated by mllm-align export --format bibtex${opts.ascii ? ' --ascii' : ''} (${what}): do not edit.\n`;
    return header + sorted.map((e) => '\n' + renderBibtexRecord(e, keys.get(e.id), opts)).join('');
}
/** One entry's record for `show --format bibtex`, keyed as a full export of its catalogue keys it. */
export function renderBibtexView(view) {
    const key = assignCitekeys(view.catalogue).get(view.entry.id);
    return renderBibtexRecord(view.entry, key);
}
