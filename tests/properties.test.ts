/**
 * Issue #12: properties over whole classes of hostile input (fast-check). Each property's number of
 * runs is exported so the README's Reliability section can quote it; a fixed seed keeps CI repeatable.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseBibtex, type Creator } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entry } from '../src/core/entry.js';
import { UsageError } from '../src/core/errors.js';
import { decodeUtf8 } from '../src/core/utf8.js';
import { fullName } from '../src/ingest/bibtex.js';
import { checkNewEntries, prepareNewEntries } from '../src/ingest/check.js';
import { parseEntryText, parseSources } from '../src/load/parse.js';
import { readSources } from '../src/load/read.js';
import { applyFilter } from '../src/query/filter.js';
import { parseQuery } from '../src/query/parse-query.js';
import { renderExport } from '../src/render/export.js';
import { renderEntryYaml } from '../src/render/yaml.js';
import { validateAll, validateParsed } from '../src/validate/validate.js';
import { FIXED_NOW } from './helpers.js';
import { PROPERTY_RUNS as RUNS } from './reliability.js';

const SEED = 20261130;

const dir = mkdtempSync(path.join(os.tmpdir(), 'mllm-props-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE: Entry = {
  id: 'prop-paper',
  name: 'Prop',
  title: 'A Property Paper',
  authors: ['Ada Lovelace'],
  year: 2023,
  category: 'converter',
  arxiv: '2301.00042',
  added: '2026-11-26',
};

// Text as people and attackers write it: any code point, YAML and TeX punctuation, controls, bidi and invisible characters.
const nasty = fc.constantFrom('\u001b[2J', '\u0000', '\u0085', '\u2028', '\u202e', '\u200b', '\ufeff', '{', '}', '\\', '%', '$', '&', '#', '_', '^', '~', ':', '- ', '? ', '*a', '&a', '!tag', '"', "'", '|', '>', '---', '...', '\n', '\t', 'https://x.org', 'www.x.com', 'a@b.org', '<b>', '@{', '\\relax', 'é', '模', 'İ', 'ß', 'ﬁ');
const hostileText = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }), nasty), { maxLength: 8 }).map((parts) => parts.join(''));

const YAML_PIECES = ['id: x\n', 'name: "', '"', "'", ': ', '- ', '  ', '\n', '[', ']', '{', '}', ',', '&a ', '*a', '!!binary ', '!foo ', '---\n', '...\n', '#', '|\n', '>\n', '? ', '%YAML 1.2\n', '<<: ', '.nan', '.inf', '0x1F', '\t', '\u0000', '\ufeff', 'year: 2023\n', 'title: T\n'];
const yamlText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 60 }).map((p) => p.join('')));

describe('properties (fast-check)', () => {
  it(`arbitrary YAML text never makes validate throw (${RUNS.yamlText} runs)`, () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        const result = validateAll([{ file: 'x.yaml', text }], { now: FIXED_NOW });
        for (const d of result.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
        // A file is refused or accepted as a whole.
        expect(result.entries.length + (result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0)).toBe(1);
      }),
      { numRuns: RUNS.yamlText, seed: SEED },
    );
  });

  it(`arbitrary bytes never make validate throw, and bad UTF-8 is always MA903 (${RUNS.bytes} runs)`, () => {
    const file = path.join(dir, 'bytes.yaml');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        writeFileSync(file, bytes);
        const [source] = readSources([file], () => 'bytes.yaml');
        const result = validateParsed(parseSources([source!]), { now: FIXED_NOW });
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(result.diagnostics.some((d) => d.code === 'MA903')).toBe(!valid);
        const decoded = decodeUtf8(bytes);
        if (decoded.error) {
          expect(decoded.error.line).toBe(1 + newlinesBeforeFirstBad(bytes));
        }
      }),
      { numRuns: RUNS.bytes, seed: SEED },
    );
  });

  it(`an arbitrary string in any field is refused with a diagnostic or survives add → format → JSON export unchanged (${RUNS.fieldRoundTrip} runs)`, async () => {
    let accepted = 0;
    const LISTS = new Set(['authors', 'llm', 'tags', 'builds_on', 'modalities', 'sources']);
    const FIELDS = ['id', 'name', 'title', 'authors', 'category', 'subcategory', 'arxiv', 'doi', 'url', 'venue', 'code', 'modalities', 'llm', 'tags', 'builds_on', 'citekey', 'summary', 'sources', 'added'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), hostileText, async (field, value) => {
        const entry: Entry = { ...BASE };
        (entry as unknown as Record<string, unknown>)[field] = LISTS.has(field) ? ['text', value] : value;
        // add: the same check and the same text as the command.
        const fresh = prepareNewEntries([entry], () => 'prop-paper.yaml');
        const diagnostics = checkNewEntries([], fresh, FIXED_NOW);
        if (diagnostics.some((d) => d.severity === 'error')) {
          expect(diagnostics.every((d) => d.line >= 1 && /^MA\d{3}$/.test(d.code))).toBe(true);
          return;
        }
        accepted++;
        const written = fresh[0]!.text;
        const parsed = parseEntryText('prop-paper.yaml', written);
        expect(parsed.data).toEqual(entry);
        // format: already canonical, so nothing changes.
        expect(renderEntryYaml(parsed.data as Entry)).toBe(written);
        const json = JSON.parse(await renderExport('json', [parsed.data as Entry])) as { entries: Array<Record<string, unknown>> };
        const out = json.entries[0]!;
        // `sources` is left out of exports by design; every other field comes back as written.
        if (field !== 'sources') expect(out[field]).toEqual((entry as unknown as Record<string, unknown>)[field]);
      }),
      { numRuns: RUNS.fieldRoundTrip, seed: SEED },
    );
    // Not a vacuous property: a good share of the strings are accepted and round-trip.
    expect(accepted).toBeGreaterThan(RUNS.fieldRoundTrip / 10);
  });

  it(`an accepted entry reads back from BibTeX with its title, authors and year, and is one Markdown row without HTML or autolinks (${RUNS.bibtexMarkdown} runs)`, async () => {
    const md = new MarkdownIt({ html: true, linkify: true });
    const words = fc.array(fc.oneof(fc.constantFrom('Visual', 'LLaVA-1.5', 'https://x.org/a', 'www.evil.com', 'me@x.org', '<img src=x>', '{\\em}', '50%', 'A&B', '$x$', '#1', 'a_b', 'c^2', '~', 'Ünïcode', '模型', 'ﬁne', 'İ', '--', '"q"'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    // Author names as people have them (letters, accents, CJK, hyphens, apostrophes, initials): a comma or
    // the word "and" inside one name is BibTeX's own name syntax, which no export can keep as one name.
    const nameWord = fc.oneof(fc.constantFrom('Ada', 'Lovelace', 'Jean-Luc', "O'Neil", 'J.', 'van', 'Müller', 'Çelik', '李', 'Øster', 'Ñúñez', 'de la'), fc.stringMatching(/^[A-Z][a-z]{1,8}$/));
    const personName = fc.array(nameWord, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    await fc.assert(
      fc.asyncProperty(words, words, fc.array(personName, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1990, max: 2027 }), async (name, title, authors, year) => {
        const entry: Entry = { ...BASE, name, title, authors, year };
        const fresh = prepareNewEntries([entry], () => 'prop-paper.yaml');
        if (checkNewEntries([], fresh, FIXED_NOW).some((d) => d.severity === 'error')) return;
        const bib = parseBibtex(await renderExport('bibtex', [entry]), { english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore' });
        expect(bib.errors).toEqual([]);
        expect(bib.entries).toHaveLength(1);
        const fields = bib.entries[0]!.fields as Record<string, unknown>;
        const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
        expect(norm(String(fields.title))).toBe(norm(title));
        expect(String(fields.year)).toBe(String(year));
        const names = (fields.author as Creator[]).map((c) => norm(fullName(c)));
        expect(names).toEqual(authors.map(norm));
        const html = md.render(await renderExport('markdown', [entry]));
        // The entry tables (not the chart's): the ones headed Method | Paper | ….
        const body = [...html.matchAll(/<th>Method<\/th>[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/g)].map((m) => m[1]!).join('');
        expect(body.match(/<tr>/g) ?? []).toHaveLength(1);
        // The title link only: no autolink, no raw HTML.
        expect(body.match(/<a /g) ?? []).toHaveLength(1);
        expect(body.replace(/<\/?(tr|td|a)( [^>]*)?>/g, '')).not.toMatch(/<[a-z!/]/i);
      }),
      { numRuns: RUNS.bibtexMarkdown, seed: SEED },
    );
  });

  it(`arbitrary query strings never throw anything but a usage error (${RUNS.queries} runs)`, () => {
    const QUERY_PIECES = ['constructor:', '__proto__:', 'toString:', 'year>=', 'year:', '..', '-', '"', ',', ' ', 'modality:', 'has:code', 'x', '2023', '\u0000', '\u202e', ':', '>', '<', '='];
    const query = fc.oneof(fc.string({ maxLength: 40 }), fc.array(fc.constantFrom(...QUERY_PIECES), { maxLength: 12 }).map((p) => p.join('')));
    fc.assert(
      fc.property(query, (q) => {
        try {
          applyFilter([BASE], { terms: parseQuery(q) });
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: RUNS.queries, seed: SEED },
    );
  });
});

/** How many newlines come before the first bad byte: the line decodeUtf8 reports, minus one. */
function newlinesBeforeFirstBad(bytes: Uint8Array): number {
  const bad = firstBad(bytes);
  let n = 0;
  for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

function firstBad(bytes: Uint8Array): number {
  for (let i = 0; i <= bytes.length; i++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, i + 1));
    } catch {
      // The shortest failing prefix ends inside the first bad sequence; walk back to its lead byte.
      let j = i;
      while (j > 0 && (bytes[j]! & 0xc0) === 0x80 && i - j < 3) j--;
      return j;
    }
  }
  return bytes.length;
}
