/**
 * The lineage graph: its shape (selection, --around, --depth), Graphviz rendering the DOT to SVG, a
 * Mermaid parser (@probelabs/maid) reading the Mermaid output and the block in the Markdown export.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validate as validateMermaid } from '@probelabs/maid';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../src/core/entry.js';
import { buildLineage, mermaidId, renderGraphDot, renderGraphMermaid } from '../src/render/graph.js';
import { FIXTURES, ROOT, runBinary, runInMemory } from './helpers.js';
import { itWithTools, runTool } from './tools.js';

const entry = (id: string, over: Partial<Entry> = {}): Entry => ({
  id,
  name: id.toUpperCase(),
  title: `${id} paper`,
  authors: ['Ada Lovelace'],
  year: 2023,
  category: 'converter',
  arxiv: '2301.00001',
  ...over,
});

// a ← b ← c ← d, b ← e; x stands alone; loop1 ⇄ loop2 (a catalogue never has a loop, but the graph must not hang on one).
const SMALL = [
  entry('a'),
  entry('b', { builds_on: ['a'], category: 'perceiver' }),
  entry('c', { builds_on: ['b'], year: 2024 }),
  entry('d', { builds_on: ['c'], year: 2025 }),
  entry('e', { builds_on: ['b', 'missing'], category: 'tool' }),
  entry('x'),
  entry('loop1', { builds_on: ['loop2'] }),
  entry('loop2', { builds_on: ['loop1'] }),
];

const ids = (g: ReturnType<typeof buildLineage>) => g.nodes.map((n) => n.id);
const links = (g: ReturnType<typeof buildLineage>) => g.edges.map((e) => `${e.builds_on}->${e.entry}`);

describe('buildLineage', () => {
  const cases: Array<[string, Parameters<typeof buildLineage>[1], string[], string[]]> = [
    ['every linked entry, none alone; by category, then year', {}, ['a', 'loop1', 'loop2', 'c', 'd', 'b', 'e'], ['a->b', 'loop1->loop2', 'loop2->loop1', 'c->d', 'b->c', 'b->e']],
    ['around c: ancestors and descendants, not their other relatives', { around: 'c' }, ['a', 'c', 'd', 'b'], ['a->b', 'c->d', 'b->c']],
    ['around b, depth 1', { around: 'b' , depth: 1 }, ['a', 'c', 'b', 'e'], ['a->b', 'b->c', 'b->e']],
    ['around a, depth 0: the entry alone', { around: 'a', depth: 0 }, ['a'], []],
    ['around an entry with no link', { around: 'x' }, ['x'], []],
    ['around a loop ends', { around: 'loop1' }, ['loop1', 'loop2'], ['loop1->loop2', 'loop2->loop1']],
  ];
  for (const [name, opts, wantIds, wantLinks] of cases) {
    it(name, () => {
      const g = buildLineage(SMALL, opts);
      expect(ids(g)).toEqual(wantIds);
      expect(links(g)).toEqual(wantLinks);
    });
  }

  it('Mermaid ids never clash, whatever the entry ids', () => {
    const names = ['a-b', 'a.b', 'a_b', 'a_2d_b', 'a b', 'A-B', 'end', 'graph'];
    expect(new Set(names.map((n) => mermaidId('n_', n))).size).toBe(names.length);
    for (const n of names) expect(mermaidId('n_', n)).toMatch(/^n_[A-Za-z0-9_]+$/);
  });
});

/** Entries whose names try to break out of a Mermaid or DOT label. */
const HOSTILE = [
  entry('h1', { name: 'Evil "quoted" #35; <b>bold</b> & `tick` | [x] {y} (z) end' }),
  entry('h2', { name: 'Back\\slash "\\" ;\n newline --> arrow', builds_on: ['h1'], category: 'data-driven' }),
  entry('h3', { name: 'subgraph end classDef', builds_on: ['h2'], category: 'tool' }),
];

function mermaidErrors(text: string): string[] {
  return validateMermaid(text).errors.filter((e) => e.severity === 'error').map((e) => `${e.line}:${e.column} ${e.message}`);
}

async function graphOf(dir: string, format: string): Promise<string> {
  const r = await runInMemory(['graph', '--entries', dir, '--format', format]);
  expect(r.code).toBe(0);
  return r.stdout;
}

const CATALOGUES: ReadonlyArray<[string, string]> = [
  ['the shipped catalogue', path.join(ROOT, 'entries')],
  ['the fixture catalogue', path.join(FIXTURES, 'catalogue')],
];

describe('Mermaid output parses', () => {
  it.each(CATALOGUES)('graph --format mermaid of %s', async (_label, dir) => {
    const text = await graphOf(dir, 'mermaid');
    expect(text.startsWith('flowchart LR\n')).toBe(true);
    expect(mermaidErrors(text)).toEqual([]);
  });

  it('hostile names stay inside their labels', () => {
    const text = renderGraphMermaid(buildLineage(HOSTILE));
    expect(mermaidErrors(text)).toEqual([]);
    // Three nodes, two links, whatever the names hold.
    expect(text.match(/^ {4}n_h\d\["/gm)).toHaveLength(3);
    expect(text.match(/-->/g)).toHaveLength(2);
  });

  it('the checker itself rejects what Mermaid rejects (an unescaped quote, an unclosed subgraph)', () => {
    const good = renderGraphMermaid(buildLineage(SMALL));
    expect(mermaidErrors(good)).toEqual([]);
    expect(mermaidErrors(good.replace('["A (2023)"]', '["A "2023""]'))).not.toEqual([]);
    expect(mermaidErrors(good.replace(/\n {2}end\n/, '\n'))).not.toEqual([]);
  });

  it.each(CATALOGUES)('the Markdown export of %s embeds the graph, and it parses', async (_label, dir) => {
    const r = await runInMemory(['export', '--entries', dir, '--format', 'markdown']);
    const block = /\n## Lineage\n[\s\S]*?\n```mermaid\n([\s\S]*?)\n```\n/.exec(r.stdout);
    expect(block).not.toBeNull();
    expect(block![1]! + '\n').toBe(await graphOf(dir, 'mermaid'));
    expect(mermaidErrors(block![1]!)).toEqual([]);
    expect(r.stdout).toContain('- [Lineage](#lineage)');
  });
});

describe('Graphviz renders the DOT output', () => {
  function render(dot: string): { svg: string; status: number | null; stderr: string } {
    const work = mkdtempSync(path.join(tmpdir(), 'mllm-align-graph-'));
    writeFileSync(path.join(work, 'lineage.dot'), dot);
    const r = runTool('dot', ['-Tsvg', 'lineage.dot', '-o', 'lineage.svg'], work);
    return { svg: r.status === 0 ? readFileSync(path.join(work, 'lineage.svg'), 'utf8') : '', status: r.status, stderr: r.stderr };
  }

  for (const [label, dir] of CATALOGUES) {
    itWithTools(['dot'], `dot -Tsvg draws every node and link of ${label}, without a warning`, async () => {
      const json = JSON.parse(await graphOf(dir, 'json')) as { nodes: unknown[]; edges: unknown[] };
      const r = render(await graphOf(dir, 'dot'));
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.svg.match(/<g id="node\d+" class="node">/g)).toHaveLength(json.nodes.length);
      expect(r.svg.match(/<g id="edge\d+" class="edge">/g)).toHaveLength(json.edges.length);
      expect(r.svg.match(/<g id="clust\d+" class="cluster">/g)!.length).toBeGreaterThan(0);
    });
  }

  itWithTools(['dot'], 'hostile names: three nodes, two links, labels kept whole', () => {
    const r = render(renderGraphDot(buildLineage(HOSTILE)));
    expect(r.stderr).toBe('');
    expect(r.svg.match(/<g id="node\d+" class="node">/g)).toHaveLength(3);
    expect(r.svg.match(/<g id="edge\d+" class="edge">/g)).toHaveLength(2);
    expect(r.svg).toContain('Evil &quot;quoted&quot; #35; &lt;b&gt;bold&lt;/b&gt; &amp; `tick` | [x] {y} (z) end (2023)');
  });
});

describe('graph snapshots (tests/fixtures/catalogue)', () => {
  it.each([
    ['mermaid', 'catalogue.mmd'],
    ['dot', 'catalogue.dot'],
    ['json', 'catalogue.json'],
  ])('--format %s', async (format, file) => {
    const text = await graphOf(path.join(FIXTURES, 'catalogue'), format);
    await expect(text).toMatchFileSnapshot(`__snapshots__/graph/${file}`);
    expect(await graphOf(path.join(FIXTURES, 'catalogue'), format)).toBe(text);
  });

  it('the order of the entries does not change the bytes', () => {
    const reversed = [...SMALL].reverse();
    expect(renderGraphMermaid(buildLineage(reversed))).toBe(renderGraphMermaid(buildLineage(SMALL)));
    expect(renderGraphDot(buildLineage(reversed))).toBe(renderGraphDot(buildLineage(SMALL)));
  });
});

describe('mllm-align graph (CLI)', () => {
  const CAT = path.join('tests', 'fixtures', 'catalogue');

  it('json: the nodes and links around llava', async () => {
    const r = await runInMemory(['graph', '--entries', CAT, '--around', 'llava', '--json']);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout) as { nodes: Array<{ id: string }>; edges: unknown[] };
    expect(g.nodes.map((n) => n.id)).toEqual(['llava', 'llava-1.5', 'llava-med']);
    expect(g.edges).toEqual([{ entry: 'llava-1.5', builds_on: 'llava' }, { entry: 'llava-med', builds_on: 'llava' }]);
  });

  it('the selection flags and query narrow the graph', async () => {
    const r = await runInMemory(['graph', '--entries', CAT, '--json', 'category:converter']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { edges: unknown[] }).edges).toEqual([{ entry: 'llava-1.5', builds_on: 'llava' }]);
  });

  const errors: Array<[string, string[], number, RegExp]> = [
    ['an unknown --around id exits 1 with a suggestion', ['--around', 'llav'], 1, /no entry "llav" in the catalogue; did you mean "llava"/],
    ['--around outside the selection exits 1', ['--around', 'llava', '--category', 'tool'], 1, /"llava" is not among the selected entries/],
    ['--depth without --around is a usage error', ['--depth', '2'], 2, /--depth applies with --around ID only/],
    ['a malformed --depth is a usage error', ['--around', 'llava', '--depth', '-1x'], 2, /--depth must be a whole number/],
    ['an unknown format is a usage error', ['--format', 'svg'], 2, /argument 'svg' is invalid/],
  ];
  for (const [name, args, code, message] of errors) {
    it(name, async () => {
      const r = await runInMemory(['graph', '--entries', CAT, ...args]);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(code);
    });
  }

  it('validate (binary) reports a builds_on loop as MA230 errors naming it in order, and exits 1', () => {
    const dir = path.join(FIXTURES, 'invalid', 'MA230-builds-on-loop');
    const r = runBinary(['validate', '--entries', dir], { cwd: dir });
    expect(r.stdout).toBe(
      'alpha.yaml:11:5: error builds_on forms a loop: "alpha" → "beta" → "gamma" → "alpha"; remove one of these links (MA230)\n' +
        'beta.yaml:12:5: error builds_on forms a loop: "beta" → "gamma" → "alpha" → "beta"; remove one of these links (MA230)\n' +
        'gamma.yaml:11:5: error builds_on forms a loop: "gamma" → "alpha" → "beta" → "gamma"; remove one of these links (MA230)\n',
    );
    expect(r.stderr).toBe('5 files checked: 3 errors, 0 warnings\n');
    expect(r.code).toBe(1);
  });

  it('the binary prints the Mermaid graph of the shipped catalogue', () => {
    const r = runBinary(['graph']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('n_llava --> n_llava_2d_1_2e_5');
  });
});

describe('the lineage graph as inline SVG (the web page)', () => {
  it('one linked node per graph node, one path per link, hostile names escaped', async () => {
    const { renderGraphSvg } = await import('../src/render/graph-svg.js');
    const { buildLineage } = await import('../src/render/graph.js');
    const entries = [
      { id: 'a', name: 'A<script>"&', title: 'A', authors: ['X Y'], year: 2023, category: 'converter' },
      { id: 'b', name: 'B', title: 'B', authors: ['X Y'], year: 2024, category: 'perceiver', builds_on: ['a'] },
      { id: 'c', name: 'C', title: 'C', authors: ['X Y'], year: 2024, category: 'tool', builds_on: ['b', 'a'] },
      { id: 'd', name: 'D', title: 'D', authors: ['X Y'], year: 2022, category: 'tool' },
    ];
    const svg = renderGraphSvg(buildLineage(entries));
    expect([...svg.matchAll(/<a href="#e-([^"]+)" data-go="\1">/g)].map((m) => m[1])).toEqual(['a', 'b', 'c']);
    expect(svg.match(/marker-end="url\(#lineage-arrow\)"/g)).toHaveLength(3);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('A&#60;script&#62;&#34;&#38;');
    expect(renderGraphSvg(buildLineage([entries[3]!]))).toBe('');
  });
});
