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

/** Characters that send a file to the general parser wherever they appear. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const UNSAFE = /[\0-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufeff\\\t\r]/;
/** First characters a plain scalar may have here: letters and digits (no YAML indicator). */
const PLAIN_START = /^[A-Za-z0-9\u00c0-\u02af\u0370-\u1fff\u2c00-\ud7ff]/;
/** First letters of the core schema's null and boolean spellings (null, true, false; any case form). */
const MAYBE_SPECIAL = /^[nNtTfF0-9]/;
/** The core schema's implicit types, in the order js-yaml tries them on a plain scalar. */
// js-yaml exports its types at run time; @types/js-yaml does not declare them.
const { types } = jsyaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', jsyaml.Type> };
const IMPLICIT = [types.null, types.bool, types.int, types.float];

/** The value of one scalar in the subset, or undefined when it is outside it. */
function scalar(raw: string): unknown {
  if (raw.length === 0) return undefined;
  const q = raw[0];
  if (q === '"' || q === "'") {
    if (raw.length < 2 || !raw.endsWith(q)) return undefined;
    const inner = raw.slice(1, -1);
    // No escapes in double quotes (a backslash is unsafe anyway); '' is a quote in single ones.
    if (q === '"') return inner.includes('"') ? undefined : own(inner);
    return inner.replaceAll("''", '').includes("'") ? undefined : own(inner.replaceAll("''", "'"));
  }
  if (!PLAIN_START.test(raw)) return undefined;
  // A plain scalar ends at " #" (a comment) and may not hold ": " or end in ":" or a space.
  if (raw.includes(': ') || raw.includes(' #') || raw.endsWith(':') || raw.endsWith(' ')) return undefined;
  if (MAYBE_SPECIAL.test(raw)) {
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

/** Parse an entry file in canonical form; undefined when it is not (then use a YAML parser). */
export function parseCanonical(text: string): Record<string, unknown> | undefined {
  if (UNSAFE.test(text)) return undefined;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const out: Record<string, unknown> = {};
  let keys = 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.startsWith('#')) {
      i++;
      continue;
    }
    // KEY by hand: lower-case letters and _, a colon, then the end or a space and the rest.
    let colon = 0;
    for (let c = line.charCodeAt(0); (c >= 0x61 && c <= 0x7a) || c === 0x5f; c = line.charCodeAt(++colon));
    if (colon === 0 || line.charCodeAt(colon) !== 0x3a) return undefined;
    if (colon + 1 < line.length && line.charCodeAt(colon + 1) !== 0x20) return undefined;
    const key = line.slice(0, colon);
    if (key === '__proto__' || Object.hasOwn(out, key)) return undefined;
    keys++;
    const rest = colon + 1 < line.length ? line.slice(colon + 2) : undefined;
    i++;
    if (rest === undefined) {
      // A block list of scalars.
      const items: unknown[] = [];
      while (i < lines.length && lines[i]!.startsWith('  - ')) {
        const v = scalar(lines[i]!.slice(4));
        if (v === undefined) return undefined;
        items.push(v);
        i++;
      }
      if (items.length === 0) return undefined;
      out[key] = items;
    } else if (rest === '>-') {
      // A folded block: lines indented exactly two spaces, no blank or more-indented lines.
      const parts: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('  ')) {
        const l = lines[i]!;
        if (l.charCodeAt(2) === 0x20 || l.length === 2 || l.endsWith(' ')) return undefined;
        parts.push(l.slice(2));
        i++;
      }
      if (parts.length === 0) return undefined;
      out[key] = parts.join(' ');
    } else {
      let raw = rest;
      const q = raw[0];
      if ((q === '"' || q === "'") && (raw.length < 2 || !raw.endsWith(q))) {
        // A quoted scalar folded over lines indented two spaces: each line break becomes a space.
        const parts = [raw];
        while (i < lines.length && lines[i]!.startsWith('  ') && lines[i]!.charCodeAt(2) !== 0x20 && lines[i]!.length > 2) {
          const l = lines[i]!.slice(2);
          parts.push(l);
          i++;
          if (l.endsWith(q!)) break;
        }
        if (parts.some((p) => p.endsWith(' '))) return undefined;
        raw = parts.join(' ');
      }
      const v = scalar(raw);
      if (v === undefined) return undefined;
      out[key] = v;
    }
    // Whatever follows must start at the left margin.
    if (i < lines.length && (lines[i]!.startsWith(' ') || lines[i] === '')) return undefined;
  }
  return keys > 0 ? out : undefined;
}
