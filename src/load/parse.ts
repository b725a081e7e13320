/**
 * Parse one entry file's YAML, keeping what is needed to point at a key or value later.
 * Clean files take a fast path (js-yaml, about four times quicker here); the `yaml` library's
 * document, which knows every node's position, is built only when a file has a problem.
 */
import { createRequire } from 'node:module';
import jsyaml from 'js-yaml';
import type { Document, Node, Pair } from 'yaml';
import { parseCanonical } from './canonical.js';
import type { ReadProblem, SourceFile } from './source.js';

// The `yaml` library is loaded on first need, so a run over clean files never pays for it.
let yamlLib: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlLib;
}

export interface Position {
  line: number;
  column: number;
}

export type PathSegment = string | number;

export interface SyntaxProblem {
  pos: Position;
  message: string;
  /** 'structure': valid YAML that an entry file may not use (aliases, tags, several documents, deep nesting). */
  kind?: 'syntax' | 'structure';
}

export interface ParsedFile {
  file: string;
  text: string;
  /** The parsed value; undefined when the YAML has syntax errors. */
  data: unknown;
  syntaxErrors: SyntaxProblem[];
  /** True when the text is in canonical form: its value is parseCanonical(text) (load/canonical.ts). */
  canonical?: boolean;
  /** Position of the value at `path` (or of its key when `at` is 'key'). */
  locate(path: readonly PathSegment[], at?: 'key' | 'value'): Position;
}

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** A file after the parse step: parsed, or the reason it could not be read. */
export type ParsedSource =
  | { file: string; readError: string; readProblem?: ReadProblem; parsed?: undefined }
  | { file: string; readError?: undefined; readProblem?: undefined; parsed: ParsedFile };

/** Parse every file read; never throws. A file that could not be read stays a read error. */
export function parseSources(sources: readonly SourceFile[]): ParsedSource[] {
  return sources.map((src) =>
    src.text === undefined
      ? { file: src.file, readError: src.readError ?? 'unknown error', readProblem: src.readProblem }
      : { file: src.file, parsed: parseEntryText(src.file, src.text) },
  );
}

/** Parse the text of one entry file; never throws. */
export function parseEntryText(file: string, text: string): ParsedFile {
  try {
    return parseChecked(file, text);
  } catch (err) {
    // Issue #12: a deeply nested file overflows the parsers' stacks; that is a problem of this file,
    // never of the run.
    const deep = err instanceof RangeError;
    const message = deep ? TOO_DEEP : `cannot parse: ${cleanMessage((err as Error).message ?? String(err))}`;
    return failed(file, text, [{ pos: deep ? deepPosition(text) : { line: 1, column: 1 }, message, kind: deep ? 'structure' : 'syntax' }]);
  }
}

function failed(file: string, text: string, syntaxErrors: SyntaxProblem[]): ParsedFile {
  return { file, text, data: undefined, syntaxErrors, locate: () => ({ line: 1, column: 1 }) };
}

function parseChecked(file: string, text: string): ParsedFile {
  // Anchors, aliases and tags have no use in an entry and are how alias bombs, !!binary and
  // unknown types get in: refuse them before either parser resolves anything (issue #12).
  // Cheap filter first ("Vision & Language", "Wow!" do not match): the lexer decides, and loads only when needed.
  if (/[&*!]/.test(text) && /(?:^|[\s[{,])[&*!][^\s,\]}]/m.test(text)) {
    const structure = findForbiddenTokens(text);
    if (structure.length > 0) return failed(file, text, structure);
  }
  // Files in canonical form (the whole shipped catalogue) take a quicker parser still (#13).
  let fast: unknown = parseCanonical(text);
  const canonical = fast !== undefined;
  // The canonical form nests two levels at most (a mapping of scalars and lists of scalars).
  if (!canonical) {
    try {
      fast = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: file });
    } catch (err) {
      if (err instanceof RangeError) throw err;
      return parseSlow(file, text);
    }
    if (depthOf(fast) > MAX_DEPTH) return failed(file, text, [{ pos: deepPosition(text), message: TOO_DEEP, kind: 'structure' }]);
  }
  let doc: Document | undefined;
  return {
    file,
    text,
    data: fast,
    syntaxErrors: [],
    canonical,
    locate: (path, at = 'value') => {
      doc ??= yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: true });
      return positionOf(text, offsetOf(doc, text, path, at));
    },
  };
}

/** Parse with the `yaml` library, which reports every syntax error with its position. */
function parseSlow(file: string, text: string): ParsedFile {
  const doc = yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  // Each kind of problem once, where it first occurs: a deeply nested document can repeat the same
  // error dozens of times, and fixing the first occurrence is the way forward anyway.
  const seen = new Set<string>();
  const syntaxErrors: SyntaxProblem[] = [];
  for (const e of doc.errors) {
    const problem = describeYamlError(text, e.code, firstLine(e.message), e.pos[0]);
    if (!seen.has(problem.message)) syntaxErrors.push(problem);
    seen.add(problem.message);
  }
  // Past the parser's stack, its other errors depend on where it gave up: report the depth alone.
  const deep = syntaxErrors.find((e) => e.message === TOO_DEEP);
  if (deep) syntaxErrors.splice(0, syntaxErrors.length, deep);
  const data = syntaxErrors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
  if (syntaxErrors.length === 0 && depthOf(data) > MAX_DEPTH) {
    return failed(file, text, [{ pos: deepPosition(text), message: TOO_DEEP, kind: 'structure' }]);
  }
  return {
    file,
    text,
    data,
    syntaxErrors,
    locate: (path, at = 'value') => positionOf(text, offsetOf(doc, text, path, at)),
  };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // The yaml library ends its messages with " at line L, column C"; we print our own position.
  return cleanMessage(line.replace(/ at line \d+, column \d+:?$/, '').trim());
}

/** Deeper than this, data cannot be an entry (a field holds at most a list of text). */
const MAX_DEPTH = 32;
const TOO_DEEP = `the YAML nests more than ${MAX_DEPTH} levels deep; entry files hold at most a list of text`;

/**
 * Where nesting first goes deeper than MAX_DEPTH: flow brackets outside quotes, or block levels by
 * indentation. Used only once a file is known to be too deep, so the place is the same whatever the
 * parser's stack size; 1:1 when the scan cannot tell.
 */
function deepPosition(text: string): Position {
  let flow = 0;
  let quote = '';
  const indents: number[] = [];
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (lineStart && flow === 0) {
      lineStart = false;
      const m = /^( *)((?:- +)*)(?=[^\s#])/.exec(text.slice(i, i + 4096));
      if (m) {
        const indent = m[1]!.length;
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        if (indents.length + m[2]!.split('-').length - 1 > MAX_DEPTH) return positionOf(text, i + indent);
      }
    }
    if (c === '\n') lineStart = true;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end - 1;
    } else if (c === '[' || c === '{') {
      if (++flow > MAX_DEPTH) return positionOf(text, i);
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return { line: 1, column: 1 };
}
/** A parser's message can quote input: keep it short and escaped. */
const MAX_MESSAGE = 160;

function cleanMessage(message: string): string {
  const cut = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
  return cut.replace(CONTROL_RE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// C0, DEL, C1, line/paragraph separators, bidi controls and invisible format characters.
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** A message that says what is wrong in words, where the problem starts (issue #12, item 20). */
function describeYamlError(text: string, code: string, message: string, offset: number): SyntaxProblem {
  if (/call stack/i.test(message)) return { pos: deepPosition(text), message: TOO_DEEP, kind: 'structure' };
  if (code === 'MULTIPLE_DOCS') {
    const pos = positionOf(text, offset);
    return { pos, message: `the file holds more than one YAML document (a new one starts at line ${pos.line}); one entry per file, no \`---\` inside`, kind: 'structure' };
  }
  if (code === 'MISSING_CHAR' && /quote/.test(message)) {
    const open = findUnclosedQuote(text);
    const quote = /"/.test(message) ? 'double' : 'single';
    return { pos: positionOf(text, open ?? offset), message: `this ${quote}-quoted value is never closed; add the closing ${quote === 'double' ? '"' : "'"}` };
  }
  return { pos: positionOf(text, offset), message };
}

/** Where the first comment is, other than the schema line at the top; undefined when there is none. */
export function findComment(text: string): Position | undefined {
  if (!text.includes('#')) return undefined;
  for (const t of tokensOf(text)) {
    if (t.source.startsWith('#') && t.offset !== 0 && !(t.offset === 1 && text.startsWith('\uFEFF'))) return positionOf(text, t.offset);
  }
  return undefined;
}

interface Token {
  source: string;
  offset: number;
}

/** The YAML lexer's tokens with their offsets; the lexer's own markers (not in the text) are left out. */
function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  let offset = 0;
  for (const source of new (yaml().Lexer)().lex(text)) {
    if (source.length === 1 && (source === '\x02' || source === '\x18' || source === '\x1f')) continue;
    out.push({ source, offset });
    offset += source.length;
  }
  return out;
}

function findUnclosedQuote(text: string): number | undefined {
  for (const t of tokensOf(text)) {
    const q = t.source[0];
    if ((q === '"' || q === "'") && (t.source.length < 2 || !t.source.trimEnd().endsWith(q))) return t.offset;
  }
  return undefined;
}

/** Anchors, aliases and tags: the YAML an entry file never needs. */
function findForbiddenTokens(text: string): SyntaxProblem[] {
  for (const t of tokensOf(text)) {
    const c = t.source[0];
    if (c !== '&' && c !== '*' && c !== '!') continue;
    const pos = positionOf(text, t.offset);
    const what = quoteShort(t.source);
    if (c === '!') {
      const binary = /^!!binary$/.test(t.source);
      const message = binary
        ? 'binary data (!!binary) has no place in an entry; write the value as text'
        : `the tag ${what} is not allowed in entry files; write plain text, numbers and lists without tags`;
      return [{ pos, message, kind: 'structure' }];
    }
    const message =
      c === '*'
        ? `the alias ${what} is not allowed in entry files (anchors and aliases are not used); write the value out`
        : `the anchor ${what} is not allowed in entry files (anchors and aliases are not used); remove it`;
    return [{ pos, message, kind: 'structure' }];
  }
  return [];
}

function quoteShort(s: string): string {
  return cleanMessage(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/** How deeply lists and mappings nest (0 for a scalar), counted without recursion. */
function depthOf(data: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[data, 0]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    max = Math.max(max, d + 1);
    if (max > MAX_DEPTH) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** Offset of the node at `path`: its value, or its key; the nearest ancestor when absent. */
function offsetOf(doc: Document, text: string, path: readonly PathSegment[], at: 'key' | 'value'): number {
  const { isMap, isPair, isScalar } = yaml();
  let node: Node | null | undefined = doc.contents as Node | null;
  let lastPair: Pair | undefined;
  let fallback = firstContentOffset(doc, text);
  for (const seg of path) {
    if (!node) break;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg);
      if (!pair) break;
      lastPair = pair;
      fallback = rangeStart(pair.key as Node) ?? fallback;
      node = pair.value as Node | null;
      continue;
    }
    if ('items' in node && Array.isArray((node as { items: unknown[] }).items) && typeof seg === 'number') {
      lastPair = undefined;
      const item: Node | undefined = (node as { items: Node[] }).items[seg];
      if (!item) break;
      fallback = rangeStart(item) ?? fallback;
      node = item;
      continue;
    }
    break;
  }
  if (at === 'key' && lastPair) return rangeStart(lastPair.key as Node) ?? fallback;
  const start = node ? rangeStart(node) : undefined;
  // An empty value (`year:`) has a zero-length range after the key; point at the key then.
  if (start === undefined || (isScalar(node) && node.value === null && lastPair)) return fallback;
  return start;
}

function rangeStart(node: Node | null | undefined): number | undefined {
  return node && node.range ? node.range[0] : undefined;
}

function firstContentOffset(doc: Document, text: string): number {
  const start = rangeStart(doc.contents as Node | null);
  if (start !== undefined) return start;
  const m = /^(?:\s*#[^\n]*\n|\s*\n)*/.exec(text);
  return m ? m[0].length : 0;
}
