/**
 * The exports, read by the tools that read them: bibtex, pdflatex, biber, pandoc, markdownlint.
 * Run over the shipped catalogue and over tests/fixtures/hard (accents, CJK, LaTeX specials, particles).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../src/core/entry.js';
import { joinName, splitName } from '../src/core/names.js';
import { assignCitekeys } from '../src/cite/keys.js';
import { citeVenue } from '../src/cite/venues.js';
import { FIXTURES, ROOT, runInMemory } from './helpers.js';
import { itWithTools, runTool } from './tools.js';

const CATALOGUES: ReadonlyArray<[string, string]> = [
  ['the shipped catalogue', path.join(ROOT, 'entries')],
  ['the hard cases', path.join(FIXTURES, 'hard')],
];

async function exportText(dir: string, args: string[]): Promise<string> {
  const r = await runInMemory(['export', '--entries', dir, ...args]);
  expect(r.code).toBe(0);
  return r.stdout;
}

async function loadEntries(dir: string): Promise<Entry[]> {
  return (JSON.parse(await exportText(dir, ['--format', 'json'])) as { entries: Entry[] }).entries;
}

function workdir(): string {
  return mkdtempSync(path.join(tmpdir(), 'mllm-align-export-'));
}

/** The lines of a log that are warnings or errors. */
function complaints(log: string, pattern: RegExp): string[] {
  return log.split('\n').filter((l) => pattern.test(l));
}

/**
 * Text compared the way pandoc gives it back: pandoc puts English titles in sentence case, makes quotes
 * curly and writes an accented \i as a dotless ı; it also drops \textbraceright, which we use for a lone
 * brace only (a known pandoc gap, not a fault of the .bib).
 */
function comparable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/ı/g, 'i')
    .normalize('NFC')
    .replace(/‘/g, '`')
    .replace(/’/g, "'")
    .toLowerCase();
}

function withoutLoneBraces(text: string): string {
  let depth = 0;
  let out = '';
  for (const c of text) {
    if (c === '{') depth++;
    if (c === '}') {
      if (depth === 0) continue;
      depth--;
    }
    out += c;
  }
  return out;
}

interface CslOut {
  id: string;
  title: string;
  author: Array<{ given?: string; family?: string; 'dropping-particle'?: string; 'non-dropping-particle'?: string; suffix?: string; literal?: string }>;
}

function cslAuthor(a: CslOut['author'][number]): string {
  // A braced team name ({Chameleon Team}) comes back as a literal.
  return a.literal ?? [a.given, a['dropping-particle'], a['non-dropping-particle'], a.family, a.suffix].filter(Boolean).join(' ');
}

describe.each(CATALOGUES)('BibTeX export of %s', (_label, dir) => {
  itWithTools(['bibtex'], 'classic bibtex reads the --ascii export citing every key: no error, no warning', async () => {
    const work = workdir();
    const entries = await loadEntries(dir);
    const bib = await exportText(dir, ['--format', 'bibtex', '--ascii']);
    expect(bib).toMatch(/^\p{ASCII}*$/u);
    writeFileSync(path.join(work, 'refs.bib'), bib);
    const keys = [...assignCitekeys(entries).values()];
    writeFileSync(path.join(work, 'cite.aux'), keys.map((k) => `\\citation{${k}}\n`).join('') + '\\bibstyle{plain}\n\\bibdata{refs}\n');
    const r = runTool('bibtex', ['cite'], work);
    const blg = readFileSync(path.join(work, 'cite.blg'), 'utf8');
    expect(complaints(blg, /Warning--|error|I couldn't|I was expecting/i)).toEqual([]);
    expect(r.status).toBe(0);
    const bbl = readFileSync(path.join(work, 'cite.bbl'), 'utf8');
    expect((bbl.match(/\\bibitem\{/g) ?? []).length).toBe(entries.length);
  });

  itWithTools(['pdflatex', 'bibtex'], 'pdflatex + bibtex compile a document citing every entry', async () => {
    const work = workdir();
    const entries = await loadEntries(dir);
    writeFileSync(path.join(work, 'refs.bib'), await exportText(dir, ['--format', 'bibtex', '--ascii']));
    const keys = [...assignCitekeys(entries).values()];
    writeFileSync(
      path.join(work, 'doc.tex'),
      '\\documentclass{article}\n\\begin{document}\nCited: \\cite{' + keys.join(',') + '}.\n' +
        '\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n',
    );
    const latex = ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex'];
    expect(runTool('pdflatex', latex, work).status).toBe(0);
    const bib = runTool('bibtex', ['doc'], work);
    expect(complaints(readFileSync(path.join(work, 'doc.blg'), 'utf8'), /Warning--|error/i)).toEqual([]);
    expect(bib.status).toBe(0);
    const first = runTool('pdflatex', latex, work);
    expect(first.status, first.stdout.slice(-2000)).toBe(0);
    const second = runTool('pdflatex', latex, work);
    expect(second.status, second.stdout.slice(-2000)).toBe(0);
    const log = readFileSync(path.join(work, 'doc.log'), 'latin1');
    expect(complaints(log, /^! |Warning: Citation|undefined references|Missing character/)).toEqual([]);
  });

  itWithTools(['biber'], 'biber --tool reads the UTF-8 export with no warning', async () => {
    const work = workdir();
    writeFileSync(path.join(work, 'refs.bib'), await exportText(dir, ['--format', 'bibtex']));
    const r = runTool('biber', ['--tool', '--validate-datamodel', '--output-file', 'out.bib', 'refs.bib'], work);
    expect(complaints(r.stdout + r.stderr, /WARN|ERROR/)).toEqual([]);
    expect(r.status).toBe(0);
    const entries = await loadEntries(dir);
    expect((readFileSync(path.join(work, 'out.bib'), 'utf8').match(/^@/gm) ?? []).length).toBe(entries.length);
  });

  for (const ascii of [false, true]) {
    itWithTools(['pandoc'], `pandoc reads the ${ascii ? 'ASCII' : 'UTF-8'} export back to the entries' titles and authors`, async () => {
      const work = workdir();
      const entries = await loadEntries(dir);
      const keys = assignCitekeys(entries);
      writeFileSync(path.join(work, 'refs.bib'), await exportText(dir, ['--format', 'bibtex', ...(ascii ? ['--ascii'] : [])]));
      const r = runTool('pandoc', ['-f', 'bibtex', '-t', 'csljson', 'refs.bib'], work);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const items = new Map((JSON.parse(r.stdout) as CslOut[]).map((i) => [i.id, i]));
      expect([...items.keys()].sort()).toEqual([...keys.values()].sort());
      for (const e of entries) {
        // Characters with no LaTeX form are written as ? in the ASCII export, by design.
        if (ascii && /[^\p{Script=Latin}\p{Script=Common}\p{M}]/u.test(e.title + e.authors.join(''))) continue;
        const item = items.get(keys.get(e.id)!)!;
        expect(comparable(item.title), e.id).toBe(comparable(withoutLoneBraces(e.title)));
        expect(item.author.map((a) => comparable(cslAuthor(a))), e.id).toEqual(e.authors.map((a) => comparable(joinName(splitName(a)))));
      }
    });
  }

  itWithTools(['pandoc'], 'pandoc keeps the case of every braced acronym', async () => {
    const work = workdir();
    const bib = await exportText(dir, ['--format', 'bibtex']);
    writeFileSync(path.join(work, 'refs.bib'), bib);
    const r = runTool('pandoc', ['-f', 'bibtex', '-t', 'csljson', 'refs.bib'], work);
    const titles = (JSON.parse(r.stdout) as CslOut[]).map((i) => i.title).join('\n');
    const braced = [...bib.matchAll(/^ {2}title\s+= \{(.*)\},?$/gm)].flatMap((m) => [...m[1]!.matchAll(/\{([\p{L}\p{N}]+)\}/gu)].map((x) => x[1]!));
    expect(braced.length).toBeGreaterThan(0);
    for (const word of braced) expect(titles).toContain(word);
  });
});

describe.each(CATALOGUES)('CSL-JSON and Markdown of %s', (_label, dir) => {
  itWithTools(['pandoc'], 'pandoc --citeproc renders a bibliography from the CSL-JSON export', async () => {
    const work = workdir();
    const entries = await loadEntries(dir);
    writeFileSync(path.join(work, 'refs.json'), await exportText(dir, ['--format', 'csl-json']));
    writeFileSync(path.join(work, 'doc.md'), '---\nnocite: "@*"\n---\n');
    const r = runTool('pandoc', ['--citeproc', '--bibliography', 'refs.json', '-t', 'plain', 'doc.md'], work);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = comparable(r.stdout.replace(/\s+/g, ' '));
    for (const e of entries) expect(text, e.id).toContain(comparable(splitName(e.authors[0]!).family));
    expect(r.stdout.split(/\n\s*\n/).filter((p) => p.trim() !== '').length).toBe(entries.length);
  });

  it('markdownlint-cli2 passes the Markdown export with the committed config', async () => {
    const work = workdir();
    writeFileSync(path.join(work, 'CATALOGUE.md'), await exportText(dir, ['--format', 'markdown']));
    const r = runTool(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '--config', path.join(ROOT, '.markdownlint-cli2.jsonc'), 'CATALOGUE.md'],
      work,
    );
    expect(r.stderr + r.stdout).toContain('Summary: 0 error(s)');
    expect(r.status).toBe(0);
  });
});

/** Classic styles a paper may use: each must show every preprint's arXiv id (issue 10). */
const STYLES = ['plain', 'unsrt', 'alpha', 'abbrv', 'ieeetr', 'acm', 'plainnat'] as const;

describe.each(CATALOGUES)('preprints in every style: %s', (_label, dir) => {
  for (const style of STYLES) {
    itWithTools(['bibtex'], `bibtex with ${style}.bst prints every preprint's arXiv id, and each venue's year`, async () => {
      const work = workdir();
      const entries = await loadEntries(dir);
      writeFileSync(path.join(work, 'refs.bib'), await exportText(dir, ['--format', 'bibtex', '--ascii']));
      const keys = assignCitekeys(entries);
      writeFileSync(path.join(work, 'cite.aux'), [...keys.values()].map((k) => `\\citation{${k}}\n`).join('') + `\\bibstyle{${style}}\n\\bibdata{refs}\n`);
      const r = runTool('bibtex', ['cite'], work);
      expect(complaints(readFileSync(path.join(work, 'cite.blg'), 'utf8'), /Warning--|error|I couldn't|I was expecting/i)).toEqual([]);
      expect(r.status).toBe(0);
      const items = bblItems(readFileSync(path.join(work, 'cite.bbl'), 'utf8'));
      expect(items.size).toBe(entries.length);
      const preprints = entries.filter((e) => citeVenue(e).preprint);
      expect(preprints.length).toBeGreaterThan(0);
      for (const e of preprints) expect(items.get(keys.get(e.id)!), `${e.id} in ${style}`).toContain(`arXiv:${e.arxiv!}`);
      for (const e of entries) expect(items.get(keys.get(e.id)!), `${e.id} in ${style}`).toContain(String(citeVenue(e).year));
    });
  }

  itWithTools(['pdflatex', 'biber', 'biblatex'], 'biblatex + biber: a document citing every entry prints every preprint\'s arXiv id', async () => {
    const work = workdir();
    const entries = await loadEntries(dir);
    writeFileSync(path.join(work, 'refs.bib'), await exportText(dir, ['--format', 'bibtex']));
    const keys = assignCitekeys(entries);
    writeFileSync(
      path.join(work, 'doc.tex'),
      '\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[backend=biber,style=numeric]{biblatex}\n\\addbibresource{refs.bib}\n' +
        '\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n',
    );
    const latex = ['-interaction=nonstopmode', 'doc.tex'];
    runTool('pdflatex', latex, work);
    const b = runTool('biber', ['doc'], work);
    expect(complaints(b.stdout + b.stderr, /WARN|ERROR/), b.stdout).toEqual([]);
    expect(b.status).toBe(0);
    const bbl = readFileSync(path.join(work, 'doc.bbl'), 'utf8');
    for (const e of entries) {
      const entry = new RegExp(`\\\\entry\\{${keys.get(e.id)!}\\}[\\s\\S]*?\\\\endentry`).exec(bbl)?.[0] ?? '';
      expect(entry, e.id).not.toBe('');
      if (e.arxiv) expect(entry, e.id).toMatch(new RegExp(`\\\\verb\\{eprint\\}\\s*\\\\verb ${e.arxiv.replace('.', '\\.')}`));
      expect(entry, e.id).toContain(`{year}{${citeVenue(e).year}}`);
    }
  });
});

/** The items of a .bbl by key, each as one line of text. */
function bblItems(bbl: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of bbl.split(/\\bibitem(?=[[{])/).slice(1)) {
    const key = /^(?:\[[\s\S]*?\])?\{([^}]+)\}/.exec(part)?.[1];
    if (key) out.set(key, part.replace(/\s+/g, ' '));
  }
  return out;
}

describe('every letter of Latin-1 and Latin Extended-A in the ASCII export', () => {
  itWithTools(['pdflatex', 'bibtex'], 'compiles with pdflatex + bibtex (commands OT1 lacks come with \\providecommand in an @preamble)', async () => {
    const { renderBibtex } = await import('../src/render/bibtex.js');
    const letters = Array.from({ length: 0x17f - 0xa0 + 1 }, (_, i) => String.fromCodePoint(0xa0 + i)).filter((c) => /^\p{L}$/u.test(c)).join('');
    const entry: Entry = { id: 'x', name: 'X', title: `All ${letters}`, authors: [`Ann ${letters.slice(0, 30)}`], year: 2023, category: 'converter', arxiv: '2301.00001', citekey: 'k2023' };
    const work = workdir();
    writeFileSync(path.join(work, 'refs.bib'), renderBibtex([entry], { ascii: true }));
    writeFileSync(path.join(work, 'doc.tex'), '\\documentclass{article}\n\\begin{document}\n\\cite{k2023}\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n');
    const latex = ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex'];
    expect(runTool('pdflatex', latex, work).status).toBe(0);
    expect(runTool('bibtex', ['doc'], work).status).toBe(0);
    const r = runTool('pdflatex', latex, work);
    expect(r.status, r.stdout.slice(-2000)).toBe(0);
    expect(complaints(readFileSync(path.join(work, 'doc.log'), 'latin1'), /^! |Undefined control sequence/)).toEqual([]);
  });
});
