/**
 * The lineage graph as inline SVG, for the web page: a column per year, nodes coloured by category
 * and linked to their entries, an arrow from each method to the methods that build on it. No layout
 * library and no script: the page must work offline and from file://.
 */
import { CATEGORIES } from '../core/taxonomy.js';
import { escapeHtml } from './escape-html.js';
import { CATEGORY_COLOURS, type LineageEntry, type LineageGraph } from './graph.js';

const NODE_W = 168;
const NODE_H = 22;
const COL_GAP = 56;
const ROW_GAP = 8;
const TOP = 34;
const LEFT = 8;
/** Characters of a name shown in a node; the whole name is in the link's title. */
const MAX_LABEL = 24;

/** Text for SVG content and attributes: the same escaping as the page around it. */
const escapeXml = escapeHtml;

function cut(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** Where each node stands: its year's column, stacked by category then year order. */
function layout(graph: LineageGraph): { at: Map<string, { x: number; y: number }>; years: number[]; height: number } {
  const years = [...new Set(graph.nodes.map((n) => n.year))].sort((a, b) => a - b);
  const column = new Map(years.map((y, i) => [y, i]));
  const rows = new Map<number, number>();
  const at = new Map<string, { x: number; y: number }>();
  // graph.nodes come in category order, then year and name: that order is kept within a column.
  for (const n of graph.nodes) {
    const c = column.get(n.year)!;
    const r = rows.get(c) ?? 0;
    rows.set(c, r + 1);
    at.set(n.id, { x: LEFT + c * (NODE_W + COL_GAP), y: TOP + r * (NODE_H + ROW_GAP) });
  }
  const tallest = Math.max(0, ...rows.values());
  return { at, years, height: TOP + tallest * (NODE_H + ROW_GAP) + 8 };
}

/** The path of a link from the parent's right side to the child's left side (or back round, in one column). */
function edgePath(from: { x: number; y: number }, to: { x: number; y: number }): string {
  const y1 = from.y + NODE_H / 2;
  const y2 = to.y + NODE_H / 2;
  if (to.x > from.x) {
    const x1 = from.x + NODE_W;
    const mid = (x1 + to.x) / 2;
    return `M${x1} ${y1}C${mid} ${y1} ${mid} ${y2} ${to.x - 4} ${y2}`;
  }
  const x = from.x + NODE_W;
  const bulge = x + Math.min(COL_GAP - 8, 12 + Math.abs(y2 - y1) / 8);
  return `M${x} ${y1}C${bulge} ${y1} ${bulge} ${y2} ${x + 4} ${y2}`;
}

/** A node: a link to the entry's place on the page (`data-go`, as the lineage links in the rows). */
function node(n: LineageEntry, p: { x: number; y: number }): string {
  const c = CATEGORY_COLOURS[n.category] ?? { fill: '#f1f5f9', line: '#475569' };
  const id = escapeXml(n.id);
  return (
    `<a href="#e-${id}" data-go="${id}"><title>${escapeXml(`${n.name} (${n.year}), ${n.category}`)}</title>` +
    // Inline styles: the page's own rules for chart bars and text must not recolour the nodes.
    `<rect x="${p.x}" y="${p.y}" width="${NODE_W}" height="${NODE_H}" rx="4" style="fill:${c.fill};stroke:${c.line}"/>` +
    `<text x="${p.x + 6}" y="${p.y + 15}" style="fill:#0f172a">${escapeXml(cut(n.name))}</text></a>`
  );
}

/** The graph as one `<svg>` element, or an empty string when it has no node. */
export function renderGraphSvg(graph: LineageGraph, titleId = 'lineage-svg-title'): string {
  if (graph.nodes.length === 0) return '';
  const { at, years, height } = layout(graph);
  const width = LEFT * 2 + years.length * NODE_W + (years.length - 1) * COL_GAP;
  const heads = years.map((y, i) => `<text class="year" x="${LEFT + i * (NODE_W + COL_GAP)}" y="18">${y}</text>`).join('');
  const edges = graph.edges
    .map((e) => `<path d="${edgePath(at.get(e.builds_on)!, at.get(e.entry)!)}" marker-end="url(#lineage-arrow)"/>`)
    .join('');
  const nodes = graph.nodes.map((n) => node(n, at.get(n.id)!)).join('');
  const legend = CATEGORIES.map((c) => c.name).join(', ');
  return (
    `<svg class="lineage-graph" role="group" aria-labelledby="${titleId}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title id="${titleId}">Which method builds on which: ${graph.nodes.length} methods, ${graph.edges.length} links, a column per year, coloured by category (${escapeXml(legend)})</title>` +
    '<defs><marker id="lineage-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L8 4L0 8z"/></marker></defs>' +
    `${heads}<g class="edges">${edges}</g><g class="nodes">${nodes}</g></svg>`
  );
}
