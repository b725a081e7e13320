/** The pure parts of `add`: BibTeX, Atom, flags, locators and merging to partial entries. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArxivAtom, arxivQueryUrl } from '../../src/ingest/arxiv.js';
import { parseBibtex } from '../../src/ingest/bibtex.js';
import { FIELD_FLAGS, flagsToPartial, givenNameFirst, type FlagValues } from '../../src/ingest/flags.js';
import { findArxivId, normalizeDoi } from '../../src/ingest/locators.js';
import { completePartial, guessName, isPlainId, mergePartials, missingFields, toEntry, type PartialEntry } from '../../src/ingest/partial.js';
import { FIELD_ORDER } from '../../src/core/schema-def.js';
import { FIXTURES } from '../helpers.js';

const ADD = path.join(FIXTURES, 'add');
const read = (name: string) => readFileSync(path.join(ADD, name), 'utf8');

describe('locators', () => {
  it.each([
    ['2304.08485', '2304.08485'],
    ['2304.08485v2', '2304.08485v2'],
    ['arXiv:2304.08485', '2304.08485'],
    ['arXiv preprint arXiv:2304.08485', '2304.08485'],
    ['https://arxiv.org/abs/2304.08485v3', '2304.08485v3'],
    ['http://arxiv.org/pdf/2401.12345.pdf', '2401.12345'],
    ['10.48550/arXiv.2204.14198', '2204.14198'],
    ['Advances in Neural Information Processing Systems', undefined],
    ['https://example.org/2304.08485', undefined],
    ['', undefined],
  ])('findArxivId(%j) = %j', (text, want) => expect(findArxivId(text)).toBe(want));

  it.each([
    ['10.1109/CVPR52729.2023.01234', '10.1109/CVPR52729.2023.01234'],
    ['https://doi.org/10.18653/v1/2023.emnlp-main.1', '10.18653/v1/2023.emnlp-main.1'],
    ['doi: 10.1000/xyz', '10.1000/xyz'],
    ['not a doi', undefined],
  ])('normalizeDoi(%j) = %j', (text, want) => expect(normalizeDoi(text)).toBe(want));
});

describe('partial entries', () => {
  it.each([
    ['BLIP-2: Bootstrapping Language-Image Pre-training', 'BLIP-2'],
    ['Flamingo: a Visual Language Model for Few-Shot Learning', 'Flamingo'],
    ['Video-LLaMA: An Instruction-tuned Audio-Visual Language Model', 'Video-LLaMA'],
    ['mPLUG-Owl: Modularization Empowers LLMs', 'mPLUG-Owl'],
    ['Visual Instruction Tuning', undefined],
    ['A Very Long Lead Before The Colon: Subtitle', undefined],
    ['Time:12', undefined],
  ])('guessName(%j) = %j', (title, want) => expect(guessName(title)).toBe(want));

  it.each([
    ['llava', true],
    ['llava-1.5', true],
    ['../x', false],
    ['a/b', false],
    ['', false],
    ['LLaVA', false],
    ['.hidden', false],
  ])('isPlainId(%j) = %s', (id, want) => expect(isPlainId(id)).toBe(want));

  it('mergePartials: later layers win, undefined does not erase', () => {
    expect(mergePartials({ title: 'A', year: 2020 }, { year: 2021, venue: undefined }, { venue: 'X' })).toEqual({ title: 'A', year: 2021, venue: 'X' });
  });

  it.each<[PartialEntry, PartialEntry]>([
    [{ name: 'LLaVA-1.5' }, { added: '2026-11-26', name: 'LLaVA-1.5', id: 'llava-1.5' }],
    [{ title: 'BLIP-2: Bootstrapping' }, { added: '2026-11-26', title: 'BLIP-2: Bootstrapping', name: 'BLIP-2', id: 'blip-2' }],
    [{ id: 'own', name: 'X', added: '2020-01-01' }, { added: '2020-01-01', id: 'own', name: 'X' }],
    [{ title: 'No Name Here' }, { added: '2026-11-26', title: 'No Name Here', name: undefined, id: undefined }],
  ])('completePartial(%j)', (partial, want) => expect(completePartial(partial, '2026-11-26')).toEqual(want));

  it.each<[PartialEntry, string[]]>([
    [{}, ['name', 'title', 'authors', 'year', 'category', 'arxiv|doi|url']],
    [{ name: 'A', title: 'T', authors: [], year: 2023, category: 'tool', url: 'https://a.b' }, ['id', 'authors']],
    [{ id: 'a', name: 'A', title: 'T', authors: ['X'], year: 2023, category: 'tool', doi: '10.1/x' }, []],
  ])('missingFields(%j) = %j', (partial, want) => expect(missingFields(partial)).toEqual(want));

  it('toEntry puts keys in schema order', () => {
    const e = toEntry({ added: '2026-01-01', year: 2023, id: 'a', title: 'T', name: 'A', authors: ['X'], category: 'tool' });
    expect(Object.keys(e)).toEqual(['id', 'name', 'title', 'authors', 'year', 'category', 'added']);
  });
});

describe('flags', () => {
  it('one flag per schema field, in schema order, list flags singular', () => {
    expect(FIELD_FLAGS.map((f) => f.field)).toEqual(FIELD_ORDER);
    expect(FIELD_FLAGS.filter((f) => f.list).map((f) => [f.flag, f.commaList])).toEqual([
      ['author', false],
      ['modality', true],
      ['llm', true],
      ['tag', true],
      ['builds-on', true],
      ['source', false],
    ]);
  });

  it.each<[FlagValues, PartialEntry]>([
    [{ name: 'LLaVA', year: '2023' }, { name: 'LLaVA', year: 2023 }],
    [{ authors: ['Liu, Haotian', 'Chunyuan Li'] }, { authors: ['Haotian Liu', 'Chunyuan Li'] }],
    [{ authors: ['King, Jr., Martin Luther'] }, { authors: ['Martin Luther King Jr.'] }],
    [{ modalities: ['image, text', 'video', 'text'] }, { modalities: ['image', 'text', 'video'] }],
    [{ builds_on: ['llava,blip-2'], tags: ['a'] }, { tags: ['a'], builds_on: ['llava', 'blip-2'] }],
    [{ arxiv: 'arXiv:2304.08485v2', doi: 'https://doi.org/10.1000/xyz' }, { arxiv: '2304.08485v2', doi: '10.1000/xyz' }],
    [{ arxiv: 'junk' }, { arxiv: 'junk' }],
    [{ summary: '  Two sentences.  ' }, { summary: 'Two sentences.' }],
  ])('flagsToPartial(%j)', (values, want) => expect(flagsToPartial(values)).toEqual(want));

  it.each<[FlagValues, string]>([
    [{ year: '23' }, '--year must be a four-digit year; got "23"'],
    [{ name: '  ' }, '--name needs a non-empty value'],
    [{ tags: ['a,,b'] }, '--tag needs a non-empty value'],
    [{ id: '' }, '--id needs a non-empty value'],
  ])('flagsToPartial(%j) is a usage error', (values, message) => expect(() => flagsToPartial(values)).toThrow(message));

  it.each([
    ['Liu, Haotian', 'Haotian Liu'],
    ['Haotian Liu', 'Haotian Liu'],
    ['a, b, c, d', 'a, b, c, d'],
  ])('givenNameFirst(%j) = %j', (name, want) => expect(givenNameFirst(name)).toBe(want));
});

describe('BibTeX', () => {
  it('a Google-Scholar-style record: "Last, First" names, {\\l} and {\\\'n}, braces, arXiv DOI, booktitle', () => {
    const { records, errors } = parseBibtex(read('flamingo.bib'));
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    const { key, partial, notes } = records[0]!;
    expect(key).toBe('alayrac2022flamingo');
    expect(notes).toEqual([]);
    expect({ ...partial, authors: partial.authors!.slice(21, 25) }).toEqual({
      title: 'Flamingo: a Visual Language Model for Few-Shot Learning',
      authors: ['Sahand Sharifzadeh', 'Mikołaj Bińkowski', 'Ricardo Barreira', 'Oriol Vinyals'],
      year: 2022,
      arxiv: '2204.14198',
      venue: 'NeurIPS 2022',
      url: 'https://arxiv.org/abs/2204.14198',
    });
    expect(partial.authors).toHaveLength(27);
    expect(partial.authors![0]).toBe('Jean-Baptiste Alayrac');
  });

  it('several records: \\&, {\\"u}, {\\c{c}}, "First Last", prefixes, arXiv from journal and eprint', () => {
    const { records, errors } = parseBibtex(read('synthetic.bib'));
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.key, r.partial])).toEqual([
      [
        'mueller2025seeing',
        {
          title: 'S&H-LM: Seeing & Hearing with a Müller-style Bridge',
          authors: ['Jörg Müller', 'François Dupré', 'Anna van der Berg', 'The S&H Team'],
          year: 2025,
          arxiv: '2501.01234',
          url: 'https://example.org/sh-lm',
        },
      ],
      [
        'doe2025tiny',
        {
          title: 'Tiny Bridge: Small Connectors for LLMs',
          authors: ['Jane Q. Doe', 'Richard Roe'],
          year: 2025,
          arxiv: '2502.04321v2',
          url: 'https://arxiv.org/abs/2502.04321',
          venue: 'CVPR 2025 Workshops',
        },
      ],
    ]);
  });

  it.each<[string, PartialEntry]>([
    ['@misc{k, title={T}, author={A B}, url={https://arxiv.org/abs/2304.08485v1}, year={2023}}',
      { title: 'T', authors: ['A B'], year: 2023, arxiv: '2304.08485v1', url: 'https://arxiv.org/abs/2304.08485' }],
    ['@article{k, title={T}, journal={CoRR}, eprint={2304.08485}, date={2023-04-17}}',
      { title: 'T', year: 2023, arxiv: '2304.08485', url: 'https://arxiv.org/abs/2304.08485' }],
    ['@article{k, title={T}, journal={Nature}, doi={https://doi.org/10.1038/abc}}',
      { title: 'T', doi: '10.1038/abc', venue: 'Nature' }],
    ['@article{k, title={T {\\"A}rger}, author={{OpenAI}}}', { title: 'T Ärger', authors: ['OpenAI'] }],
  ])('record %s', (bib, want) => {
    const { records, errors } = parseBibtex(bib);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.partial)).toEqual([want]);
  });

  it('"and others" is dropped with a note', () => {
    const { records } = parseBibtex('@article{k, title={T}, author={Doe, Jane and others}}');
    expect(records.map((r) => [r.partial.authors, r.notes])).toEqual([[['Jane Doe'], ['the author list ends with "and others"; add the remaining authors']]]);
  });

  it('a broken record is an error, not a record', () => {
    const { records, errors } = parseBibtex('@article{ok, title={A}}\n@article{bad, title = "B", author = "C"');
    // Refused before parsing (issue #12): nothing from a file with a malformed record is used.
    expect(records.map((r) => r.key)).toEqual([]);
    expect(errors).toEqual(['record "bad" is never closed: a { or " is missing its closing partner (from line 2)']);
  });
});

describe('arXiv Atom', () => {
  const atom = (entry: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">${entry}</feed>`;

  it('the stored answer for Qwen-VL', () => {
    expect(parseArxivAtom(read('qwen-vl.atom.xml'), '2308.12966')).toEqual({
      arxiv: '2308.12966',
      title: 'Qwen-VL: A Versatile Vision-Language Model for Understanding, Localization, Text Reading, and Beyond',
      authors: ['Jinze Bai', 'Shuai Bai', 'Shusheng Yang', 'Shijie Wang', 'Sinan Tan', 'Peng Wang', 'Junyang Lin', 'Chang Zhou', 'Jingren Zhou'],
      year: 2023,
      url: 'https://arxiv.org/abs/2308.12966',
    });
  });

  it('arxiv:doi, a versioned id and &amp; in the title', () => {
    const xml = atom(
      '<entry><id>http://arxiv.org/abs/2401.00001v2</id><published>2024-01-01T00:00:00Z</published>' +
        '<title>Seeing &amp; Hearing</title><author><name>A  B</name></author><arxiv:doi>10.1000/xyz</arxiv:doi>' +
        '<link href="http://arxiv.org/abs/2401.00001v2" rel="alternate" type="text/html"/></entry>',
    );
    expect(parseArxivAtom(xml, '2401.00001v2')).toEqual({
      arxiv: '2401.00001v2',
      title: 'Seeing & Hearing',
      authors: ['A B'],
      year: 2024,
      doi: '10.1000/xyz',
      url: 'https://arxiv.org/abs/2401.00001',
    });
  });

  it.each([
    ['no entry', read('unknown.atom.xml'), 'arXiv has no paper with id 2399.00001'],
    [
      'an "Error" entry',
      atom('<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_2399.00001</id><title>Error</title><summary>incorrect id format for 2399.00001</summary></entry>'),
      'arXiv has no paper with id 2399.00001 (incorrect id format for 2399.00001)',
    ],
    ['malformed XML', read('malformed.atom.xml'), "the arXiv API's answer for 2399.00001 is not valid XML (line 1: Invalid '[ \"feed\", \"entry\", \"title\"]' found.)"],
    ['not a feed', '<html><body>Rate limited</body></html>', "the arXiv API's answer for 2399.00001 is not an Atom feed"],
    ['an entry without authors', atom('<entry><id>http://arxiv.org/abs/2399.00001v1</id><title>T</title><published>2023-01-01T00:00:00Z</published></entry>'),
      "the arXiv API's answer for 2399.00001 lacks a title, authors or a publication date"],
  ])('%s is a one-line data error', (_, xml, message) => expect(() => parseArxivAtom(xml, '2399.00001')).toThrow(message));

  it('the query URL keeps the base address and sets id_list', () => {
    expect(arxivQueryUrl('http://export.arxiv.org/api/query', '2304.08485')).toBe('http://export.arxiv.org/api/query?id_list=2304.08485');
    expect(arxivQueryUrl('http://127.0.0.1:8080/q?x=1', '2304.08485')).toBe('http://127.0.0.1:8080/q?x=1&id_list=2304.08485');
  });
});
