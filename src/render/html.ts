/**
 * The HTML export (#14): one self-contained page (inline CSS, script and data; no request to any
 * network) to browse and search the catalogue. The script is src/web/app.ts, bundled ahead of time
 * into src/generated/web-app.js by `npm run gen:web`; the charts are drawn here as inline SVG.
 */
import { sortEntries } from '../catalogue.js';
import type { Entry } from '../core/entry.js';
import { CATEGORIES } from '../core/taxonomy.js';
import { WEB_APP } from '../generated/web-app.js';
import type { PageData } from '../web/page-data.js';
import { assignCitekeys } from '../cite/keys.js';
import { renderBibtexRecord } from './bibtex.js';
import { escapeHtml } from './escape-html.js';
import { buildLineage } from './graph.js';
import { renderGraphSvg } from './graph-svg.js';

export interface HtmlOptions {
  /** The whole catalogue, so BibTeX keys are the ones `show --format bibtex` prints; defaults to `entries`. */
  catalogue?: readonly Entry[];
}

/** JSON that cannot end the script element it sits in, whatever a title holds. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Script text that cannot close its element early. */
function scriptText(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** A horizontal bar chart as inline SVG, with a title and a text alternative. */
export function renderBarChart(id: string, title: string, rows: ReadonlyArray<{ label: string; count: number }>): string {
  const rowHeight = 22;
  const labelWidth = 110;
  const barWidth = 220;
  const height = rows.length * rowHeight + 8;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const description = rows.map((r) => `${r.label}: ${r.count}`).join(', ');
  const bars = rows
    .map((r, i) => {
      const y = i * rowHeight + 4;
      const w = Math.max(r.count > 0 ? 2 : 0, Math.round((r.count / max) * barWidth));
      return `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(r.label)}</text><rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" rx="2"></rect><text x="${labelWidth + w + 6}" y="${y + 15}">${r.count}</text>`;
    })
    .join('');
  return `<figure class="chart"><figcaption id="${id}-title">${escapeHtml(title)}</figcaption><svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${labelWidth + barWidth + 50} ${height}" width="100%" preserveAspectRatio="xMinYMin meet"><desc id="${id}-desc">${escapeHtml(description)}</desc>${bars}</svg></figure>`;
}

const CSS = `
:root{--fg:#1f2937;--muted:#4b5563;--link:#1d4ed8;--bg:#fff;--panel:#f3f4f6;--line:#d1d5db;--focus:#b45309;--bar:#1d4ed8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem}
.skip:focus{left:.5rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header,footer{padding:1rem 1.25rem;background:var(--panel);border-bottom:1px solid var(--line)}
footer{border-top:1px solid var(--line);border-bottom:0;color:var(--muted);font-size:.9rem}
h1{margin:0 0 .25rem;font-size:1.5rem}
header p{margin:0;color:var(--muted)}
.layout{display:grid;grid-template-columns:17rem 1fr;gap:1.5rem;padding:1rem 1.25rem;max-width:80rem;margin:0 auto}
.search label{font-weight:600;display:block;margin-bottom:.25rem}
.search input{width:100%;font:inherit;padding:.5rem .6rem;border:2px solid var(--muted);border-radius:4px}
.search .hint{color:var(--muted);font-size:.9rem;margin:.25rem 0}
.search .hint code{background:var(--panel);padding:0 .2rem}
#q-error{color:#b91c1c;font-weight:600;margin:.25rem 0}
fieldset{border:1px solid var(--line);border-radius:4px;margin:0 0 1rem;padding:.5rem .75rem;max-height:16rem;overflow:auto}
legend{font-weight:600;padding:0 .25rem}
fieldset ul{list-style:none;margin:0;padding:0}
fieldset li{display:flex;gap:.4rem;align-items:baseline;padding:.1rem 0}
fieldset input{width:1.1rem;height:1.1rem;flex:none}
.count{color:var(--muted)}
.empty{color:var(--muted)}
button{font:inherit;padding:.3rem .75rem;border:2px solid var(--link);border-radius:4px;background:var(--bg);color:var(--link);cursor:pointer;min-height:2.25rem}
button:disabled{border-color:var(--line);color:var(--muted);cursor:default}
#status{font-weight:600;margin:.5rem 0}
.entry{border-top:1px solid var(--line);padding:.75rem 0}
.entry h3{margin:0;font-size:1.15rem}
.entry .year{color:var(--muted);font-weight:400}
.entry p{margin:.2rem 0}
.entry .authors,.entry .meta{color:var(--muted);font-size:.95rem}
.entry .actions{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
.lineage .label{font-weight:600}
details summary{cursor:pointer;color:var(--link);width:max-content}
details.filters>summary{font-weight:600;margin:.5rem 0}
nav.pager{display:flex;gap:1rem;align-items:center;margin:1rem 0}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem;margin-bottom:1rem}
figure.chart{margin:0;background:var(--panel);padding:.5rem;border-radius:4px}
figcaption{font-weight:600}
svg text{font-size:12px;fill:var(--fg)}
svg rect{fill:var(--bar)}
.lineage-box{overflow:auto;max-height:36rem;background:var(--panel);border-radius:4px;padding:.5rem;margin-bottom:1rem}
svg.lineage-graph text{font-size:11px}
svg.lineage-graph .edges path{fill:none;stroke:var(--muted);stroke-width:1.2}
svg.lineage-graph marker path{fill:var(--muted);stroke:none}
svg.lineage-graph a:focus-visible rect{stroke-width:3;outline:none}
@media (max-width:48rem){.layout{grid-template-columns:1fr;padding:.75rem}fieldset{max-height:10rem}}
`;

/** The page for these entries. */
export function renderHtml(entries: readonly Entry[], opts: HtmlOptions = {}): string {
  const keys = assignCitekeys(opts.catalogue ?? entries);
  // The order `filter` prints: year, then name.
  const sorted = sortEntries(entries, 'year');
  const data: PageData = {
    entries: sorted.map((e) => {
      const copy = { ...e };
      delete copy.sources;
      return copy;
    }),
    bibtex: sorted.map((e) => renderBibtexRecord(e, keys.get(e.id)!)),
    categories: CATEGORIES.map((c) => ({ id: c.id, name: c.name, subcategories: c.subcategories.map((s) => s.id) })),
  };
  const years = [...new Set(sorted.map((e) => e.year))].sort((a, b) => a - b);
  const yearChart = renderBarChart('chart-year', 'Entries per year', years.map((y) => ({ label: String(y), count: sorted.filter((e) => e.year === y).length })));
  const categoryChart = renderBarChart('chart-category', 'Entries per category', CATEGORIES.map((c) => ({ label: c.id, count: sorted.filter((e) => e.category === c.id).length })));
  // The same graph as \`mllm-align graph\` and CATALOGUE.md's Lineage section, drawn inline (#15).
  const graph = renderGraphSvg(buildLineage(sorted));
  const lineage = graph
    ? `<details class="lineage-section" id="lineage"><summary>Lineage: which method builds on which</summary><div class="lineage-box">${graph}</div></details>`
    : '';
  const facet = (id: string, legend: string) => `<fieldset><legend>${legend}</legend><ul id="facet-${id}"></ul></fieldset>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="mllm-align export --format html">
<title>Multimodal LLM alignment methods: the mllm-align catalogue</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#results-heading">Skip to the results</a>
<header>
<h1>How multimodal LLMs align other modalities with a language model</h1>
<p>${sorted.length} methods from the mllm-align catalogue, after the survey of Song et al. (arXiv 2311.07594).</p>
</header>
<div class="layout">
<aside aria-label="Search and filters">
<div class="search" role="search">
<label for="q">Search</label>
<input id="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="q-hint q-error">
<p id="q-hint" class="hint">The query language of <code>mllm-align filter</code>, e.g. <code>modality:video year&gt;=2024 -has:code "instruction tuning"</code>.</p>
<p id="q-error" role="alert"></p>
</div>
<details class="filters" id="filters" open>
<summary>Filters</summary>
${facet('category', 'Category')}${facet('subcategory', 'Sub-group')}${facet('modality', 'Modality')}${facet('year', 'Year')}${facet('venue', 'Venue')}
</details>
<button type="button" id="clear">Clear search and filters</button>
</aside>
<main>
<section class="charts" aria-label="Charts">${yearChart}${categoryChart}</section>
${lineage}
<h2 id="results-heading">Methods</h2>
<p id="status" role="status" tabindex="-1"></p>
<noscript><p>Searching and listing the methods needs JavaScript; CATALOGUE.md has the same list as a document.</p></noscript>
<div id="results"></div>
<nav class="pager" id="pager" aria-label="Pages of results"><button type="button" id="prev">Previous page</button><span id="page"></span><button type="button" id="next">Next page</button></nav>
<p id="announce" class="visually-hidden" role="status"></p>
</main>
</div>
<footer>Generated by <code>mllm-align export --format html</code>. One file: it works offline and from any folder.</footer>
<script type="application/json" id="catalogue-data">${scriptJson(data)}</script>
<script>${scriptText(WEB_APP)}</script>
</body>
</html>
`;
}
