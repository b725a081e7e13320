/** Small pure string helpers shared by validation, queries and rendering. */

/** Characters of user input quoted in a message; the rest is cut. */
export const EXCERPT_LENGTH = 60;

/**
 * User text as a message quotes it: in double quotes, control and invisible characters escaped
 * (\n, \u001b, \u200b …), cut to EXCERPT_LENGTH characters.
 */
export function quoteInput(text: string): string {
  const cut = text.length > EXCERPT_LENGTH ? text.slice(0, EXCERPT_LENGTH) : text;
  // JSON escapes quotes, backslashes and C0; escapeControls the C1, bidi and invisible characters it leaves.
  const escaped = escapeControls(JSON.stringify(cut));
  return text.length > EXCERPT_LENGTH ? `${escaped.slice(0, -1)}…" (${text.length} characters)` : escaped;
}

/** Remove accents and fold case, for matching. */
export function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A title reduced to letters and digits, for spotting the same paper twice. */
export function normalizeTitle(title: string): string {
  // ASCII text has nothing to decompose and no letters or digits beyond A-Z, a-z, 0-9.
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(title)) return title.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return foldText(title).replace(/[^\p{L}\p{N}]+/gu, '');
}


/** Control characters no text field may hold: C0 (but tab and newline where lines are allowed), DEL, C1, U+2028/2029, bidi controls. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** Every character of CONTROL_CHARACTER, with tab and newline too (for single-line text). */
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * User text as printed to a terminal: control, bidi and invisible characters written as \u escapes
 * (a tab, newline or carriage return too), everything else as it is. Linear; nothing is cut.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL_OR_BREAK, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text from outside (a server, a parser) inside a message, unquoted: escaped, and cut to `max` characters. */
export function escapeExcerpt(text: string, max = 120): string {
  return escapeControls(text.length > max ? `${text.slice(0, max)}…` : text);
}

const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060-\u2065\u206a-\u206f\ufeff\ufff9-\ufffb]/g;

/** A lower-case slug of a name: `LLaVA-1.5` becomes `llava-1.5`. */
export function slugify(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-?\.-?/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '');
}

/** An arXiv id without its version suffix. */
export function arxivBase(id: string): string {
  return id.replace(/v\d+$/, '');
}

/** "a, b or c" for messages. */
export function listWords(words: readonly string[], last = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/** Compare ids by code unit, the same on every machine (no locale): the exports' order. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compare two entries by id, for sorting. */
export function compareEntryIds(a: { id: string }, b: { id: string }): number {
  return compareIds(a.id, b.id);
}

/** Greedy word wrap: the words of `text` in lines of at most `width` characters (a longer word stands alone). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
