/**
 * The comparison table of a survey: a booktabs table (a longtable past LONGTABLE_ROWS rows), grouped
 * by category and subcategory with the survey's names, each method cited with the key the BibTeX
 * export gives it. Text is ASCII LaTeX (specials escaped, accents as commands), so any engine reads it.
 */
import { sortEntries } from '../catalogue.js';
// The one import of citation keys here: keys must be exactly those of `export --format bibtex`.
import { assignCitekeys } from '../cite/keys.js';
import type { Entry } from '../core/entry.js';
import { UsageError } from '../core/errors.js';
import { withSuggestion } from '../core/suggest.js';
import { CATEGORIES } from '../core/taxonomy.js';
import { quoteInput } from '../core/text.js';
import { asciiLatex, escapeLatex } from './latex.js';
import { subcategoryHeading } from './markdown.js';

/**
 * The columns a table may have, in the order they may be given, each with its heading and either a
 * fixed width in em (short values) or a share of the width left (text that wraps).
 */
export const LATEX_COLUMNS = {
  name: { heading: 'Method', share: 0.26 },
  year: { heading: 'Year', em: 2.6 },
  category: { heading: 'Category', share: 0.16 },
  subcategory: { heading: 'Subcategory', share: 0.15 },
  modalities: { heading: 'Modalities', share: 0.18 },
  llm: { heading: 'LLM', share: 0.2 },
  venue: { heading: 'Venue', share: 0.18 },
  code: { heading: 'Code', em: 2.8 },
} as const satisfies Record<string, { heading: string; share?: number; em?: number }>;
export type LatexColumn = keyof typeof LATEX_COLUMNS;
export const LATEX_COLUMN_IDS = Object.keys(LATEX_COLUMNS) as LatexColumn[];

/** The default columns: the groups already give category and subcategory. */
export const DEFAULT_LATEX_COLUMNS: readonly LatexColumn[] = ['name', 'year', 'modalities', 'llm', 'venue', 'code'];

/** Tables with more rows (entries and group headings) become a longtable, which breaks across pages. */
export const LONGTABLE_ROWS = 30;

/** What the document needs in its preamble. */
export const LATEX_TABLE_PREAMBLE = '\\usepackage{booktabs,longtable,array,amssymb}';

/** The columns of `--columns name,year,...`, or a usage error naming the valid ones. */
export function parseLatexColumns(value: string): LatexColumn[] {
  const cols = value.split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (cols.length === 0) throw new UsageError(`--columns needs at least one of ${LATEX_COLUMN_IDS.join(', ')}`);
  const seen = new Set<string>();
  for (const c of cols) {
    if (!(LATEX_COLUMN_IDS as readonly string[]).includes(c)) {
      throw new UsageError(withSuggestion(`--columns: unknown column ${quoteInput(c)}`, c, LATEX_COLUMN_IDS, { then: `Columns: ${LATEX_COLUMN_IDS.join(', ')}` }));
    }
    if (seen.has(c)) throw new UsageError(`--columns: ${quoteInput(c)} is given twice`);
    seen.add(c);
  }
  return cols as LatexColumn[];
}

/**
 * Text of a table cell: specials escaped, accents as LaTeX commands, one line. `<`, `>` and `|` are set
 * in math mode (in the default OT1 text encoding they would print as ¡, ¿ and an em dash), with a
 * line break allowed after them.
 */
export function latexCell(text: string): string {
  // escapeLatex writes < and > as text commands (for BibTeX); in a table cell math mode lets them break.
  const MATH: Record<string, string> = { '{\\textless}': '<', '{\\textgreater}': '>', '|': '|' };
  return asciiLatex(escapeLatex(text.replace(/\s+/g, ' ').trim())).replace(/\{\\textless\}|\{\\textgreater\}|\|/g, (c) => `$${MATH[c]}$\\allowbreak{}`);
}

const categoryName = (id: string) => CATEGORIES.find((c) => c.id === id)?.name ?? id;

function cell(e: Entry, col: LatexColumn, key: string): string {
  switch (col) {
    case 'name':
      return `${latexCell(e.name)} \\cite{${key}}`;
    case 'year':
      return String(e.year);
    case 'category':
      return latexCell(categoryName(e.category));
    case 'subcategory':
      return e.subcategory ? latexCell(subcategoryHeading(e.subcategory)) : '';
    case 'modalities':
      return latexCell((e.modalities ?? []).join(', '));
    case 'llm':
      return latexCell((e.llm ?? []).join(', '));
    case 'venue':
      return latexCell(e.venue ?? (e.arxiv ? 'arXiv' : ''));
    case 'code':
      return e.code ? '\\checkmark' : '';
  }
}

/** A citation key as LaTeX reads it in \cite: keys hold no brace, comma or space by the schema; anything else is refused. */
function safeKey(key: string): string {
  if (!/^[\p{L}\p{N}_:.+/-]+$/u.test(key)) throw new UsageError(`citation key ${quoteInput(key)} cannot be cited in LaTeX`);
  return key;
}

interface Group {
  heading: string;
  level: 1 | 2;
}

/** The rows: a heading per category and subcategory (survey names), then its entries by year and name. */
function rows(entries: readonly Entry[]): Array<Group | Entry> {
  const out: Array<Group | Entry> = [];
  const known = new Set(CATEGORIES.map((c) => c.id));
  for (const c of CATEGORIES) {
    const own = entries.filter((e) => e.category === c.id);
    if (own.length === 0) continue;
    out.push({ heading: c.name, level: 1 });
    const subs = new Set(c.subcategories.map((s) => s.id));
    const parts: Array<[string, Entry[]]> = c.subcategories.map((s) => [subcategoryHeading(s.id), own.filter((e) => e.subcategory === s.id)]);
    parts.push([`Other (${c.name})`, own.filter((e) => e.subcategory === undefined || !subs.has(e.subcategory))]);
    for (const [heading, list] of parts) {
      if (list.length === 0) continue;
      out.push({ heading, level: 2 }, ...sortEntries(list, 'year'));
    }
  }
  const rest = entries.filter((e) => !known.has(e.category));
  if (rest.length > 0) out.push({ heading: 'Other', level: 1 }, ...sortEntries(rest, 'year'));
  return out;
}

export interface LatexTableOptions {
  columns?: readonly LatexColumn[];
}

/** Render entries as a LaTeX comparison table; the same entries always give the same text. */
export function renderLatexTable(entries: readonly Entry[], opts: LatexTableOptions = {}): string {
  const columns = opts.columns ?? DEFAULT_LATEX_COLUMNS;
  const keys = assignCitekeys(entries);
  const n = columns.length;
  // Fixed columns take their width; the others share what is left of \linewidth less every column's
  // padding, so the table is exactly as wide as the text.
  const shareOf = (c: LatexColumn): number => ('share' in LATEX_COLUMNS[c] ? (LATEX_COLUMNS[c] as { share: number }).share : 0);
  const emOf = (c: LatexColumn): number => ('em' in LATEX_COLUMNS[c] ? (LATEX_COLUMNS[c] as { em: number }).em : 0);
  const total = columns.reduce((sum, c) => sum + shareOf(c), 0);
  const fixedEm = columns.reduce((sum, c) => sum + emOf(c), 0);
  const spec = columns
    .map((c) => {
      if (emOf(c) > 0) return `>{${c === 'code' ? '\\centering' : '\\raggedright'}\\arraybackslash}p{${emOf(c)}em}`;
      const perMille = Math.floor((shareOf(c) / total) * 1000);
      return `>{\\raggedright\\arraybackslash\\hspace{0pt}}p{\\dimexpr(\\linewidth-${fixedEm.toFixed(1)}em-${2 * n}\\tabcolsep)*${perMille}/1000\\relax}`;
    })
    .join('');
  // More than six columns get a smaller font; padding is narrower than LaTeX's 6pt either way.
  const size = [n > 6 ? '\\scriptsize' : '\\footnotesize', '\\setlength{\\tabcolsep}{4pt}'];
  const head = columns.map((c) => `\\textbf{${LATEX_COLUMNS[c].heading}}`).join(' & ') + ' \\\\';
  const body: string[] = [];
  const list = rows(entries);
  list.forEach((row, i) => {
    if ('heading' in row) {
      const text = latexCell(row.heading);
      if (row.level === 1 && i > 0) body.push('\\midrule');
      body.push(row.level === 1 ? `\\multicolumn{${n}}{l}{\\textbf{${text}}} \\\\` : `\\multicolumn{${n}}{l}{\\textit{${text}}} \\\\`);
      return;
    }
    body.push(columns.map((c) => cell(row, c, safeKey(keys.get(row.id)!))).join(' & ') + ' \\\\');
  });
  if (list.length === 0) body.push(`\\multicolumn{${n}}{l}{No entries.} \\\\`);
  const caption = 'Methods of the catalogue, grouped by the survey\'s categories (Song et al., arXiv 2311.07594).';
  const header = [
    '% Generated by mllm-align export --format latex-table: do not edit.',
    `% Needs in the preamble: ${LATEX_TABLE_PREAMBLE}`,
    '% Citation keys are those of mllm-align export --format bibtex with the same selection.',
  ];
  if (list.length > LONGTABLE_ROWS) {
    return [
      ...header,
      '\\begingroup',
      ...size,
      `\\begin{longtable}{${spec}}`,
      `\\caption{${latexCell(caption)}}\\label{tab:mllm-align}\\\\`,
      '\\toprule',
      head,
      '\\midrule',
      '\\endfirsthead',
      `\\multicolumn{${n}}{@{}l}{\\textit{(continued)}} \\\\`,
      '\\toprule',
      head,
      '\\midrule',
      '\\endhead',
      '\\midrule',
      `\\multicolumn{${n}}{r@{}}{\\textit{(continued on the next page)}} \\\\`,
      '\\endfoot',
      '\\bottomrule',
      '\\endlastfoot',
      ...body,
      '\\end{longtable}',
      '\\endgroup',
      '',
    ].join('\n');
  }
  return [
    ...header,
    '\\begin{table}[htbp]',
    '\\centering',
    ...size,
    `\\caption{${latexCell(caption)}}\\label{tab:mllm-align}`,
    `\\begin{tabular}{${spec}}`,
    '\\toprule',
    head,
    '\\midrule',
    ...body,
    '\\bottomrule',
    '\\end{tabular}',
    '\\end{table}',
    '',
  ].join('\n');
}
