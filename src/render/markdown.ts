/**
 * The catalogue as an awesome-list Markdown document: contents, counts, a Mermaid chart per category,
 * then one section per category and a table per subcategory. Output passes markdownlint (see
 * .markdownlint-cli2.jsonc for the one exception, line length in tables).
 */
import { sortEntries } from '../catalogue.js';
import type { Entry } from '../core/entry.js';
import { CATEGORIES, type Category } from '../core/taxonomy.js';
import { wrapWords } from '../core/text.js';
import { buildLineage, renderGraphMermaid } from './graph.js';

export interface MarkdownOptions {
  /** The document's title. */
  title?: string;
}

export const MARKDOWN_TITLE = 'Multimodal LLM alignment catalogue';
const WIDTH = 80;
/** An empty cell: markdownlint's MD060 wants one space either side of every pipe. */
const NONE = '—';

/**
 * Text safe inside a Markdown table cell or link text: it can neither end the cell (`|`), start code,
 * emphasis, a link or GitHub's `$` math, nor become HTML or an autolink (a bare URL, www. name or
 * e-mail address: markdownlint's MD034, issue #12 item 21).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`)
    .replace(/:(?=\/\/)|@|(?<=[\p{L}\p{N}])\.(?=\p{L}{2})/gu, (c) => `\\${c}`);
}

/** A URL safe as a Markdown link target, or undefined when it is not http(s). */
export function markdownUrl(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\/\S+$/.test(url)) return undefined;
  return url.replace(/[()<>[\]{}|`\\"' ]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** The anchor GitHub gives a heading (and markdownlint's MD051 checks). */
export function githubAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/ /g, '-');
}

/** A subcategory id as a heading: `in-llm-expert` -> `In-LLM expert`. */
export function subcategoryHeading(id: string): string {
  const words = id.split('-').map((w) => (w === 'lm' || w === 'llm' ? w.toUpperCase() : w));
  const text = words.join(' ').replace(/^in LLM/, 'in-LLM');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The page a paper's title links to: its arXiv page, else its DOI, else its url. */
export function paperUrl(entry: Entry): string | undefined {
  if (entry.arxiv) return `https://arxiv.org/abs/${entry.arxiv}`;
  if (entry.doi) return `https://doi.org/${entry.doi}`;
  return entry.url;
}

function link(text: string, url: string | undefined): string {
  const safe = markdownUrl(url);
  return safe ? `[${text}](${safe})` : text;
}

/** Prose wrapped to the document's width. */
function wrap(text: string, width = WIDTH): string {
  return wrapWords(text, width).join('\n');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

interface Section {
  heading: string;
  description: string;
  entries: Entry[];
}

function otherHeading(category: Category): string {
  // Unique per category: markdownlint's MD024 forbids two headings with the same text.
  return `Other (${category.name})`;
}

/** The subsections of one category: its subcategories in taxonomy order, then "Other", the empty ones left out. */
function sectionsOf(category: Category, entries: readonly Entry[]): Section[] {
  const sections: Section[] = category.subcategories.map((s) => ({
    heading: subcategoryHeading(s.id),
    description: s.description,
    entries: sortEntries(entries.filter((e) => e.subcategory === s.id), 'year'),
  }));
  const known = new Set(category.subcategories.map((s) => s.id));
  sections.push({
    heading: otherHeading(category),
    description: 'Entries without a subcategory.',
    entries: sortEntries(entries.filter((e) => e.subcategory === undefined || !known.has(e.subcategory)), 'year'),
  });
  return sections.filter((s) => s.entries.length > 0);
}

function table(entries: readonly Entry[]): string[] {
  const rows = entries.map((e) => {
    const venue = e.venue ? escapeMarkdown(e.venue) : e.arxiv ? 'arXiv' : NONE;
    const code = markdownUrl(e.code) ? link('code', e.code) : NONE;
    const cells = [escapeMarkdown(e.name), link(escapeMarkdown(e.title), paperUrl(e)), venue, String(e.year), code];
    return `| ${cells.join(' | ')} |`;
  });
  return ['| Method | Paper | Venue | Year | Code |', '| --- | --- | --- | --- | --- |', ...rows];
}

function yearRange(entries: readonly Entry[]): number[] {
  if (entries.length === 0) return [];
  const years = entries.map((e) => e.year);
  const from = Math.min(...years);
  const to = Math.max(...years);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function chart(category: Category, entries: readonly Entry[], years: readonly number[]): string[] {
  const counts = years.map((y) => entries.filter((e) => e.category === category.id && e.year === y).length);
  const max = Math.max(1, ...counts);
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${category.name}: entries per year"`,
    `  x-axis [${years.join(', ')}]`,
    `  y-axis "Entries" 0 --> ${max}`,
    `  bar [${counts.join(', ')}]`,
    '```',
  ];
}

/** GitHub draws no Mermaid diagram over 50 000 characters; past this a note stands in for the graph. */
const MAX_MERMAID = 40_000;

/** The lineage graph (builds_on) as a Mermaid flowchart GitHub draws, or a note when it is too big to draw. */
function lineageSection(lineage: ReturnType<typeof buildLineage>): string[] {
  const mermaid = renderGraphMermaid(lineage);
  const intro = wrap(
    `Which method builds on which: ${plural(lineage.nodes.length, 'method')} and ${plural(lineage.edges.length, 'link')} ` +
      '(`builds_on`), coloured by category; an arrow points from a method to one that builds on it. ' +
      '`mllm-align graph` draws it, or the part around one method (`--around ID`), as Mermaid, DOT or JSON.',
  );
  if (mermaid.length > MAX_MERMAID) return ['## Lineage', '', intro, '', 'The graph is too large to draw here; run `mllm-align graph --format dot`.'];
  return ['## Lineage', '', intro, '', '```mermaid', ...mermaid.trimEnd().split('\n'), '```'];
}

/** Render entries as the catalogue document. */
export function renderMarkdown(entries: readonly Entry[], opts: MarkdownOptions = {}): string {
  const title = opts.title ?? MARKDOWN_TITLE;
  const categories = CATEGORIES.map((c) => ({ category: c, entries: entries.filter((e) => e.category === c.id) })).filter(
    (c) => c.entries.length > 0,
  );
  const years = yearRange(entries);
  const out: string[] = [
    '<!-- Generated by mllm-align export --format markdown: do not edit. -->',
    '',
    `# ${escapeMarkdown(title)}`,
    '',
  ];
  const span = years.length ? `, ${years[0]} to ${years[years.length - 1]}` : '';
  out.push(
    wrap(
      `${plural(entries.length, 'method')} in ${plural(categories.length, 'category', 'categories')}${span}, ` +
        'grouped as in the survey "How to Bridge the Gap between Modalities" (Song et al., arXiv 2311.07594).',
    ),
    '',
    '## Contents',
    '',
    '- [Entries per year](#entries-per-year)',
  );
  const lineage = buildLineage(entries);
  if (lineage.edges.length > 0) out.push('- [Lineage](#lineage)');
  for (const { category, entries: own } of categories) {
    out.push(`- [${category.name}](#${githubAnchor(category.name)}) (${own.length})`);
    for (const s of sectionsOf(category, own)) out.push(`  - [${s.heading}](#${githubAnchor(s.heading)}) (${s.entries.length})`);
  }
  out.push('', '## Entries per year', '');
  if (years.length > 0) {
    out.push(`| Year | ${categories.map((c) => c.category.name).join(' | ')} | Total |`);
    out.push(`| --- | ${categories.map(() => '---').join(' | ')} | --- |`);
    for (const y of years) {
      const counts = categories.map((c) => c.entries.filter((e) => e.year === y).length);
      out.push(`| ${y} | ${counts.join(' | ')} | ${counts.reduce((a, b) => a + b, 0)} |`);
    }
    out.push('');
    for (const { category } of categories) out.push(...chart(category, entries, years), '');
  } else {
    out.push('No entries.', '');
  }
  if (lineage.edges.length > 0) out.push(...lineageSection(lineage), '');
  for (const { category, entries: own } of categories) {
    out.push(`## ${category.name}`, '');
    out.push(wrap(`Survey v1 name: ${category.nameV1}. Category id: \`${category.id}\`. ${plural(own.length, 'entry', 'entries')}.`), '');
    out.push(wrap(category.description), '');
    for (const s of sectionsOf(category, own)) {
      out.push(`### ${s.heading}`, '', wrap(s.description), '', ...table(s.entries), '');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}
