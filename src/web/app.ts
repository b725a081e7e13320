/**
 * The script of the HTML export (#14), bundled into the page by `npm run gen:web`. It runs in the
 * browser only: search with the query language of `filter` (the same parser and predicate, bundled),
 * facets with counts, paging, lineage links, copy-BibTeX, and the state kept in the URL's hash.
 */
import type { Entry } from '../core/entry.js';
import { venueSeries } from '../core/venue.js';
import { compileFilter } from '../query/filter.js';
import { parseQuery } from '../query/parse-query.js';
import { escapeHtml } from '../render/escape-html.js';
import type { PageData } from './page-data.js';

const PAGE_SIZE = 50;
const FACETS = ['category', 'subcategory', 'modality', 'year', 'venue'] as const;
type Facet = (typeof FACETS)[number];

const data = JSON.parse(document.getElementById('catalogue-data')!.textContent!) as PageData;
const entries = data.entries;
const indexOf = new Map(entries.map((e, i) => [e.id, i]));
const builtOnBy = new Map<string, string[]>();
for (const e of entries) for (const b of e.builds_on ?? []) builtOnBy.set(b, [...(builtOnBy.get(b) ?? []), e.id]);

/** The values an entry has for a facet. */
function valuesOf(e: Entry, facet: Facet): string[] {
  switch (facet) {
    case 'category':
      return [e.category];
    case 'subcategory':
      return e.subcategory ? [e.subcategory] : [];
    case 'modality':
      return e.modalities ?? [];
    case 'year':
      return [String(e.year)];
    case 'venue':
      return e.venue ? [venueSeries(e.venue)] : [];
  }
}

// Each entry's facet values, computed once: a query update then only compares strings.
const facetValues = entries.map((e) => Object.fromEntries(FACETS.map((f) => [f, valuesOf(e, f)])) as Record<Facet, string[]>);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const queryInput = $<HTMLInputElement>('q');
const queryError = $('q-error');
const status = $('status');
const results = $('results');
const pager = $('pager');
const announce = $('announce');

const state = { query: '', selected: Object.fromEntries(FACETS.map((f) => [f, new Set<string>()])) as Record<Facet, Set<string>>, page: 0 };
let matching: number[] = entries.map((_, i) => i);

/** Only http(s) addresses become links. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function paperUrl(e: Entry): string | undefined {
  return safeUrl(e.arxiv ? `https://arxiv.org/abs/${e.arxiv}` : e.doi ? `https://doi.org/${e.doi}` : e.url);
}

// ---- facets ------------------------------------------------------------------------------------

/** Facet values in the order they are listed: the taxonomy's for categories, newest years first, else most used. */
function facetOrder(facet: Facet): string[] {
  if (facet === 'category') return data.categories.map((c) => c.id);
  if (facet === 'subcategory') return data.categories.flatMap((c) => c.subcategories);
  const counts = new Map<string, number>();
  for (const v of facetValues) for (const x of v[facet]) counts.set(x, (counts.get(x) ?? 0) + 1);
  const keys = [...counts.keys()];
  if (facet === 'year') return keys.sort((a, b) => Number(b) - Number(a));
  return keys.sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
}

const facetInputs = new Map<string, { input: HTMLInputElement; count: HTMLElement; label: HTMLElement }>();

function buildFacets(): void {
  for (const facet of FACETS) {
    const list = $(`facet-${facet}`);
    const present = new Set(facetValues.flatMap((v) => v[facet]));
    const html = facetOrder(facet)
      .filter((v) => present.has(v))
      .map((v, i) => {
        const id = `f-${facet}-${i}`;
        return `<li><input type="checkbox" id="${id}" data-facet="${facet}" value="${escapeHtml(v)}"><label for="${id}">${escapeHtml(v)} <span class="count"></span></label></li>`;
      })
      .join('');
    list.innerHTML = html;
    for (const input of list.querySelectorAll<HTMLInputElement>('input')) {
      const label = input.nextElementSibling as HTMLElement;
      facetInputs.set(`${facet}\u0000${input.value}`, { input, count: label.querySelector('.count')!, label });
      input.addEventListener('change', () => {
        if (input.checked) state.selected[facet].add(input.value);
        else state.selected[facet].delete(input.value);
        state.page = 0;
        update();
      });
    }
  }
}

// ---- filtering -----------------------------------------------------------------------------------

/** Apply the query and the facets; recount the facets (each counted with the other facets applied). */
function update(): void {
  performance.mark('mllm-update-start');
  let predicate: (e: Entry) => boolean;
  try {
    predicate = compileFilter({ terms: parseQuery(state.query) });
    queryError.textContent = '';
    queryInput.removeAttribute('aria-invalid');
  } catch (err) {
    queryError.textContent = err instanceof Error ? err.message : String(err);
    queryInput.setAttribute('aria-invalid', 'true');
    performance.measure('mllm-update', 'mllm-update-start');
    return;
  }
  const active = FACETS.filter((f) => state.selected[f].size > 0);
  const counts = new Map<string, number>();
  const bump = (facet: Facet, values: string[]) => {
    for (const v of values) counts.set(`${facet}\u0000${v}`, (counts.get(`${facet}\u0000${v}`) ?? 0) + 1);
  };
  const next: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (!predicate(entries[i]!)) continue;
    const values = facetValues[i]!;
    let failed: Facet | undefined;
    let failures = 0;
    for (const f of active) {
      if (!values[f].some((v) => state.selected[f].has(v))) {
        failed = f;
        if (++failures > 1) break;
      }
    }
    if (failures === 0) {
      next.push(i);
      for (const f of FACETS) bump(f, values[f]);
    } else if (failures === 1) bump(failed!, values[failed!]);
  }
  matching = next;
  for (const [key, { input, count, label }] of facetInputs) {
    const n = counts.get(key) ?? 0;
    count.textContent = `(${n})`;
    label.classList.toggle('empty', n === 0 && !input.checked);
  }
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  state.page = Math.min(state.page, pages - 1);
  renderPage();
  saveState();
  performance.measure('mllm-update', 'mllm-update-start');
}

// ---- rendering -----------------------------------------------------------------------------------

function lineage(label: string, ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const links = ids.map((id) => {
    const target = indexOf.get(id);
    const name = target === undefined ? id : entries[target]!.name;
    return target === undefined ? escapeHtml(name) : `<a href="#e-${escapeHtml(id)}" data-go="${escapeHtml(id)}">${escapeHtml(name)}</a>`;
  });
  return `<p class="lineage"><span class="label">${label}:</span> ${links.join(', ')}</p>`;
}

function renderEntry(i: number): string {
  const e = entries[i]!;
  const id = escapeHtml(e.id);
  const title = paperUrl(e) ? `<a href="${escapeHtml(paperUrl(e)!)}">${escapeHtml(e.title)}</a>` : escapeHtml(e.title);
  const authors = e.authors.length > 8 ? `${e.authors.slice(0, 7).join(', ')} and ${e.authors.length - 7} more` : e.authors.join(', ');
  const meta = [e.venue, e.subcategory ? `${e.category} / ${e.subcategory}` : e.category, (e.modalities ?? []).join(', ')].filter(Boolean).map((m) => escapeHtml(m!));
  const code = safeUrl(e.code);
  return `<article class="entry" id="e-${id}" aria-labelledby="h-${id}">
<h3 id="h-${id}" tabindex="-1">${escapeHtml(e.name)} <span class="year">${e.year}</span></h3>
<p class="title">${title}</p>
<p class="authors">${escapeHtml(authors)}</p>
<p class="meta">${meta.join(' · ')}</p>
<p class="actions">${code ? `<a href="${escapeHtml(code)}">Code<span class="visually-hidden"> of ${escapeHtml(e.name)}</span></a>` : ''}<button type="button" data-copy="${i}">Copy BibTeX<span class="visually-hidden"> of ${escapeHtml(e.name)}</span></button></p>
${e.summary ? `<details><summary>Summary<span class="visually-hidden"> of ${escapeHtml(e.name)}</span></summary><p>${escapeHtml(e.summary)}</p></details>` : ''}
${lineage('Builds on', e.builds_on ?? [])}${lineage('Built on by', builtOnBy.get(e.id) ?? [])}
</article>`;
}

function renderPage(): void {
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const start = state.page * PAGE_SIZE;
  const shown = matching.slice(start, start + PAGE_SIZE);
  results.innerHTML = shown.map(renderEntry).join('');
  const range = matching.length === 0 ? 'No entries match' : `${start + 1}–${start + shown.length} of ${matching.length} entries`;
  status.textContent = `${range}${matching.length < entries.length ? ` (${entries.length} in all)` : ''}`;
  pager.hidden = pages <= 1;
  $<HTMLButtonElement>('prev').disabled = state.page === 0;
  $<HTMLButtonElement>('next').disabled = state.page >= pages - 1;
  $('page').textContent = `Page ${state.page + 1} of ${pages}`;
}

// ---- state in the URL --------------------------------------------------------------------------------

function saveState(): void {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const f of FACETS) if (state.selected[f].size > 0) params.set(f, [...state.selected[f]].join('|'));
  if (state.page > 0) params.set('page', String(state.page + 1));
  const hash = params.toString();
  if (location.hash.slice(1) !== hash) history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

function loadState(): void {
  const params = new URLSearchParams(location.hash.slice(1));
  state.query = params.get('q') ?? '';
  queryInput.value = state.query;
  for (const f of FACETS) {
    state.selected[f] = new Set((params.get(f) ?? '').split('|').filter(Boolean));
    for (const v of state.selected[f]) {
      const found = facetInputs.get(`${f}\u0000${v}`);
      if (found) found.input.checked = true;
    }
  }
  state.page = Math.max(0, Number(params.get('page') ?? '1') - 1) || 0;
}

// ---- actions -------------------------------------------------------------------------------------------

/** Show an entry: on its page if the current results hold it, else after clearing the search and facets. */
function goTo(id: string): void {
  const target = indexOf.get(id);
  if (target === undefined) return;
  let at = matching.indexOf(target);
  if (at < 0) {
    state.query = '';
    queryInput.value = '';
    for (const f of FACETS) state.selected[f].clear();
    for (const { input } of facetInputs.values()) input.checked = false;
    update();
    at = matching.indexOf(target);
  }
  state.page = Math.floor(at / PAGE_SIZE);
  renderPage();
  saveState();
  const heading = document.getElementById(`h-${id}`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard API here (an old browser, a denied permission): the selection way.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

// The lineage graph's nodes jump to their entries like the links in the rows do.
document.getElementById('lineage')?.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<SVGAElement>('a[data-go]');
  if (!link) return;
  event.preventDefault();
  goTo(link.dataset.go!);
});

results.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  const link = target.closest<HTMLAnchorElement>('a[data-go]');
  if (link) {
    event.preventDefault();
    goTo(link.dataset.go!);
    return;
  }
  const button = target.closest<HTMLButtonElement>('button[data-copy]');
  if (button) {
    const i = Number(button.dataset.copy);
    void copyText(data.bibtex[i]!).then(() => {
      announce.textContent = `BibTeX of ${entries[i]!.name} copied`;
    });
  }
});

queryInput.addEventListener('input', () => {
  state.query = queryInput.value;
  state.page = 0;
  update();
});

$('prev').addEventListener('click', () => {
  state.page = Math.max(0, state.page - 1);
  renderPage();
  saveState();
  status.focus();
});
$('next').addEventListener('click', () => {
  state.page += 1;
  renderPage();
  saveState();
  status.focus();
});
$('clear').addEventListener('click', () => {
  state.query = '';
  queryInput.value = '';
  for (const f of FACETS) state.selected[f].clear();
  for (const { input } of facetInputs.values()) input.checked = false;
  state.page = 0;
  update();
  queryInput.focus();
});

// On a phone the filters start folded, so the results come right after the search box.
if (window.matchMedia('(max-width: 48rem)').matches) $<HTMLDetailsElement>('filters').open = false;
buildFacets();
loadState();
update();
document.documentElement.dataset.ready = 'true';
