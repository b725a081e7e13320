/** Rules the schema cannot express: on one entry (MA106, MA107, MA111–MA113) and across entries (MA2xx). */
import { closestVenue, parseVenue } from '../cite/venues.js';
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
  if (typeof f.id === 'string' && f.citekey === undefined) {
    out.push(
      makeDiagnostic('MA112', parsed.file, parsed.locate(['id']), 'no pinned `citekey`: the key exported today may move when entries are added; pin it with `mllm-align format --pin-keys`'),
    );
  }
  const venue = str(f.venue);
  if (venue && !/[\r\n]/.test(venue) && parseVenue(venue) === undefined) {
    const close = closestVenue(venue);
    // The closest known venue keeps the year as written, so it is worded here, not by withSuggestion.
    const hint = close ? `did you mean ${JSON.stringify(close)}?` : 'write it as the table writes venues, e.g. `CVPR 2024`, `Findings of ACL 2024`, `ECCV 2024 Workshops`, `TMLR 2025`';
    out.push(makeDiagnostic('MA113', parsed.file, parsed.locate(['venue']), `venue ${quoteInput(venue)} is not in the venue table (src/cite/venues.ts); ${hint}`));
  }
  return out;
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.ya?ml$/i, '');
}

/** Rules across all entries: file names, duplicates, builds_on links. */
export function checkCrossRules(files: readonly ParsedFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const withFields = files.flatMap((p) => {
    const f = fieldsOf(p);
    return f ? [{ p, f }] : [];
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
  const groups: Array<{ code: 'MA202' | 'MA203' | 'MA204' | 'MA205' | 'MA209'; field: string; key: (v: string) => string; label: string }> = [
    { code: 'MA202', field: 'id', key: (v) => v, label: 'id' },
    { code: 'MA203', field: 'arxiv', key: arxivBase, label: 'arXiv id' },
    { code: 'MA204', field: 'doi', key: (v) => v.toLowerCase(), label: 'DOI' },
    { code: 'MA205', field: 'title', key: normalizeTitle, label: 'title' },
    { code: 'MA209', field: 'citekey', key: (v) => v.toLowerCase(), label: 'citekey' },
  ];
  for (const g of groups) {
    const seen = new Map<string, ParsedFile[]>();
    for (const { p, f } of withFields) {
      const v = str(f[g.field]);
      if (!v) continue;
      const k = g.key(v);
      if (!k) continue;
      const list = seen.get(k) ?? [];
      list.push(p);
      seen.set(k, list);
    }
    for (const list of seen.values()) {
      if (list.length < 2) continue;
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
