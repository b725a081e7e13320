/**
 * export --format latex-table: pdflatex + bibtex compile a document with the table and the exported
 * .bib (no error, no undefined citation, overfull boxes under OVERFULL_LIMIT_PT), the keys are exactly
 * those of the BibTeX export, and the table's shape and escaping.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../src/core/entry.js';
import { LATEX_COLUMN_IDS, LATEX_TABLE_PREAMBLE, LONGTABLE_ROWS, parseLatexColumns, renderLatexTable } from '../src/render/latex-table.js';
import { FIXTURES, ROOT, runInMemory } from './helpers.js';
import { itWithTools, runTool } from './tools.js';

/**
 * The documented threshold (README, "Writing a survey from the catalogue"): on an article page every
 * overfull box stays under this. Measured: none with the default columns; with all eight columns at
 * most 6.2pt (a long model name in a narrow column) on the shipped catalogue.
 */
const OVERFULL_LIMIT_PT = 10;

const CATALOGUES: ReadonlyArray<[string, string]> = [
  ['the shipped catalogue', path.join(ROOT, 'entries')],
  ['the hard cases', path.join(FIXTURES, 'hard')],
  ['the fixture catalogue', path.join(FIXTURES, 'catalogue')],
];
const COLUMN_SETS: ReadonlyArray<[string, string[]]> = [
  ['default columns', []],
  ['all eight columns', ['--columns', LATEX_COLUMN_IDS.join(',')]],
];

async function exportText(dir: string, args: string[]): Promise<string> {
  const r = await runInMemory(['export', '--entries', dir, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

const citedKeys = (table: string) => [...table.matchAll(/\\cite\{([^}]*)\}/g)].map((m) => m[1]!).sort();
const bibKeys = (bib: string) => [...bib.matchAll(/^@\w+\{([^,]+),$/gm)].map((m) => m[1]!).sort();

describe.each(CATALOGUES)('LaTeX table of %s', (_label, dir) => {
  for (const [columnsLabel, columns] of COLUMN_SETS) {
    itWithTools(['pdflatex', 'bibtex'], `pdflatex + bibtex compile it with the exported .bib (${columnsLabel})`, async () => {
      const work = mkdtempSync(path.join(tmpdir(), 'mllm-align-table-'));
      const table = await exportText(dir, ['--format', 'latex-table', ...columns]);
      const bib = await exportText(dir, ['--format', 'bibtex', '--ascii']);
      writeFileSync(path.join(work, 'table.tex'), table);
      writeFileSync(path.join(work, 'refs.bib'), bib);
      // The preamble the README and --help give, and nothing else.
      writeFileSync(
        path.join(work, 'doc.tex'),
        `\\documentclass{article}\n${LATEX_TABLE_PREAMBLE}\n\\begin{document}\n\\input{table}\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n`,
      );
      const latex = ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex'];
      expect(runTool('pdflatex', latex, work).status).toBe(0);
      const bibtex = runTool('bibtex', ['doc'], work);
      expect(bibtex.status, bibtex.stdout).toBe(0);
      for (let i = 0; i < 2; i++) {
        const r = runTool('pdflatex', latex, work);
        expect(r.status, r.stdout.slice(-2000)).toBe(0);
      }
      const log = readFileSync(path.join(work, 'doc.log'), 'latin1');
      expect(log.split('\n').filter((l) => /^! |Citation .* undefined|undefined references|Missing character/.test(l))).toEqual([]);
      const overfull = [...log.matchAll(/^Overfull \\[hv]box \(([\d.]+)pt too (?:wide|high)\)/gm)].map((m) => Number(m[1]));
      expect(overfull.filter((pt) => pt >= OVERFULL_LIMIT_PT)).toEqual([]);
      // Every method is cited, with exactly the keys of the .bib, and every citation resolved.
      const cited = citedKeys(table);
      expect(cited).toEqual(bibKeys(bib));
      const aux = readFileSync(path.join(work, 'doc.aux'), 'utf8');
      expect([...aux.matchAll(/^\\bibcite\{([^}]*)\}/gm)].map((m) => m[1]!).sort()).toEqual(cited);
    });
  }
});

describe('LaTeX table', () => {
  it.each([
    [path.join(FIXTURES, 'catalogue'), [], 'catalogue.tex'],
    [path.join(FIXTURES, 'catalogue'), ['--columns', LATEX_COLUMN_IDS.join(','), 'category:perceiver'], 'perceiver-all-columns.tex'],
    [path.join(FIXTURES, 'hard'), [], 'hard.tex'],
  ])('snapshot %#', async (dir, args, file) => {
    const text = await exportText(dir, ['--format', 'latex-table', ...args]);
    await expect(text).toMatchFileSnapshot(`__snapshots__/export/${file}`);
    expect(await exportText(dir, ['--format', 'latex-table', ...args])).toBe(text);
  });

  it('a selection cites exactly the keys of the BibTeX export of the same selection', async () => {
    const dir = path.join(ROOT, 'entries');
    for (const sel of [['category:perceiver'], ['--since', '2025', '--has-code'], ['mplug']]) {
      const table = await exportText(dir, ['--format', 'latex-table', ...sel]);
      const bib = await exportText(dir, ['--format', 'bibtex', ...sel]);
      expect(citedKeys(table).length).toBeGreaterThan(0);
      expect(citedKeys(table)).toEqual(bibKeys(bib));
    }
  });

  const entry = (id: string, over: Partial<Entry> = {}): Entry => ({
    id, name: id, title: `${id} paper`, authors: ['Ada Lovelace'], year: 2023, category: 'converter', arxiv: '2301.00001', ...over,
  });

  it('a short table is a table with tabular; past LONGTABLE_ROWS rows a longtable', () => {
    const short = renderLatexTable([entry('a')]);
    expect(short).toContain('\\begin{tabular}');
    expect(short).not.toContain('\\begin{longtable}');
    const many = Array.from({ length: LONGTABLE_ROWS }, (_, i) => entry(`e${i}`, { arxiv: `2301.${String(i).padStart(5, '0')}` }));
    const long = renderLatexTable(many);
    expect(long).toContain('\\begin{longtable}');
    expect(long).toContain('\\endhead');
  });

  it('rows: category and subcategory headings with the survey names, entries by year; check mark for code', () => {
    const text = renderLatexTable([
      entry('b', { year: 2024, subcategory: 'projection', code: 'https://github.com/x/b' }),
      entry('a', { subcategory: 'projection' }),
      entry('t', { category: 'tool' }),
    ], { columns: ['name', 'year', 'code'] });
    const rows = text.split('\n').filter((l) => l.endsWith(' \\\\') && !l.startsWith('\\textbf{Method}'));
    expect(rows).toEqual([
      '\\multicolumn{3}{l}{\\textbf{Multimodal Converter}} \\\\',
      '\\multicolumn{3}{l}{\\textit{Projection}} \\\\',
      'a \\cite{lovelace2023paper} & 2023 &  \\\\',
      'b \\cite{lovelace2024b} & 2024 & \\checkmark \\\\',
      '\\multicolumn{3}{l}{\\textbf{Tool Learning}} \\\\',
      '\\multicolumn{3}{l}{\\textit{Other (Tool Learning)}} \\\\',
      't \\cite{lovelace2023t} & 2023 &  \\\\',
    ]);
    expect(renderLatexTable([...[entry('t', { category: 'tool' }), entry('a', { subcategory: 'projection' })]], { columns: ['name'] }))
      .toBe(renderLatexTable([entry('a', { subcategory: 'projection' }), entry('t', { category: 'tool' })], { columns: ['name'] }));
  });

  it('LaTeX specials and accents are escaped in every cell', () => {
    const text = renderLatexTable([entry('h', { name: 'A&B_%$#{x}~^\\ Ünï <b>|', llm: ['Q&A 50%'], venue: 'ICML #1 $x$', modalities: ['image'] })]);
    const row = text.split('\n').find((l) => l.includes('\\cite{'))!;
    expect(row).toBe(
      'A\\&B\\_\\%\\$\\#\\{x\\}{\\textasciitilde}{\\textasciicircum}{\\textbackslash} {\\"U}n{\\"{\\i}} $<$\\allowbreak{}b$>$\\allowbreak{}$|$\\allowbreak{} \\cite{lovelace2023h} & 2023 & image & Q\\&A 50\\% & ICML \\#1 \\$x\\$ &  \\\\',
    );
  });

  const usage: Array<[string, string, RegExp]> = [
    ['an unknown column, with a suggestion', 'name,yaer', /unknown column "yaer"; did you mean "year"\?/],
    ['a column twice', 'name,name', /"name" is given twice/],
    ['no column', ',', /needs at least one of name, year/],
  ];
  for (const [name, value, message] of usage) it(`--columns: ${name}`, () => expect(() => parseLatexColumns(value)).toThrow(message));

  it('--columns with another format is a usage error (exit 2)', async () => {
    const r = await runInMemory(['export', '--format', 'markdown', '--columns', 'name']);
    expect(r.stderr).toBe('mllm-align: error: --columns applies to --format latex-table only\n');
    expect(r.code).toBe(2);
  });

  it('an unknown column through the CLI: exit 2, one line', async () => {
    const r = await runInMemory(['export', '--format', 'latex-table', '--columns', 'name,cod']);
    expect(r.stderr).toMatch(/^mllm-align: error: --columns: unknown column "cod"; did you mean "code"\?.*\n$/);
    expect(r.code).toBe(2);
  });

  it('--help shows the preamble', async () => {
    const r = await runInMemory(['export', '--help']);
    expect(r.stdout).toContain(`  ${LATEX_TABLE_PREAMBLE}\n`);
  });
});
