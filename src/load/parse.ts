/**
 * Parse one entry file's YAML, keeping what is needed to point at a key or value later.
 * Clean files take a fast path (js-yaml, about four times quicker here); the `yaml` library's
 * document, which knows every node's position, is built only when a file has a problem.
 */
import { createRequire } from 'node:module';
import jsyaml from 'js-yaml';
import type { Document, Node, Pair } from 'yaml';
import { parseCanonical } from './canonical.js';
import type { SourceFile } from './source.js';

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
}

export interface ParsedFile {
  file: string;
  text: string;
  /** The parsed value; undefined when the YAML has syntax errors. */
  data: unknown;
  syntaxErrors: SyntaxProblem[];
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
export type ParsedSource = { file: string; readError: string; parsed?: undefined } | { file: string; readError?: undefined; parsed: ParsedFile };

/** Parse every file read; never throws. A file that could not be read stays a read error. */
export function parseSources(sources: readonly SourceFile[]): ParsedSource[] {
  return sources.map((src) =>
    src.text === undefined ? { file: src.file, readError: src.readError ?? 'unknown error' } : { file: src.file, parsed: parseEntryText(src.file, src.text) },
  );
}

/** Parse the text of one entry file; never throws. */
export function parseEntryText(file: string, text: string): ParsedFile {
  // Files in canonical form (the whole shipped catalogue) take a quicker parser still (#13).
  let fast: unknown = parseCanonical(text);
  if (fast === undefined) {
    try {
      fast = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: file });
    } catch {
      return parseSlow(file, text);
    }
  }
  let doc: Document | undefined;
  return {
    file,
    text,
    data: fast,
    syntaxErrors: [],
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
    const message = firstLine(e.message);
    if (!seen.has(message)) syntaxErrors.push({ pos: positionOf(text, e.pos[0]), message });
    seen.add(message);
  }
  const data = syntaxErrors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
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
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
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
