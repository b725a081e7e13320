/**
 * The catalogue as an awesome-list Markdown document: contents, counts, a Mermaid chart per category,
 * then one section per category and a table per subcategory. Output passes markdownlint (see
 * .markdownlint-cli2.jsonc for the one exception, line length in tables).
 */
import { sortEntries } from '../catalogue.js';
import type { Entry } from '../core/entry.js';
import { CATEGORIES, type Category } from '../core/taxonomy.js';
import { wrapWords } from '../core/text.js';
import { buildLineage, lineageSize, renderGraphMermaidWithin } from './graph.js';

export interface MarkdownOptions {
  /** The document's title. */
  title?: string;
}

export const MARKDOWN_TITLE = 'Multimodal LLM alignment catalogue';

/**
 * Every field of an entry the document reads. An export of the whole catalogue opens it keeping no
 * others (#13: the summaries, authors and tags of 10,000 entries, held to the end, were work for the
 * garbage collector); the type below makes the renderer read nothing else.
 */
export const MARKDOWN_FIELDS = ['id', 'name', 'title', 'year', 'category', 'subcategory', 'venue', 'arxiv', 'doi', 'url', 'code', 'builds_on'] as const;

/** What the document reads of an entry. */
export type MarkdownEntry = Pick<Entry, (typeof MARKDOWN_FIELDS)[number]>;

const WIDTH = 80;
/** An empty cell: markdownlint's MD060 wants one space either side of every pipe. */
const NONE = '—';

/**
 * What escapeMarkdown may change: whitespace other than single spaces between words, or a character
 * it may escape. Most names and titles have none and are returned as they are (#13).
 */
const MAY_ESCAPE_MARKDOWN = /[^\S ]| {2}|^ | $|[&<>\\`*_[\]|~$:@.]/;

/**
 * Text safe inside a Markdown table cell or link text: it can neither end the cell (`|`), start code,
 * emphasis, a link or GitHub's `$` math, nor become HTML or an autolink (a bare URL, www. name or
 * e-mail address: markdownlint's MD034, issue #12 item 21).
 */
export function escapeMarkdown(text: string): string {
  return MAY_ESCAPE_MARKDOWN.test(text) ? escapeMarkdownFully(text) : text;
}

/** escapeMarkdown without its shortcut for text that needs nothing: every replacement, always. */
export function escapeMarkdownFully(text: string): string {
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
export function paperUrl(entry: Pick<Entry, 'arxiv' | 'doi' | 'url'>): string | undefined {
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
  entries: MarkdownEntry[];
}

function otherHeading(category: Category): string {
  // Unique per category: markdownlint's MD024 forbids two headings with the same text.
  return `Other (${category.name})`;
}

/** The subsections of one category: its subcategories in taxonomy order, then "Other", the empty ones left out. */
function sectionsOf(category: Category, entries: readonly MarkdownEntry[]): Section[] {
  // The entries of each subcategory, in one pass; the rest (none, or one of another category) last.
  const bySubcategory = new Map<string | undefined, MarkdownEntry[]>(category.subcategories.map((s) => [s.id, []]));
  const other: MarkdownEntry[] = [];
  for (const e of entries) (bySubcategory.get(e.subcategory) ?? other).push(e);
  const sections: Section[] = category.subcategories.map((s) => ({
    heading: subcategoryHeading(s.id),
    description: s.description,
    entries: sortEntries(bySubcategory.get(s.id)!, 'year'),
  }));
  sections.push({ heading: otherHeading(category), description: 'Entries without a subcategory.', entries: sortEntries(other, 'year') });
  return sections.filter((s) => s.entries.length > 0);
}

const TABLE_HEAD = ['| Method | Paper | Venue | Year | Code |', '| --- | --- | --- | --- | --- |'];

function tableRow(e: MarkdownEntry): string {
  const venue = e.venue ? escapeMarkdown(e.venue) : e.arxiv ? 'arXiv' : NONE;
  const codeUrl = markdownUrl(e.code);
  const code = codeUrl ? `[code](${codeUrl})` : NONE;
  return `| ${escapeMarkdown(e.name)} | ${link(escapeMarkdown(e.title), paperUrl(e))} | ${venue} | ${e.year} | ${code} |`;
}

/** Rows of a table made at a time, so a large table is never one array of lines. */
const ROWS_AT_A_TIME = 1000;

function yearRange(entries: readonly MarkdownEntry[]): number[] {
  if (entries.length === 0) return [];
  let from = Infinity;
  let to = -Infinity;
  for (const e of entries) {
    if (e.year < from) from = e.year;
    if (e.year > to) to = e.year;
  }
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** How many of `entries` there are of each year in `years`, in one pass. */
function countByYear(entries: readonly MarkdownEntry[], years: readonly number[]): number[] {
  const counts = years.map(() => 0);
  const from = years[0] ?? 0;
  for (const e of entries) counts[e.year - from] = (counts[e.year - from] ?? 0) + 1;
  return counts;
}

/** A category's bar chart; `counts`: its entries per year of `years`. */
function chart(category: Category, counts: readonly number[], years: readonly number[]): string[] {
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

/**
 * The fewest characters a node takes in the Mermaid text: `    n_X["(0)"]` and its newline (an id of one
 * character, a label of a name that may be blank and a year). More nodes than MAX_MERMAID / this cannot
 * be drawn, so a large catalogue's graph is neither sorted nor written (#13).
 */
const MIN_NODE_TEXT = 15;

/** The lineage graph (builds_on) as a Mermaid flowchart GitHub draws, or a note when it is too big to draw. */
function lineageSection(entries: readonly MarkdownEntry[], size: { nodes: number; edges: number }): string[] {
  const mermaid = size.nodes * MIN_NODE_TEXT > MAX_MERMAID ? undefined : renderGraphMermaidWithin(buildLineage(entries), MAX_MERMAID);
  const intro = wrap(
    `Which method builds on which: ${plural(size.nodes, 'method')} and ${plural(size.edges, 'link')} ` +
      '(`builds_on`), coloured by category; an arrow points from a method to one that builds on it. ' +
      '`mllm-align graph` draws it, or the part around one method (`--around ID`), as Mermaid, DOT or JSON.',
  );
  if (mermaid === undefined) return ['## Lineage', '', intro, '', 'The graph is too large to draw here; run `mllm-align graph --format dot`.'];
  return ['## Lineage', '', intro, '', '```mermaid', ...mermaid.trimEnd().split('\n'), '```'];
}

/** Render entries as the catalogue document. */
export function renderMarkdown(entries: readonly MarkdownEntry[], opts: MarkdownOptions = {}): string {
  return [...markdownChunks(entries, opts)].join('');
}

/** renderMarkdown's document in pieces, a section or a part of a table at a time, so it can be written as it is made (#13). */
export function markdownChunks(entries: readonly MarkdownEntry[], opts: MarkdownOptions = {}): Generator<string, void, undefined> {
  return joinLines(markdownLines(entries, opts));
}

/**
 * The lines of groups of lines joined by newlines, as one `lines.join('\n')` of all of them would be,
 * with the newlines at the very end made one; a piece per group.
 */
function* joinLines(groups: Iterable<readonly string[]>): Generator<string, void, undefined> {
  let first = true;
  // Newlines at the end of what came so far: written only if more text follows, else made one.
  let held = '';
  for (const lines of groups) {
    if (lines.length === 0) continue;
    const text = held + (first ? '' : '\n') + lines.join('\n');
    first = false;
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
    held = text.slice(end);
    if (end > 0) yield text.slice(0, end);
  }
  if (held !== '') yield '\n';
}

/** The document's lines, in groups. */
function* markdownLines(entries: readonly MarkdownEntry[], opts: MarkdownOptions): Generator<string[], void, undefined> {
  const title = opts.title ?? MARKDOWN_TITLE;
  // The entries of each category, in one pass.
  const byCategory = new Map<string, MarkdownEntry[]>(CATEGORIES.map((c) => [c.id, []]));
  for (const e of entries) byCategory.get(e.category)?.push(e);
  const categories = CATEGORIES.map((c) => ({ category: c, entries: byCategory.get(c.id)! }))
    .filter((c) => c.entries.length > 0)
    .map((c) => ({ ...c, sections: sectionsOf(c.category, c.entries) }));
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
  const lineage = lineageSize(entries);
  if (lineage.edges > 0) out.push('- [Lineage](#lineage)');
  for (const { category, entries: own, sections } of categories) {
    out.push(`- [${category.name}](#${githubAnchor(category.name)}) (${own.length})`);
    for (const s of sections) out.push(`  - [${s.heading}](#${githubAnchor(s.heading)}) (${s.entries.length})`);
  }
  out.push('', '## Entries per year', '');
  if (years.length > 0) {
    const perYear = categories.map((c) => countByYear(c.entries, years));
    out.push(`| Year | ${categories.map((c) => c.category.name).join(' | ')} | Total |`);
    out.push(`| --- | ${categories.map(() => '---').join(' | ')} | --- |`);
    years.forEach((y, i) => {
      const counts = perYear.map((c) => c[i]!);
      out.push(`| ${y} | ${counts.join(' | ')} | ${counts.reduce((a, b) => a + b, 0)} |`);
    });
    out.push('');
    categories.forEach(({ category }, k) => out.push(...chart(category, perYear[k]!, years), ''));
  } else {
    out.push('No entries.', '');
  }
  if (lineage.edges > 0) out.push(...lineageSection(entries, lineage), '');
  yield out;
  for (const { category, entries: own, sections } of categories) {
    yield [`## ${category.name}`, '', wrap(`Survey v1 name: ${category.nameV1}. Category id: \`${category.id}\`. ${plural(own.length, 'entry', 'entries')}.`), '', wrap(category.description), ''];
    for (const s of sections) {
      yield [`### ${s.heading}`, '', wrap(s.description), '', ...TABLE_HEAD];
      for (let from = 0; from < s.entries.length; from += ROWS_AT_A_TIME) yield s.entries.slice(from, from + ROWS_AT_A_TIME).map(tableRow);
      yield [''];
    }
  }
}
