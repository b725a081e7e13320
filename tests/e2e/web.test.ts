/**
 * The HTML export in a real browser (#14): Debian's chromium driven by playwright-core (never a
 * downloaded browser). The page is exported by the built binary from the shipped catalogue and opened
 * from file:// with every other request refused and recorded. The tests type queries and compare the
 * rows with `filter --format ids`, click facets and compare counts with `filter --format count`,
 * follow a lineage link, copy a BibTeX record and compare it with `show --format bibtex`, work the
 * page with the keyboard alone, run axe-core (WCAG 2 A/AA), look at it on a phone, and save
 * screenshots under test-results/. With 10,000 and 50,000 entries they check paging and measure a
 * query's update time as a ratio to an empty query's (reported, not a timed assertion).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { CATEGORIES, MODALITY_IDS } from '../../src/core/taxonomy.js';
import { renderHtml } from '../../src/render/html.js';
import { ROOT, runBinary } from '../helpers.js';
import { hasTool } from '../tools.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(ROOT, 'test-results', 'web');
const available = hasTool('chromium');
if (!available && process.env.CI) throw new Error('chromium is not installed and CI is set: .ci/run should have installed it');
const suite = available ? describe : describe.skip;

let browser: Browser;

/** The system's chromium, headless and quiet (no update or background requests of its own). */
function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
const offsite: string[] = [];

/** A context whose requests may only read files: anything else is refused and recorded. */
async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  return context;
}

async function open(file: string, options: Parameters<Browser['newContext']>[0] = {}, hash = ''): Promise<Page> {
  const page = await (await newContext(options)).newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(pathToFileURL(file).href + hash);
  await page.waitForSelector('html[data-ready="true"]');
  expect(errors).toEqual([]);
  return page;
}

const filterOut = (args: string[]) => runBinary(['filter', ...args]).stdout;
const shownIds = (page: Page) => page.$$eval('#results article', (list) => list.map((a) => a.id.replace(/^e-/, '')));

/** Every id the results hold, page after page. */
async function allIds(page: Page): Promise<string[]> {
  const ids = [...(await shownIds(page))];
  while (!(await page.isHidden('#pager')) && !(await page.isDisabled('#next'))) {
    await page.click('#next');
    ids.push(...(await shownIds(page)));
  }
  return ids;
}

async function type(page: Page, query: string): Promise<void> {
  await page.fill('#q', '');
  await page.type('#q', query);
}

const statusText = (page: Page) => page.textContent('#status');

suite('the HTML export in chromium', () => {
  const file = path.join(OUT, 'index.html');

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const r = runBinary(['export', '--format', 'html', '--output', file]);
    expect(r.code, r.stderr).toBe(0);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    // No request left the machine, whatever the tests did.
    expect(offsite).toEqual([]);
  });

  it('shows the catalogue a page at a time, with the charts, and makes no network request', async () => {
    const page = await open(file);
    const total = filterOut(['--format', 'count']).trim();
    expect(await statusText(page)).toBe(`1–50 of ${total} entries`);
    await page.screenshot({ path: path.join(OUT, 'desktop.png') });
    expect((await shownIds(page)).length).toBe(50);
    expect(await page.$$eval('svg[role="img"]', (svgs) => svgs.length)).toBe(2);
    expect(await allIds(page)).toEqual(filterOut(['--format', 'ids']).trim().split('\n'));
  });

  it('a typed query shows exactly the rows filter prints, and lives in the URL', async () => {
    const page = await open(file);
    await type(page, 'modality:video year>=2024');
    await page.check('#facet-category input[value="perceiver"]');
    await page.screenshot({ path: path.join(OUT, 'search.png') });
    await page.uncheck('#facet-category input[value="perceiver"]');
    for (const query of ['modality:video year>=2024 -has:code', 'modality:video year>=2024', '"instruction tuning" -category:tool']) {
      await type(page, query);
      expect(await allIds(page), query).toEqual(filterOut([query, '--format', 'ids']).trim().split('\n'));
      expect(decodeURIComponent(new URL(page.url()).hash.replace(/\+/g, ' '))).toContain(`q=${query}`);
    }
    // The URL shares the search, and the page of it: opened afresh it shows the same rows.
    const shared = await open(file, {}, new URL(page.url()).hash);
    expect(await shared.inputValue('#q')).toBe('"instruction tuning" -category:tool');
    expect(await statusText(shared)).toBe(await statusText(page));
    expect(await shownIds(shared)).toEqual(await shownIds(page));
    await type(shared, '"instruction tuning" -category:tool ');
    expect(await allIds(shared)).toEqual(filterOut(['"instruction tuning" -category:tool', '--format', 'ids']).trim().split('\n'));
  });

  it('a malformed query says why, as filter does', async () => {
    const page = await open(file);
    await type(page, 'modalty:video');
    expect(await page.textContent('#q-error')).toBe('in query term "modalty:video": unknown field "modalty"; did you mean "modality"? Fields: category, subcategory, modality, llm, tag, venue, author, year, since, until, builds-on, has, text or code');
    expect(await page.getAttribute('#q', 'aria-invalid')).toBe('true');
  });

  it('facets combine (OR within one, AND across) and count with the other facets applied', async () => {
    const page = await open(file);
    const count = (args: string[]) => filterOut([...args, '--format', 'count']).trim();
    await page.check('#facet-category input[value="perceiver"]');
    expect(await statusText(page)).toMatch(new RegExp(`of ${count(['--category', 'perceiver'])} entries`));
    await page.check('#facet-modality input[value="video"]');
    const both = count(['--category', 'perceiver', '--modality', 'video']);
    expect(await statusText(page)).toMatch(new RegExp(`^1–\\d+ of ${both} entries`));
    // The other categories are counted as if chosen too: tool's count is filter's for tool and video.
    const toolCount = await page.textContent('#facet-category input[value="tool"] + label .count');
    expect(toolCount).toBe(`(${count(['--category', 'tool', '--modality', 'video'])})`);
    await page.check('#facet-category input[value="tool"]');
    expect(await statusText(page)).toMatch(new RegExp(`of ${count(['--category', 'perceiver,tool', '--modality', 'video'])} entries`));
    expect(await allIds(page)).toEqual(filterOut(['--category', 'perceiver,tool', '--modality', 'video', '--format', 'ids']).trim().split('\n'));
    expect(new URL(page.url()).hash).toContain('category=perceiver%7Ctool');
  });

  it('a lineage link jumps to the entry it names, even outside the current results', async () => {
    const page = await open(file);
    await type(page, 'builds-on:llava');
    const link = page.locator('#e-llava-1\\.5 .lineage a[data-go="llava"]');
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('h-llava');
    expect(await page.inputValue('#q')).toBe('');
    expect(await page.isVisible('#e-llava')).toBe(true);
    // And back: LLaVA's "built on by" links reach LLaVA-1.5.
    await page.click('#e-llava .lineage a[data-go="llava-1.5"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('h-llava-1.5');
  });

  it('embeds the lineage graph: the nodes and links of `graph`, each node jumping to its entry, accessible when open', async () => {
    const page = await open(file);
    const graph = JSON.parse(runBinary(['graph', '--format', 'json']).stdout) as { nodes: Array<{ id: string }>; edges: unknown[] };
    await page.click('#lineage summary');
    const nodes = await page.$$eval('#lineage svg a[data-go]', (l) => l.map((a) => a.getAttribute('data-go')));
    expect(nodes.sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(await page.locator('#lineage svg .edges path').count()).toBe(graph.edges.length);
    await type(page, 'modality:audio');
    await page.click('#lineage svg a[data-go="llava-1.5"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('h-llava-1.5');
    expect(await page.inputValue('#q')).toBe('');
    const axe = await new AxeBuilder({ page }).include('#lineage').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('copy BibTeX gives exactly the record show --format bibtex prints', async () => {
    const page = await open(file, { permissions: ['clipboard-read', 'clipboard-write'] });
    await type(page, 'builds-on:flamingo');
    for (const id of (await shownIds(page)).slice(0, 3)) {
      await page.click(`#e-${id.replace(/\./g, '\\.')} button[data-copy]`);
      await page.waitForFunction(() => document.getElementById('announce')?.textContent?.endsWith('copied'));
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(runBinary(['show', id, '--format', 'bibtex']).stdout);
    }
  });

  it('works from the keyboard alone, with a visible focus', async () => {
    const page = await open(file);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.type('modality:audio');
    await page.keyboard.press('Tab'); // the Filters disclosure
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Filters');
    await page.keyboard.press('Tab'); // the first category checkbox
    await page.keyboard.press('Space');
    const checked = await page.$$eval('#facet-category input:checked', (l) => l.map((i) => (i as HTMLInputElement).value));
    expect(checked).toEqual(['converter']);
    expect(await allIds(page)).toEqual(filterOut(['modality:audio', '--category', 'converter', '--format', 'ids']).trim().split('\n'));
  });

  it('passes axe-core\'s WCAG 2 A and AA checks (contrast included), also with a summary open and a query error', async () => {
    const page = await open(file);
    await page.click('#results article details summary');
    const first = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(first.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await type(page, 'year>>2');
    const second = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(second.violations.map((v) => v.id)).toEqual([]);
  });

  it('is readable on a phone: one column, no sideways scrolling', async () => {
    const page = await open(file, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const [aside, main] = await Promise.all([page.locator('aside').boundingBox(), page.locator('main').boundingBox()]);
    expect(main!.y).toBeGreaterThan(aside!.y); // stacked, not side by side
    // The filters start folded, so the first result is near the top.
    expect(await page.evaluate(() => (document.getElementById('filters') as HTMLDetailsElement).open)).toBe(false);
    await page.fill('#q', 'modality:video year>=2024');
    await page.screenshot({ path: path.join(OUT, 'phone.png') });
  });
});

/** A synthetic catalogue of n entries, varied enough for facets, lineage and text search. */
function syntheticEntries(n: number): Entry[] {
  const words = ['visual', 'instruction', 'tuning', 'alignment', 'video', 'audio', 'resampler', 'projection', 'grounding', 'reasoning', 'tokens', 'adapter'];
  return Array.from({ length: n }, (_, i) => {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const sub = category.subcategories[i % category.subcategories.length]!;
    return {
      id: `m${i}`,
      name: `Method-${i}`,
      title: `${words[i % 12]} ${words[(i * 7) % 12]} for ${words[(i * 5) % 12]} models number ${i}`,
      authors: [`Ada Lovelace${i % 97}`, `Alan Turing${i % 89}`],
      year: 2019 + (i % 8),
      category: category.id,
      subcategory: sub.id,
      arxiv: `${String(19 + (i % 8))}${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + (i % 90000))}`,
      venue: i % 3 === 0 ? undefined : `${['NeurIPS', 'CVPR', 'ICLR', 'ACL', 'ECCV'][i % 5]} ${2019 + (i % 8)}`,
      code: i % 2 === 0 ? `https://github.com/example/m${i}` : undefined,
      modalities: ['text', MODALITY_IDS[1 + (i % (MODALITY_IDS.length - 1))]!],
      tags: [words[i % 12]!],
      builds_on: i > 0 && i % 4 === 0 ? [`m${i - 1}`] : undefined,
      summary: `A synthetic method that aligns ${words[i % 12]} with a language model through ${words[(i * 3) % 12]}; entry ${i}.`,
    } as Entry;
  });
}

/** The median of the update times (performance measures the page takes) for a query typed afresh, over `runs` runs. */
async function medianUpdate(page: Page, query: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    // Another value first, so that filling in the query is a change the page updates for.
    await page.fill('#q', 'zz');
    await page.evaluate(() => performance.clearMeasures('mllm-update'));
    await page.fill('#q', query);
    times.push(await page.evaluate(() => performance.getEntriesByName('mllm-update').at(-1)!.duration));
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

suite('the HTML export with many entries', () => {
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    expect(offsite).toEqual([]);
  });

  it('10,000 entries: a query updates in a small multiple of the empty query\'s time (reported)', async () => {
    const file = path.join(OUT, 'many-10000.html');
    writeFileSync(file, renderHtml(syntheticEntries(10_000)));
    const page = await open(file);
    const query = 'modality:video year>=2024 -has:code instruction';
    // Warm up both paths once, then take medians.
    await medianUpdate(page, '', 1);
    await medianUpdate(page, query, 1);
    const empty = await medianUpdate(page, '', 7);
    const typed = await medianUpdate(page, query, 7);
    const ratio = typed / Math.max(empty, 0.1);
    console.log(`web: 10,000 entries: empty query ${empty.toFixed(1)} ms, "${query}" ${typed.toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
    expect(await page.$$eval('#results article', (l) => l.length)).toBeLessThanOrEqual(50);
    // A generous bound on the ratio (not on time): a query must not cost an order of magnitude more than listing everything.
    expect(ratio).toBeLessThan(10);
  });

  it('50,000 entries: the page opens, shows one page of rows and filters', async () => {
    const file = path.join(OUT, 'many-50000.html');
    writeFileSync(file, renderHtml(syntheticEntries(50_000)));
    const page = await open(file);
    expect(await page.textContent('#status')).toBe('1–50 of 50000 entries');
    expect(await page.$$eval('#results article', (l) => l.length)).toBe(50);
    await page.fill('#q', '"number 49999"');
    expect(await shownIds(page)).toEqual(['m49999']);
  });
});
