/**
 * Every problem `validate` can report: a stable code, its severity and one sentence.
 * MA1xx: one entry against the schema; MA2xx: across entries; MA3xx: checks before a release
 * (`validate --strict` promotes them to errors); MA9xx: I/O and YAML syntax.
 * Never reuse a retired code.
 */
export const CODES = {
    MA101: { severity: 'error', rule: 'A required field is missing.' },
    MA102: { severity: 'error', rule: 'A key is not part of the entry format.' },
    MA103: { severity: 'error', rule: 'A value has the wrong type (e.g. an unquoted arXiv id read as a number).' },
    MA104: { severity: 'error', rule: 'A value does not have the required form (slug, arXiv id, DOI, URL, date).' },
    MA105: { severity: 'error', rule: 'A value is not in the allowed vocabulary (category, subcategory, modality).' },
    MA106: { severity: 'error', rule: 'The subcategory does not belong to the entry\'s category.' },
    MA107: { severity: 'error', rule: 'The year is outside 1990 to next year.' },
    MA108: { severity: 'error', rule: 'The entry has no locator: none of arxiv, doi or url.' },
    MA109: { severity: 'error', rule: 'A list is empty or repeats an item.' },
    MA110: { severity: 'error', rule: 'The file does not hold one mapping of fields.' },
    MA111: { severity: 'warning', rule: 'The file does not start with the yaml-language-server schema line (or starts with a byte-order mark).' },
    MA112: { severity: 'warning', rule: 'The entry pins no `citekey`, so the key it exports may move when entries are added (`format --pin-keys` pins it).' },
    MA113: { severity: 'warning', rule: 'The venue is not in the venue table; the closest known one is suggested.' },
    MA120: { severity: 'error', rule: 'A text field holds a control character (C0, DEL, C1, a line or paragraph separator or a bidi control).' },
    MA201: { severity: 'error', rule: 'The id differs from the file name.' },
    MA202: { severity: 'error', rule: 'Two entries have the same id.' },
    MA203: { severity: 'error', rule: 'Two entries have the same arXiv id (ignoring the version).' },
    MA204: { severity: 'error', rule: 'Two entries have the same DOI (ignoring case).' },
    MA205: { severity: 'error', rule: 'Two entries have the same title (ignoring case and punctuation).' },
    MA206: { severity: 'error', rule: 'builds_on names an entry that does not exist.' },
    MA207: { severity: 'error', rule: 'builds_on names the entry itself.' },
    MA208: { severity: 'warning', rule: 'The arXiv id\'s year (YYMM) disagrees with `year`.' },
    MA209: { severity: 'error', rule: 'Two entries pin the same citekey (ignoring case).' },
    MA220: { severity: 'error', rule: 'builds_on names an entry whose file has errors.' },
    MA230: { severity: 'error', rule: 'builds_on links form a loop (the message names its members in order).' },
    MA301: { severity: 'warning', rule: 'A preprint-only entry (no venue) first posted more than 18 months ago: likely published since (--strict only).' },
    MA302: { severity: 'warning', rule: 'A category has fewer entries than the minimum (--strict only).' },
    MA303: { severity: 'warning', rule: 'An entry lacks summary, modalities or code while most of its siblings have it (--strict only).' },
    MA304: { severity: 'warning', rule: 'The code URL is not on a source-repository host.' },
    MA901: { severity: 'error', rule: 'The file is not valid YAML.' },
    MA902: { severity: 'error', rule: 'The file cannot be read (missing, not a regular file, or too large).' },
    MA903: { severity: 'error', rule: 'The file is not valid UTF-8.' },
    MA904: { severity: 'error', rule: 'The file uses YAML an entry may not: anchors, aliases, tags, several documents or deep nesting.' },
    MA905: { severity: 'error', rule: 'The file is a symbolic link to a file outside the catalogue folder; it is not read.' },
};
/** Make a diagnostic with the code's severity. */
export function makeDiagnostic(code, file, pos, message) {
    return { file, line: pos.line, column: pos.column, severity: CODES[code].severity, code, message };
}
/** Order diagnostics by file, line, column, then code. */
export function sortDiagnostics(list) {
    return list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        a.column - b.column ||
        a.code.localeCompare(b.code));
}
/** Count errors and warnings. */
export function countDiagnostics(list) {
    let errors = 0;
    for (const d of list)
        if (d.severity === 'error')
            errors++;
    return { errors, warnings: list.length - errors };
}
