/**
 * The lineage graph: which method builds on which (`builds_on`), grouped and coloured by category,
 * as Mermaid (a flowchart GitHub draws), Graphviz DOT or JSON. Arrows point from a method to the
 * methods that build on it, so the graph reads forward in time.
 */
import { sortEntries } from '../catalogue.js';
import type { Entry } from '../core/entry.js';
import { CATEGORIES } from '../core/taxonomy.js';

export const GRAPH_FORMATS = ['mermaid', 'dot', 'json'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** A link: `entry` builds on `builds_on`; drawn as an arrow from `builds_on` to `entry`. */
export interface LineageEdge {
  entry: string;
  builds_on: string;
}

/** What the lineage graph reads of an entry. */
export type LineageEntry = Pick<Entry, 'id' | 'name' | 'year' | 'category' | 'subcategory' | 'builds_on'>;

export interface LineageGraph {
  /** In category order, then by year and name. */
  nodes: LineageEntry[];
  edges: LineageEdge[];
}

export interface LineageOptions {
  /** Only this entry's ancestors and descendants (and itself). */
  around?: string;
  /** With `around`: at most this many links away (default: no limit). */
  depth?: number;
}

/** Fill and line colour of each category, light enough for black text, distinct in grey too. */
export const CATEGORY_COLOURS: Readonly<Record<string, { fill: string; line: string }>> = {
  converter: { fill: '#dbeafe', line: '#1d4ed8' },
  perceiver: { fill: '#dcfce7', line: '#15803d' },
  tool: { fill: '#fef3c7', line: '#b45309' },
  'data-driven': { fill: '#f3e8ff', line: '#7e22ce' },
};
const OTHER_COLOUR = { fill: '#f1f5f9', line: '#475569' };

const colourOf = (category: string) => CATEGORY_COLOURS[category] ?? OTHER_COLOUR;

/** Ids reached from `start` by `next` in at most `depth` steps (breadth-first; loops cannot trap it). */
function reach(start: string, next: (id: string) => readonly string[], depth: number): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const following: string[] = [];
    for (const id of frontier) {
      for (const n of next(id)) {
        if (!seen.has(n)) {
          seen.add(n);
          following.push(n);
        }
      }
    }
    frontier = following;
  }
  return seen;
}

/**
 * The graph of `entries`' links among themselves. Without `around`, entries with no link in the
 * selection are left out; with it, the entry, its ancestors and its descendants (not their other
 * relatives) up to `depth` links away.
 */
export function buildLineage(entries: readonly LineageEntry[], opts: LineageOptions = {}): LineageGraph {
  const { byId, parents, children } = linksOf(entries);
  let keep: Set<string>;
  if (opts.around !== undefined) {
    const depth = opts.depth ?? Infinity;
    const up = reach(opts.around, (id) => parents.get(id) ?? [], depth);
    const down = reach(opts.around, (id) => children.get(id) ?? [], depth);
    keep = new Set([...up, ...down].filter((id) => byId.has(id)));
  } else {
    keep = new Set([...parents.keys(), ...children.keys()]);
  }
  const categoryRank = new Map(CATEGORIES.map((c, i) => [c.id, i]));
  const rank = (e: LineageEntry) => categoryRank.get(e.category) ?? CATEGORIES.length;
  const nodes = sortEntries(entries.filter((e) => keep.has(e.id)), 'year').sort((a, b) => rank(a) - rank(b));
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const edges: LineageEdge[] = [];
  for (const n of nodes) {
    for (const t of parents.get(n.id) ?? []) if (keep.has(t)) edges.push({ entry: n.id, builds_on: t });
  }
  edges.sort((a, b) => order.get(a.builds_on)! - order.get(b.builds_on)! || order.get(a.entry)! - order.get(b.entry)!);
  return { nodes, edges };
}

/**
 * How many nodes and links buildLineage(entries) has (without `around`), without sorting or listing
 * them: enough to tell that a graph is too big to draw (#13).
 */
export function lineageSize(entries: readonly LineageEntry[]): { nodes: number; edges: number } {
  const ids = new Set(entries.map((e) => e.id));
  // As linksOf, but counting: how many parents each id has, and which ids have a link at all.
  const parentCount = new Map<string, number>();
  const linked = new Set<string>();
  for (const e of entries) {
    const targets = e.builds_on;
    if (targets === undefined) continue;
    let count = 0;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!;
      if (t === e.id || !ids.has(t) || targets.indexOf(t) < i) continue;
      count++;
      linked.add(t);
    }
    if (count === 0) continue;
    parentCount.set(e.id, (parentCount.get(e.id) ?? 0) + count);
    linked.add(e.id);
  }
  let nodes = 0;
  let edges = 0;
  for (const e of entries) {
    if (!linked.has(e.id)) continue;
    nodes++;
    edges += parentCount.get(e.id) ?? 0;
  }
  return { nodes, edges };
}

/** The links among `entries`: each id's parents (what it builds on) and children, in entry order. */
function linksOf(entries: readonly LineageEntry[]): { byId: Map<string, LineageEntry>; parents: Map<string, string[]>; children: Map<string, string[]> } {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const e of entries) {
    for (const t of new Set(e.builds_on ?? [])) {
      if (t === e.id || !byId.has(t)) continue;
      // Pushed, not copied: a method many build on would make copying quadratic (#13).
      const up = parents.get(e.id);
      if (up) up.push(t);
      else parents.set(e.id, [t]);
      const down = children.get(t);
      if (down) down.push(e.id);
      else children.set(t, [e.id]);
    }
  }
  return { byId, parents, children };
}

/** The groups of a graph: each category with nodes, in taxonomy order, then any unknown category. */
function groups(graph: LineageGraph): Array<{ id: string; name: string; nodes: LineageEntry[] }> {
  const known = CATEGORIES.map((c) => ({ id: c.id, name: c.name, nodes: graph.nodes.filter((n) => n.category === c.id) }));
  const ids = new Set(CATEGORIES.map((c) => c.id));
  const other = graph.nodes.filter((n) => !ids.has(n.category));
  return [...known, { id: 'other', name: 'Other', nodes: other }].filter((g) => g.nodes.length > 0);
}

/** A Mermaid id for any string: letters and digits kept, anything else as `_hex_`, so ids never clash. */
export function mermaidId(prefix: string, id: string): string {
  return prefix + id.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}

/**
 * Text inside a quoted Mermaid label: one line, and the characters Mermaid reads specially (quotes,
 * `#` that starts an entity, `<`/`>`/`&` that could become HTML, backticks that start Markdown strings,
 * braces that Mermaid may read as a shape)
 * written as entity codes.
 */
export function mermaidLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[#"<>&`{}]/g, (c) => `#${c.codePointAt(0)};`);
}

/** Whether an entry's text is drawn with a year, as "LLaVA (2023)". */
const label = (e: LineageEntry) => `${e.name} (${e.year})`;

/** The graph as a Mermaid flowchart: one subgraph per category, a class (colour) per category. */
export function renderGraphMermaid(graph: LineageGraph): string {
  return renderGraphMermaidWithin(graph, Infinity)!;
}

/**
 * renderGraphMermaid, or undefined as soon as the text would be longer than `maxLength` characters:
 * a graph too big to draw is not written out only to be thrown away (#13).
 */
export function renderGraphMermaidWithin(graph: LineageGraph, maxLength: number): string | undefined {
  const out = ['flowchart LR'];
  // The length of out.join('\n') + '\n' so far.
  let length = out[0]!.length + 1;
  const push = (line: string): boolean => {
    out.push(line);
    length += line.length + 1;
    return length <= maxLength;
  };
  const all = groups(graph);
  for (const g of all) {
    const c = colourOf(g.id);
    if (!push(`  classDef ${mermaidId('c_', g.id)} fill:${c.fill},stroke:${c.line},color:#0f172a`)) return undefined;
  }
  for (const g of all) {
    if (!push(`  subgraph ${mermaidId('g_', g.id)}["${mermaidLabel(g.name)}"]`)) return undefined;
    for (const n of g.nodes) if (!push(`    ${mermaidId('n_', n.id)}["${mermaidLabel(label(n))}"]`)) return undefined;
    if (!push('  end')) return undefined;
  }
  for (const e of graph.edges) if (!push(`  ${mermaidId('n_', e.builds_on)} --> ${mermaidId('n_', e.entry)}`)) return undefined;
  for (const g of all) if (!push(`  class ${g.nodes.map((n) => mermaidId('n_', n.id)).join(',')} ${mermaidId('c_', g.id)}`)) return undefined;
  return out.join('\n') + '\n';
}

/** A DOT double-quoted string: backslashes and quotes escaped, one line. */
export function dotString(text: string): string {
  return `"${text.replace(/\s+/g, ' ').trim().replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The graph as Graphviz DOT: one cluster per category, nodes filled with its colour. */
export function renderGraphDot(graph: LineageGraph): string {
  const out = [
    '// Generated by mllm-align graph --format dot: do not edit. Render with: dot -Tsvg lineage.dot -o lineage.svg',
    'digraph lineage {',
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=12, nodesep=0.15, ranksep=0.5];',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10, margin="0.08,0.03"];',
    '  edge [color="#64748b", arrowsize=0.6];',
  ];
  for (const g of groups(graph)) {
    const c = colourOf(g.id);
    out.push(`  subgraph ${dotString(`cluster_${g.id}`)} {`);
    out.push(`    label=${dotString(g.name)}; style="rounded"; color="${c.line}"; fontcolor="${c.line}";`);
    for (const n of g.nodes) out.push(`    ${dotString(n.id)} [label=${dotString(label(n))}, fillcolor="${c.fill}", color="${c.line}"];`);
    out.push('  }');
  }
  for (const e of graph.edges) out.push(`  ${dotString(e.builds_on)} -> ${dotString(e.entry)};`);
  out.push('}');
  return out.join('\n') + '\n';
}

/** The graph as JSON: nodes (id, name, year, category, subcategory) and links (`entry` builds on `builds_on`). */
export function renderGraphJson(graph: LineageGraph): string {
  const nodes = graph.nodes.map((n) => ({ id: n.id, name: n.name, year: n.year, category: n.category, ...(n.subcategory ? { subcategory: n.subcategory } : {}) }));
  return JSON.stringify({ nodes, edges: graph.edges }, null, 2) + '\n';
}

/** The graph in one format. */
export function renderGraph(format: GraphFormat, graph: LineageGraph): string {
  if (format === 'mermaid') return renderGraphMermaid(graph);
  if (format === 'dot') return renderGraphDot(graph);
  return renderGraphJson(graph);
}
