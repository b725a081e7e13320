/**
 * The exports made a piece at a time (#13): the pieces join to the text the one-string renderers
 * made, their fast paths agree with the general code they skip, and `export` writes them as they come.
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../bench/generate.js';
import type { Entry } from '../../src/core/entry.js';
import { DataError } from '../../src/core/errors.js';
import { orderFields, SCHEMA_ID } from '../../src/core/schema-def.js';
import { compareEntryIds } from '../../src/core/text.js';
import { bibtexChunks, bibtexTitle, renderBibtex } from '../../src/render/bibtex.js';
import { CSL_BATCH, cslJsonChunks, renderCslJson } from '../../src/render/csl.js';
import { batchChunks, EXPORT_FORMATS, renderExport } from '../../src/render/export.js';
import { buildLineage, lineageSize, renderGraphMermaid, renderGraphMermaidWithin } from '../../src/render/graph.js';
import { JSON_BATCH, jsonEntryTexts, jsonExportChunks, jsonFrame, renderJsonExport } from '../../src/render/json.js';
import { asciiLatex, escapeMarked, escapeMarkedFully, markLoneBraces } from '../../src/render/latex.js';
import { escapeMarkdown, escapeMarkdownFully, markdownChunks, renderMarkdown } from '../../src/render/markdown.js';
import { writeOutput } from '../../src/store/write-entry.js';
import { runInMemory } from '../helpers.js';

const SUBS = [
  ['converter', 'projection'],
  ['converter', 'query-based'],
  ['perceiver', undefined],
  ['tool', undefined],
  ['data-driven', undefined],
] as const;
const AUTHORS = ['Ann Lee', 'Aaron van den Oord', 'José Müller', 'Le Scao, Teven', 'Chameleon Team', '张伟', 'Bo Li'];

/** `n` entries, deterministic, with authors that recur and links back to earlier entries. */
function entries(n: number): Entry[] {
  return Array.from({ length: n }, (_, i) => {
    const [category, subcategory] = SUBS[i % SUBS.length]!;
    return {
      id: `m-${i}`,
      name: `M-${i}`,
      title: `Aligning {LLaVA} & Q-Former_${i}: 100% better`,
      authors: [AUTHORS[i % AUTHORS.length]!, AUTHORS[(i * 3 + 1) % AUTHORS.length]!],
      year: 2019 + (i % 6),
      category,
      ...(subcategory ? { subcategory } : {}),
      arxiv: `2301.${String(10000 + i)}`,
      ...(i % 4 === 0 ? { venue: 'CVPR 2023' } : {}),
      ...(i > 0 ? { builds_on: [`m-${Math.floor(i / 2)}`, `m-${Math.floor(i / 3)}`] } : {}),
      sources: ['https://example.org'],
    } as Entry;
  });
}

const join = (chunks: Iterable<string>) => [...chunks].join('');

describe('JSON and CSL-JSON in batches', () => {
  // JSON_BATCH and CSL_BATCH entries are stringified at a time: either side of one and two batch boundaries of each.
  const around = (b: number) => [b - 1, b, b + 1, 2 * b + 1];
  const SIZES = [...new Set([0, 1, 2, ...around(JSON_BATCH), ...around(CSL_BATCH), 300])].sort((a, b) => a - b);

  it.each(SIZES)('JSON of %i entries: the bytes of one JSON.stringify', (n) => {
    const es = entries(n);
    const exported = [...es].sort(compareEntryIds).map((e) => {
      const out = orderFields(e);
      delete out.sources;
      return out;
    });
    expect(renderJsonExport(es)).toBe(JSON.stringify({ $schema: SCHEMA_ID, entries: exported }, null, 2) + '\n');
    expect(join(jsonExportChunks(es))).toBe(renderJsonExport(es));
    expect([...jsonExportChunks(es)]).toHaveLength(Math.max(1, Math.ceil(n / JSON_BATCH)));
  });

  it('jsonEntryTexts cuts a batch into the text of each entry, whatever the strings hold', () => {
    // Strings made of what the cut looks for: braces, commas, line breaks and runs of spaces.
    const tricky = fc.string({ unit: fc.constantFrom('{', '}', ',', '\n', ' ', '    ', '"', '\\', 'a', 'é', '\u2028'), maxLength: 30 });
    const entry = fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 8 }),
        name: tricky,
        title: tricky,
        authors: fc.array(tricky, { maxLength: 4 }),
        year: fc.integer({ min: 1990, max: 2030 }),
        summary: tricky,
        tags: fc.array(tricky, { maxLength: 3 }),
        sources: fc.array(tricky, { maxLength: 2 }),
      },
      { requiredKeys: ['id', 'name', 'title', 'authors', 'year'] },
    );
    const { open, close } = jsonFrame();
    fc.assert(
      fc.property(fc.array(entry, { maxLength: JSON_BATCH + 3 }), (list) => {
        const es = list as unknown as Entry[];
        // Each entry's text is the one a JSON export of that entry alone holds.
        const alone = es.map((e) => renderJsonExport([e]).slice(open.length, -close.length));
        expect(jsonEntryTexts(es)).toEqual(alone);
      }),
      { numRuns: 300 },
    );
    // The cut text itself inside a string.
    const seam = { ...entries(1)[0]!, summary: '\n    },\n    {' };
    expect(jsonEntryTexts([seam, seam])).toEqual([seam, seam].map((e) => renderJsonExport([e]).slice(open.length, -close.length)));
  });

  it.each(SIZES)('CSL-JSON of %i entries: the bytes of one JSON.stringify, one piece per CSL_BATCH items', (n) => {
    const text = renderCslJson(entries(n));
    const items = JSON.parse(text) as Array<{ id: string }>;
    expect(items).toHaveLength(n);
    expect(JSON.stringify(items, null, 2) + '\n').toBe(text);
    expect([...cslJsonChunks(entries(n))]).toHaveLength(Math.max(1, Math.ceil(n / CSL_BATCH)));
  });
});

describe('BibTeX a record at a time', () => {
  it('one piece for the header and one per record; the pieces join to renderBibtex', () => {
    const es = entries(40);
    const chunks = [...bibtexChunks(es)];
    expect(chunks).toHaveLength(41);
    expect(chunks[0]).toMatch(/^% Generated by mllm-align export --format bibtex \(UTF-8, for biber\): do not edit\.\n$/);
    expect(chunks.slice(1).every((c) => /^\n@(?:misc|inproceedings)\{/.test(c))).toBe(true);
    expect(chunks.join('')).toBe(renderBibtex(es));
  });

  it('--ascii comes in one piece, its @preamble first', () => {
    const es = [...entries(3), { ...entries(1)[0]!, id: 'thorn', title: 'Þór', authors: ['Ðan Þorsson'] }];
    const chunks = [...bibtexChunks(es, { ascii: true })];
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatch(/^% Generated[^\n]*\n\n@preamble\{"[^\n]*\\providecommand\{\\TH\}/);
  });
});

/** The title code before the fast paths of #13, as it was: the oracle for the property below. */
function titleBefore(title: string, name: string, ascii: boolean): string {
  const escape = escapeMarkedFully;
  const field = (text: string) => (ascii ? asciiLatex(escape(text)) : escape(text));
  const mustProtect = (word: string, next: string, nameWords: ReadonlySet<string>) => {
    if (!/\p{L}/u.test(word)) return false;
    if (/^.+\p{Lu}/u.test(word) || /\p{N}/u.test(word)) return true;
    if (/^\p{Lu}$/u.test(word) && next.startsWith('-')) return true;
    return /^\p{Lu}/u.test(word) && nameWords.has(word);
  };
  const nameWords = new Set(name.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''));
  const parts = markLoneBraces(title).split(/([\p{L}\p{N}\p{M}]+)/u);
  return parts.map((part, i) => (i % 2 === 1 && mustProtect(part, parts[i + 1] ?? '', nameWords) ? `{${field(part)}}` : field(part))).join('');
}

describe('fast paths give what the general code gives', () => {
  // Titles of ASCII words, accented and CJK letters, digits, the characters LaTeX and Markdown treat
  // specially, every kind of space, and lone or paired braces.
  const piece = fc.constantFrom(
    'LLaVA', 'Q', '-', 'Former', 'a', 'BLIP', '2', 'x1', 'é', 'Ünified', 'ß', '张伟', 'e\u0301', ' ', '  ', '\t', '\n', '\u00a0',
    '{', '}', '&', '%', '$', '#', '_', '~', '^', '\\', '<', '>', '--', '``', "''", '?`', '!', ':', '//', '@', '.', 'io', '|', '*', '[', ']', '\uFDD0',
  );
  const text = fc.oneof(fc.array(piece, { maxLength: 12 }).map((ps) => ps.join('')), fc.string({ unit: 'binary', maxLength: 20 }));

  it('bibtexTitle, UTF-8 and --ascii, equals the title code before #13', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('LLaVA', 'Q-Former', 'Ünified', 'BLIP-2', ''), fc.boolean(), (title, name, ascii) => {
        expect(bibtexTitle(title, name, { ascii })).toBe(titleBefore(title, name, ascii));
      }),
      { numRuns: 3000 },
    );
  });

  it('escapeMarked returns text it need not change as it is, and escapes the rest as before', () => {
    fc.assert(
      fc.property(text, (t) => {
        const marked = markLoneBraces(t);
        expect(escapeMarked(marked)).toBe(escapeMarkedFully(marked));
      }),
      { numRuns: 2000 },
    );
  });

  it('escapeMarkdown equals the chain of replacements it skips for plain text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(escapeMarkdown(t)).toBe(escapeMarkdownFully(t));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Markdown a section at a time', () => {
  it('a large catalogue comes in many pieces, none empty, that join to renderMarkdown, ending in one newline', () => {
    const es = entries(2500);
    const chunks = [...markdownChunks(es)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.every((c) => c !== '')).toBe(true);
    const text = chunks.join('');
    expect(text).toBe(renderMarkdown(es));
    expect(text.endsWith('|\n')).toBe(true);
  });

  it.each([0, 1, 2, 5, 60, 300, 2500])('%i entries: the graph is drawn exactly when its Mermaid text is within GitHub\'s limit', (n) => {
    const es = entries(n);
    const graph = buildLineage(es);
    const mermaid = renderGraphMermaid(graph);
    const md = renderMarkdown(es);
    if (graph.edges.length === 0) expect(md).not.toContain('## Lineage');
    else if (mermaid.length > 40_000) expect(md).toContain('The graph is too large to draw here');
    else expect(md).toContain('```mermaid\n' + mermaid + '```');
  });
});

describe('the lineage graph, counted and cut short', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  const arbEntries = fc.array(
    fc.record({ id: fc.constantFrom(...ids), builds_on: fc.array(fc.constantFrom(...ids, 'unknown'), { maxLength: 4 }), year: fc.integer({ min: 2019, max: 2024 }) }),
    { maxLength: 8 },
  );

  it('lineageSize counts the nodes and links buildLineage lists, with self links, repeats, unknown ids and ids twice', () => {
    fc.assert(
      fc.property(arbEntries, (records) => {
        const es = records.map((r) => ({ ...entries(1)[0]!, ...r, name: r.id.toUpperCase() }) as Entry);
        const graph = buildLineage(es);
        expect(lineageSize(es)).toEqual({ nodes: graph.nodes.length, edges: graph.edges.length });
      }),
      { numRuns: 1000 },
    );
  });

  it('renderGraphMermaidWithin: the whole text up to the limit, undefined one character past it', () => {
    const graph = buildLineage(entries(30));
    const whole = renderGraphMermaid(graph);
    expect(renderGraphMermaidWithin(graph, whole.length)).toBe(whole);
    expect(renderGraphMermaidWithin(graph, whole.length - 1)).toBeUndefined();
    expect(renderGraphMermaidWithin(graph, 100)).toBeUndefined();
  });
});

describe('export writes as it makes', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'mllm-align-stream-'));
  const dir = generateCatalogue(path.join(work, 'entries'), 600);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('batchChunks: pieces of at least the size asked for, the last one whatever is left, nothing lost', () => {
    const pieces = [...batchChunks(['ab', 'cd', 'e', 'fgh', 'i'], 4)];
    expect(pieces).toEqual(['abcd', 'efgh', 'i']);
    expect([...batchChunks([], 4)]).toEqual([]);
  });

  it.each(EXPORT_FORMATS.filter((f) => f !== 'html'))('--format %s: standard output in several writes, the bytes of renderExport; --output writes the same', async (format) => {
    let writes = 0;
    let out = '';
    const r = await runInMemory(['export', '--format', format, '--entries', dir, '--no-cache'], { stdout: (t) => void ((out += t), writes++) });
    expect(r.code).toBe(0);
    const { openCatalogue } = await import('../../src/open-catalogue.js');
    const opened = await openCatalogue({ ...(await import('../../src/cli/io.js')).processIo(), stderr: () => {} }, { entries: dir, cache: false });
    expect(out).toBe(await renderExport(format, opened.catalogue.entries, { catalogue: opened.catalogue.entries }));
    // 600 entries make more than one 64 kB piece in every streamed format; the LaTeX table comes whole.
    if (format === 'latex-table') expect(writes).toBe(1);
    else expect(writes).toBeGreaterThan(1);
    const file = path.join(work, `out.${format}`);
    const w = await runInMemory(['export', '--format', format, '--entries', dir, '--no-cache', '--output', file]);
    expect(w.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(out);
    const check = await runInMemory(['export', '--format', format, '--entries', dir, '--no-cache', '--output', file, '--check']);
    expect([check.code, check.stderr]).toEqual([0, `${file} is up to date (600 entries)\n`]);
  });

  it('a text that fails while it is made leaves the old file as it was and no temporary file', () => {
    const file = path.join(work, 'failing.bib');
    writeFileSync(file, 'old\n');
    function* failing(): Generator<string> {
      yield 'x'.repeat(100_000);
      throw new DataError('made up');
    }
    expect(() => writeOutput(file, failing(), 'failing.bib')).toThrow(new DataError('made up'));
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(work).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    writeOutput(file, ['new', ' text', '\n'], 'failing.bib');
    expect(readFileSync(file, 'utf8')).toBe('new text\n');
  });
});
