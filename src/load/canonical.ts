/**
 * A parser for entry files in the canonical form `mllm-align format` writes, several times quicker
 * than a general YAML parser (#13: parsing was a third of a cold `validate`). It accepts only a
 * strict subset, where its result is known to equal js-yaml's with the core schema:
 *   key: plain, "double-quoted" or 'single-quoted' scalar (quoted ones may fold over lines)
 *   key:            followed by "  - item" lines
 *   key: >-         followed by lines indented two spaces, folded into one line
 *   # comment lines at the left margin
 * Anything else (flow collections, anchors, escapes, literal blocks, tabs, CRLF, a value that might
 * be a number, boolean or null in another spelling, duplicate keys…) returns undefined and the file
 * takes the general path. tests/unit/canonical.test.ts checks the equality over a whole class of
 * inputs with fast-check.
 */
import jsyaml from 'js-yaml';
import { FIELD_ORDER } from '../core/schema-def.js';

/** Characters that send a file to the general parser wherever they appear. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const UNSAFE = /[\0-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufeff\\\t\r]/;
/** First characters a plain scalar may have here: letters and digits (no YAML indicator). */
const PLAIN_START = /^[A-Za-z0-9\u00c0-\u02af\u0370-\u1fff\u2c00-\ud7ff]/;
/** The core schema's implicit types, in the order js-yaml tries them on a plain scalar. */
// js-yaml exports its types at run time; @types/js-yaml does not declare them.
const { types } = jsyaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', jsyaml.Type> };
const IMPLICIT = [types.null, types.bool, types.int, types.float];

/** The value of one scalar in the subset, or undefined when it is outside it. */
function scalar(raw: string): unknown {
  if (raw.length === 0) return undefined;
  const c = raw.charCodeAt(0);
  if (c === 0x22 || c === 0x27) {
    const q = raw[0]!;
    if (raw.length < 2 || raw.charCodeAt(raw.length - 1) !== c) return undefined;
    const inner = raw.slice(1, -1);
    // No escapes in double quotes (a backslash is unsafe anyway); '' is a quote in single ones.
    if (c === 0x22) return inner.includes(q) ? undefined : own(inner);
    if (!inner.includes(q)) return own(inner);
    return inner.replaceAll("''", '').includes(q) ? undefined : own(inner.replaceAll("''", "'"));
  }
  // ASCII letters and digits decided by hand, anything else by the pattern.
  const alnum = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  if (!alnum && (c < 0xc0 || !PLAIN_START.test(raw))) return undefined;
  // A plain scalar ends at " #" (a comment) and may not hold ": " or end in ":" or a space.
  const last = raw.charCodeAt(raw.length - 1);
  if (last === 0x3a || last === 0x20 || raw.includes(': ') || raw.includes(' #')) return undefined;
  if ((c >= 0x30 && c <= 0x39) || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46) {
    // Resolved exactly as js-yaml resolves it: null, a boolean, an integer, a float, else a string.
    for (const type of IMPLICIT) {
      if (type.resolve(raw)) {
        const value: unknown = type.construct(raw);
        return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
      }
    }
  }
  return own(raw);
}

/**
 * A part of the file's text as a string of its own. V8 makes a longer slice a view into the whole
 * text, so one kept value would keep its file's text alive: at 50,000 entries, every text (#13:
 * peak memory). Time-neutral: the texts now die young, where the garbage collector is cheapest.
 */
function own(part: string): string {
  return part.length < 13 ? part : (' ' + part).slice(1);
}

/**
 * The keys of an entry in the order `format` writes them: most keys are found without slicing one
 * out. Only keys the scan by hand would take (lower-case letters and _).
 */
const KNOWN_KEYS: readonly string[] = FIELD_ORDER.filter((k) => /^[a-z_]+$/.test(k));

/**
 * Parse an entry file in canonical form; undefined when it is not (then use a YAML parser). It
 * walks the text line by line without splitting it (#13: a third of parsing was the split and
 * the slices of every line).
 */
export function parseCanonical(text: string): Record<string, unknown> | undefined {
  if (UNSAFE.test(text)) return undefined;
  const n = text.length;
  const out: Record<string, unknown> = {};
  let keys = 0;
  let guess = 0;
  let pos = 0;
  // The end of the line starting at `at` (the index of its newline, or the text's length).
  const endOf = (at: number): number => {
    const e = text.indexOf('\n', at);
    return e < 0 ? n : e;
  };
  // Whether the line starting at `at` (< n) starts with two spaces.
  const indented = (at: number): boolean => text.charCodeAt(at) === 0x20 && text.charCodeAt(at + 1) === 0x20;
  while (pos < n) {
    let eol = endOf(pos);
    if (text.charCodeAt(pos) === 0x23) {
      pos = eol + 1;
      continue;
    }
    // KEY by hand: lower-case letters and _, a colon, then the end or a space and the rest.
    let key: string | undefined;
    let colon: number;
    const k = guess < KNOWN_KEYS.length ? KNOWN_KEYS[guess]! : undefined;
    if (k !== undefined && text.startsWith(k, pos) && text.charCodeAt(pos + k.length) === 0x3a) {
      key = k;
      colon = pos + k.length;
      guess++;
    } else {
      colon = pos;
      for (let c = text.charCodeAt(pos); (c >= 0x61 && c <= 0x7a) || c === 0x5f; c = text.charCodeAt(++colon));
      if (colon === pos || text.charCodeAt(colon) !== 0x3a) return undefined;
      key = text.slice(pos, colon);
      const at = KNOWN_KEYS.indexOf(key);
      if (at >= 0) guess = at + 1;
    }
    if (colon + 1 < eol && text.charCodeAt(colon + 1) !== 0x20) return undefined;
    if (key === '__proto__' || Object.hasOwn(out, key)) return undefined;
    keys++;
    const rest = colon + 1 < eol ? colon + 2 : -1;
    pos = eol + 1;
    if (rest < 0) {
      // A block list of scalars.
      const items: unknown[] = [];
      while (pos < n && text.startsWith('  - ', pos)) {
        eol = endOf(pos);
        const v = scalar(text.slice(pos + 4, eol));
        if (v === undefined) return undefined;
        items.push(v);
        pos = eol + 1;
      }
      if (items.length === 0) return undefined;
      out[key] = items;
    } else if (eol - rest === 2 && text.startsWith('>-', rest)) {
      // A folded block: lines indented exactly two spaces, no blank or more-indented lines.
      let folded: string | undefined;
      while (pos < n && indented(pos)) {
        eol = endOf(pos);
        if (text.charCodeAt(pos + 2) === 0x20 || eol === pos + 2 || text.charCodeAt(eol - 1) === 0x20) return undefined;
        const part = text.slice(pos + 2, eol);
        folded = folded === undefined ? part : `${folded} ${part}`;
        pos = eol + 1;
      }
      if (folded === undefined) return undefined;
      out[key] = own(folded);
    } else {
      let raw = text.slice(rest, eol);
      const q = raw.charCodeAt(0);
      if ((q === 0x22 || q === 0x27) && (raw.length < 2 || raw.charCodeAt(raw.length - 1) !== q)) {
        // A quoted scalar folded over lines indented two spaces: each line break becomes a space.
        if (raw.charCodeAt(raw.length - 1) === 0x20) return undefined;
        while (pos < n && indented(pos) && text.charCodeAt(pos + 2) !== 0x20) {
          eol = endOf(pos);
          if (eol === pos + 2) break;
          if (text.charCodeAt(eol - 1) === 0x20) return undefined;
          raw = `${raw} ${text.slice(pos + 2, eol)}`;
          pos = eol + 1;
          if (text.charCodeAt(eol - 1) === q) break;
        }
      }
      const v = scalar(raw);
      if (v === undefined) return undefined;
      out[key] = v;
    }
    // Whatever follows must start at the left margin.
    if (pos < n && (text.charCodeAt(pos) === 0x20 || text.charCodeAt(pos) === 0x0a)) return undefined;
  }
  return keys > 0 ? out : undefined;
}
