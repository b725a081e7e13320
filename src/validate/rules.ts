/** Rules the schema cannot express: on one entry (MA106, MA107, MA111–MA113) and across entries (MA2xx). */
import { closestVenue, parseVenue } from '../cite/venues.js';
import { SCHEMA_LINE } from '../core/schema-def.js';
import { categoryOfSubcategory, findCategory } from '../core/taxonomy.js';
import { withSuggestion } from '../core/suggest.js';
import { titleSkeleton } from '../core/skeleton.js';
import { arxivBase, CONTROL_CHARACTER, quoteInput, slugify } from '../core/text.js';
import { DATE_PATTERN, FIELD_ORDER, isPlainId } from '../core/schema-def.js';
import type { ParsedFile } from '../load/parse.js';
import { makeDiagnostic, type Diagnostic } from './diagnostics.js';


type Fields = Record<string, unknown>;

function fieldsOf(parsed: ParsedFile): Fields | undefined {
  const d = parsed.data;
  return d !== null && typeof d === 'object' && !Array.isArray(d) ? (d as Fields) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** Rules on one entry that need code rather than schema. */
export function checkEntryRules(parsed: ParsedFile, now: Date): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (parsed.text.startsWith('\uFEFF')) {
    out.push(makeDiagnostic('MA111', parsed.file, { line: 1, column: 1 }, 'the file starts with a byte-order mark; save it as UTF-8 without one (mllm-align format does)'));
  } else if (!parsed.text.startsWith(SCHEMA_LINE)) {
    out.push(makeDiagnostic('MA111', parsed.file, { line: 1, column: 1 }, `start the file with the line: ${SCHEMA_LINE}`));
  }
  const f = fieldsOf(parsed);
  if (!f) return out;
  out.push(...checkControlCharacters(parsed, f));
  const added = str(f.added);
  if (added && DATE.test(added) && !isRealDate(added)) {
    out.push(makeDiagnostic('MA104', parsed.file, parsed.locate(['added']), `\`added\` ${added} is not a real date; use YYYY-MM-DD of a day that exists`));
  }
  const category = str(f.category);
  const sub = str(f.subcategory);
  if (category && sub && findCategory(category)?.id === category) {
    const owner = categoryOfSubcategory(sub);
    if (owner && owner.id !== category) {
      const valid = findCategory(category)!.subcategories.map((s) => s.id).join(', ');
      out.push(
        makeDiagnostic(
          'MA106',
          parsed.file,
          parsed.locate(['subcategory']),
          `subcategory \`${sub}\` belongs to \`${owner.id}\`, not \`${category}\`; use one of: ${valid}`,
        ),
      );
    }
  }
  const maxYear = now.getUTCFullYear() + 1;
  if (typeof f.year === 'number' && Number.isInteger(f.year) && f.year > maxYear) {
    out.push(makeDiagnostic('MA107', parsed.file, parsed.locate(['year']), `\`year\` ${f.year} is after ${maxYear}; use the year of the first public version`));
  }
  const arxiv = str(f.arxiv);
  const m = arxiv ? /^(\d{2})(\d{2})\./.exec(arxiv) : null;
  if (m && typeof f.year === 'number' && Number.isInteger(f.year)) {
    const arxivYear = 2000 + Number(m[1]);
    if (arxivYear !== f.year) {
      out.push(
        makeDiagnostic('MA208', parsed.file, parsed.locate(['year']), `\`year\` ${f.year} disagrees with arXiv id ${arxiv} (first posted ${arxivYear}); check which is right`),
      );
    }
  }
  if (typeof f.id === 'string' && f.citekey === undefined) {
    out.push(
      makeDiagnostic('MA112', parsed.file, parsed.locate(['id']), 'no pinned `citekey`: the key exported today may move when entries are added; pin it with `mllm-align format --pin-keys`'),
    );
  }
  const venue = str(f.venue);
  if (venue && !/[\r\n]/.test(venue) && !knownVenue(venue)) {
    const close = closestVenue(venue);
    // The closest known venue keeps the year as written, so it is worded here, not by withSuggestion.
    const hint = close ? `did you mean ${JSON.stringify(close)}?` : 'write it as the table writes venues, e.g. `CVPR 2024`, `Findings of ACL 2024`, `ECCV 2024 Workshops`, `TMLR 2025`';
    out.push(makeDiagnostic('MA113', parsed.file, parsed.locate(['venue']), `venue ${quoteInput(venue)} is not in the venue table (src/cite/venues.ts); ${hint}`));
  }
  return out;
}

const DATE = new RegExp(DATE_PATTERN);

/** Whether YYYY-MM-DD names a day of the calendar (no 30 February). */
export function isRealDate(iso: string): boolean {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  // The Gregorian calendar, as Date counts it (which reads years below 100 as 19xx: left to it).
  if (y >= 100) return d <= (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const CONTROL_OR_TAB = new RegExp(`${CONTROL_CHARACTER.source.slice(0, -1)}\\t]`);
/**
 * What a text field's value can get such a character from: the character itself in the file, or a
 * backslash (a double-quoted escape). A file with neither, most of them, needs no search per field.
 */
const CONTROL_OR_ESCAPE = new RegExp(`${CONTROL_CHARACTER.source.slice(0, -1)}\\t\\\\]`);
/**
 * The same for a text in canonical form, which holds none of the C0 and C1 characters, U+2028/2029,
 * tabs or backslashes (load/canonical.ts refuses them): only the bidi controls are left to look for,
 * a search three times quicker (#13).
 */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

// Only `summary` may span lines; in it a line break is text, not a control character.
const MULTI_LINE = new Set(['summary']);

/** MA120: a control, bidi or line-separator character in any text field (issue #12, item 10). */
function checkControlCharacters(parsed: ParsedFile, f: Fields): Diagnostic[] {
  const out: Diagnostic[] = [];
  const search = (parsed.canonical ? BIDI_CONTROL : CONTROL_OR_ESCAPE).test(parsed.text);
  const check = (v: unknown, key: string, index: number): void => {
    if (typeof v !== 'string') return;
    if (isBlank(v)) {
      out.push(makeDiagnostic('MA104', parsed.file, parsed.locate(index < 0 ? [key] : [key, index]), `\`${key}\` is blank; write the text or leave the key out`));
      return;
    }
    if (!search) return;
    // Line breaks in a one-line field are MA104's; here every other control character, a tab too.
    const m = CONTROL_OR_TAB.exec(MULTI_LINE.has(key) ? v.replace(/\n/g, ' ') : v.replace(/[\r\n]/g, ' '));
    if (!m) return;
    const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    out.push(makeDiagnostic('MA120', parsed.file, parsed.locate(index < 0 ? [key] : [key, index]), `\`${key}\` holds the control character ${code} at character ${m.index + 1} (${quoteInput(v)}); remove it`));
  };
  for (const key of FIELD_ORDER) {
    if (!Object.hasOwn(f, key)) continue;
    const value = f[key];
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) check(value[i], key, i);
    else check(value, key, -1);
  }
  return out;
}

/** Not empty, and nothing but white space (what `trim` removes), without trimming text that starts with a visible character. */
function isBlank(v: string): boolean {
  if (v === '') return false;
  const c = v.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return v.trim() === '';
}

/** Whether the venue table reads a venue; remembered per text, as a catalogue repeats its venues. */
const venueKnown = new Map<string, boolean>();
function knownVenue(venue: string): boolean {
  let known = venueKnown.get(venue);
  if (known === undefined) venueKnown.set(venue, (known = parseVenue(venue) !== undefined));
  return known;
}

/** The id a file's name gives it: `entries/llava.yaml` → `llava`. */
export function baseName(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  // The usual ending without a regular expression (10,000 files a run, #13).
  return name.endsWith('.yaml') ? name.slice(0, -5) : name.replace(/\.ya?ml$/i, '');
}

/** What the duplicate rules compare of one file, worked out once per file (and cached with it, #13). */
export interface CrossKeys {
  id?: string;
  arxiv?: string;
  doi?: string;
  title?: string;
  citekey?: string;
}

const GROUPS: Array<{ code: 'MA202' | 'MA203' | 'MA204' | 'MA205' | 'MA209'; field: keyof CrossKeys; key: (v: string) => string; label: string }> = [
  { code: 'MA202', field: 'id', key: (v) => v, label: 'id' },
  { code: 'MA203', field: 'arxiv', key: arxivBase, label: 'arXiv id' },
  { code: 'MA204', field: 'doi', key: (v) => v.toLowerCase(), label: 'DOI' },
  { code: 'MA205', field: 'title', key: titleSkeleton, label: 'title' },
  { code: 'MA209', field: 'citekey', key: (v) => v.toLowerCase(), label: 'citekey' },
];

/** The keys the duplicate rules compare, for one parsed value. */
export function crossKeysOf(data: unknown): CrossKeys {
  const f = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Fields) : undefined;
  const keys: CrossKeys = {};
  if (!f) return keys;
  for (const g of GROUPS) {
    const v = str(f[g.field]);
    const k = v ? g.key(v) : undefined;
    if (k) keys[g.field] = k;
  }
  return keys;
}

/** Whether two of the files have the same `field` key. */
function anyRepeated(keys: readonly CrossKeys[], field: keyof CrossKeys): boolean {
  const seen = new Set<string>();
  for (const k of keys) {
    const key = k[field];
    if (key === undefined) continue;
    const before = seen.size;
    if (seen.add(key).size === before) return true;
  }
  return false;
}

/**
 * Rules across all entries: file names, duplicates, builds_on links. `keys` are the files'
 * crossKeysOf, when already known. `broken` maps the ids (file names) of files with errors to those
 * files, so a link to one is reported as a link to a file with errors, not to a missing entry.
 */
export function checkCrossRules(
  files: readonly ParsedFile[],
  keys?: ReadonlyArray<CrossKeys | undefined>,
  broken: ReadonlyMap<string, string> = new Map(),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The files whose value is a mapping, their values and their keys, side by side (#13: an object
  // per file was garbage the collector went through at the end of every run).
  const mapped: ParsedFile[] = [];
  const values: Fields[] = [];
  const keyed: CrossKeys[] = [];
  files.forEach((p, i) => {
    const f = fieldsOf(p);
    if (!f) return;
    mapped.push(p);
    values.push(f);
    keyed.push(keys?.[i] ?? crossKeysOf(f));
  });
  const ids = new Set<string>();
  let idRepeated = false;
  for (let n = 0; n < mapped.length; n++) {
    const p = mapped[n]!;
    const id = str(values[n]!.id);
    if (!id) continue;
    const before = ids.size;
    ids.add(id);
    if (ids.size === before) idRepeated = true;
    const expected = baseName(p.file);
    if (id !== expected) {
      // Suggest only what would be valid: a slug as the id, a slug id as the file name (issue #12, item 20).
      const fixes = [
        ...(isPlainId(id) ? [`rename the file to ${id}.yaml`] : []),
        ...(isPlainId(expected) ? [`set id: ${expected}`] : slugify(expected) ? [`rename the file to ${slugify(expected)}.yaml and set id: ${slugify(expected)}`] : []),
      ];
      const how = fixes.length > 0 ? `; ${fixes.join(' or ')}` : '';
      out.push(makeDiagnostic('MA201', p.file, p.locate(['id']), `id ${quoteInput(id)} differs from the file name ${quoteInput(expected)}${how}`));
    }
  }
  for (const g of GROUPS) {
    // Whether any key comes twice, from a set (one look-up per file); the files sharing a key are
    // gathered only then (#13: a catalogue has no duplicates, and two look-ups per file and group
    // were a tenth of the rules across files). The ids' set is the one above.
    if (g.field === 'id' ? !idRepeated : !anyRepeated(keyed, g.field)) continue;
    const seen = new Map<string, ParsedFile[]>();
    for (let n = 0; n < mapped.length; n++) {
      const key = keyed[n]![g.field];
      if (key === undefined) continue;
      const had = seen.get(key);
      if (had === undefined) seen.set(key, [mapped[n]!]);
      else had.push(mapped[n]!);
    }
    for (const list of seen.values()) {
      if (list.length < 2) continue;
      for (const p of list) {
        const others = list.filter((o) => o !== p).map((o) => o.file);
        out.push(makeDiagnostic(g.code, p.file, p.locate([g.field]), `same ${g.label} as ${others.join(', ')}`));
      }
    }
  }
  for (let n = 0; n < mapped.length; n++) {
    const p = mapped[n]!;
    const links = values[n]!.builds_on;
    if (!Array.isArray(links)) continue;
    const own = str(values[n]!.id);
    for (let i = 0; i < links.length; i++) {
      const target: unknown = links[i];
      if (typeof target !== 'string') continue;
      if (target === own) {
        out.push(makeDiagnostic('MA207', p.file, p.locate(['builds_on', i]), `builds_on names the entry itself (${quoteInput(target)})`));
      } else if (ids.has(target)) {
        continue;
      } else if (broken.has(target)) {
        out.push(makeDiagnostic('MA220', p.file, p.locate(['builds_on', i]), `builds_on names ${quoteInput(target)}, whose file ${broken.get(target)} has errors; fix that file first`));
      } else {
        const message = withSuggestion(`builds_on names ${quoteInput(target)}, which is not in the catalogue`, target, ids);
        out.push(makeDiagnostic('MA206', p.file, p.locate(['builds_on', i]), message));
      }
    }
  }
  return out;
}
