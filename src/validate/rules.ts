/** Rules the schema cannot express: on one entry (MA106, MA107, MA111) and across entries (MA2xx). */
import { SCHEMA_LINE } from '../core/schema-def.js';
import { categoryOfSubcategory, findCategory } from '../core/taxonomy.js';
import { withSuggestion } from '../core/suggest.js';
import { arxivBase, normalizeTitle, quoteInput } from '../core/text.js';
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
  if (m && typeof f.year === 'number') {
    const arxivYear = 2000 + Number(m[1]);
    if (arxivYear !== f.year) {
      out.push(
        makeDiagnostic('MA208', parsed.file, parsed.locate(['year']), `\`year\` ${f.year} disagrees with arXiv id ${arxiv} (first posted ${arxivYear}); check which is right`),
      );
    }
  }
  return out;
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.ya?ml$/i, '');
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
  { code: 'MA205', field: 'title', key: normalizeTitle, label: 'title' },
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

/**
 * Rules across all entries: file names, duplicates, builds_on links. `keys` are the files'
 * crossKeysOf, when already known.
 */
export function checkCrossRules(files: readonly ParsedFile[], keys?: ReadonlyArray<CrossKeys | undefined>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const withFields: Array<{ p: ParsedFile; f: Fields; k: CrossKeys }> = [];
  files.forEach((p, i) => {
    const f = fieldsOf(p);
    if (f) withFields.push({ p, f, k: keys?.[i] ?? crossKeysOf(f) });
  });
  const ids = new Set<string>();
  for (const { p, f } of withFields) {
    const id = str(f.id);
    if (!id) continue;
    ids.add(id);
    const expected = baseName(p.file);
    if (id !== expected) {
      out.push(makeDiagnostic('MA201', p.file, p.locate(['id']), `id \`${id}\` differs from the file name; rename the file to ${id}.yaml or set id: ${expected}`));
    }
  }
  for (const g of GROUPS) {
    const seen = new Map<string, ParsedFile | ParsedFile[]>();
    let repeated = false;
    for (const { p, k } of withFields) {
      const key = k[g.field];
      if (key === undefined) continue;
      const had = seen.get(key);
      if (had === undefined) seen.set(key, p);
      else {
        repeated = true;
        seen.set(key, Array.isArray(had) ? [...had, p] : [had, p]);
      }
    }
    if (!repeated) continue;
    for (const list of seen.values()) {
      if (!Array.isArray(list)) continue;
      for (const p of list) {
        const others = list.filter((o) => o !== p).map((o) => o.file);
        out.push(makeDiagnostic(g.code, p.file, p.locate([g.field]), `same ${g.label} as ${others.join(', ')}`));
      }
    }
  }
  for (const { p, f } of withFields) {
    const own = str(f.id);
    if (!Array.isArray(f.builds_on)) continue;
    f.builds_on.forEach((target, i) => {
      if (typeof target !== 'string') return;
      if (target === own) {
        out.push(makeDiagnostic('MA207', p.file, p.locate(['builds_on', i]), `builds_on names the entry itself (\`${target}\`)`));
      } else if (!ids.has(target)) {
        const message = withSuggestion(`builds_on names ${quoteInput(target)}, which is not in the catalogue`, target, ids);
        out.push(makeDiagnostic('MA206', p.file, p.locate(['builds_on', i]), message));
      }
    });
  }
  return out;
}
