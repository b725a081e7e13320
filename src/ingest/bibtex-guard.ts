/**
 * A linear pass over BibTeX text before the parser sees it (issue #12, items 14 and 18): sizes are
 * capped (the parser is slow and deeply recursive on huge fields), and a record closed early by an
 * extra `}` is refused with its key instead of silently losing the fields after it.
 */
import { quoteInput } from '../core/text.js';

/** Largest BibTeX input read at all. */
export const MAX_BIBTEX_BYTES = 4 * 1024 * 1024;
/** Largest record, from @ to its closing brace. */
export const MAX_RECORD_CHARS = 100_000;
/** Largest field value (an abstract is a few thousand characters). */
export const MAX_FIELD_CHARS = 20_000;

/** Problems that stop the text from being parsed; empty when it may be. */
export function checkBibtexShape(text: string): string[] {
  if (text.length > MAX_BIBTEX_BYTES) return [`the input is ${text.length} characters long; at most ${MAX_BIBTEX_BYTES} are read`];
  const errors: string[] = [];
  let i = text.indexOf('@');
  while (i !== -1 && errors.length < 5) {
    const head = /^@\s*([A-Za-z]+)\s*([{(])/.exec(text.slice(i, i + 200));
    if (!head) {
      i = text.indexOf('@', i + 1);
      continue;
    }
    const type = head[1]!.toLowerCase();
    const close = head[2] === '{' ? '}' : ')';
    const bodyStart = i + head[0].length;
    const keyEnd = text.slice(bodyStart, bodyStart + 1000).search(/[,}\n]/);
    const key = type === 'comment' || type === 'preamble' || type === 'string' ? `@${type}` : text.slice(bodyStart, keyEnd === -1 ? bodyStart + 1000 : bodyStart + keyEnd).trim();
    const label = `record ${quoteInput(key)}`;
    const end = scanRecord(text, bodyStart, close, label, errors);
    if (end === undefined) break;
    if (end - i > MAX_RECORD_CHARS) errors.push(`${label} is ${end - i} characters long; a record holds at most ${MAX_RECORD_CHARS}`);
    const stray = strayAfter(text, end + 1);
    if (stray !== undefined && type !== 'comment') {
      errors.push(`${label} closes early at line ${lineOf(text, end)}: text follows it (${quoteInput(stray)}); an extra } in a value ends the record, so remove it or write \\}`);
    }
    i = text.indexOf('@', end + 1);
  }
  return errors;
}

/** Index of the record's closing brace, checking each field's size; undefined when it never closes. */
function scanRecord(text: string, from: number, close: string, label: string, errors: string[]): number | undefined {
  let depth = 1;
  let inQuote = false;
  let valueStart = -1;
  let fieldName = '';
  let nameStart = from;
  for (let j = from; j < text.length; j++) {
    const c = text[j]!;
    if (depth === 1 && !inQuote) {
      if (c === close) return j;
      if (c === ',') nameStart = j + 1;
      else if (c === '=') fieldName = text.slice(nameStart, j).trim();
      else if (c === '"') {
        inQuote = true;
        valueStart = j;
      } else if (c === '{') {
        depth++;
        valueStart = j;
      }
      continue;
    }
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '"' && inQuote && depth === 1) inQuote = false;
    if (depth === 1 && !inQuote && valueStart !== -1) {
      if (j - valueStart > MAX_FIELD_CHARS) {
        errors.push(`${label}: field ${quoteInput(fieldName.slice(0, 40))} is ${j - valueStart} characters long; a field holds at most ${MAX_FIELD_CHARS}`);
      }
      valueStart = -1;
    }
    if (depth === 0) {
      // More closing braces than opening ones inside a quoted value.
      errors.push(`${label}: unbalanced braces in field ${quoteInput(fieldName.slice(0, 40))} at line ${lineOf(text, j)}`);
      return j;
    }
  }
  errors.push(`${label} is never closed: a { or " is missing its closing partner (from line ${lineOf(text, from)})`);
  return undefined;
}

/** Non-blank text on the rest of the closing line, or a `name =` line before the next record. */
function strayAfter(text: string, from: number): string | undefined {
  const next = text.indexOf('@', from);
  const gap = text.slice(from, next === -1 ? Math.min(text.length, from + 10_000) : Math.min(next, from + 10_000));
  const rest = gap.split('\n')[0]!.trim();
  if (rest !== '' && !rest.startsWith('%')) return rest.slice(0, 200);
  const field = /^\s*[A-Za-z][\w-]*\s*=.*$/m.exec(gap);
  return field ? field[0].trim().slice(0, 200) : undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) line++;
  return line;
}
