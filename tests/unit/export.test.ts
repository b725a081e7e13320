/** The export renderers' pure parts, case by case. */
import { Ajv } from 'ajv';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { DataError } from '../../src/core/errors.js';
import { joinName, splitName } from '../../src/core/names.js';
import { assignCitekeys, baseCitekey } from '../../src/cite/keys.js';
import { bibtexName, bibtexTitle, renderBibtex, renderBibtexRecord } from '../../src/render/bibtex.js';
import { cslItem, renderCslJson } from '../../src/render/csl.js';
import { describeDifference, EXPORT_FORMATS, renderExport } from '../../src/render/export.js';
import { asciiLatex, escapeLatex, hasUnrepresentable } from '../../src/render/latex.js';
import { escapeMarkdown, githubAnchor, markdownUrl, renderMarkdown, subcategoryHeading } from '../../src/render/markdown.js';

function entry(over: Partial<Entry> = {}): Entry {
  return { id: 'x', name: 'X', title: 'A Title', authors: ['Ann Lee'], year: 2023, category: 'converter', arxiv: '2301.00001', ...over };
}

describe('splitName', () => {
  it.each([
    ['Haotian Liu', { given: 'Haotian', particle: '', family: 'Liu', suffix: '' }],
    ['Yong Jae Lee', { given: 'Yong Jae', particle: '', family: 'Lee', suffix: '' }],
    ['Aaron van den Oord', { given: 'Aaron', particle: 'van den', family: 'Oord', suffix: '' }],
    ['Jean de la Fontaine', { given: 'Jean', particle: 'de la', family: 'Fontaine', suffix: '' }],
    ['Le Scao, Teven', { given: 'Teven', particle: '', family: 'Le Scao', suffix: '' }],
    ['van der Maaten, Laurens', { given: 'Laurens', particle: 'van der', family: 'Maaten', suffix: '' }],
    ['King, Jr., Martin Luther', { given: 'Martin Luther', particle: '', family: 'King', suffix: 'Jr.' }],
    ['Martin Luther King Jr.', { given: 'Martin Luther', particle: '', family: 'King', suffix: 'Jr.' }],
    ['Luc Van Gool', { given: 'Luc Van', particle: '', family: 'Gool', suffix: '' }],
    ['Marie de', { given: 'Marie', particle: '', family: 'de', suffix: '' }],
    ['张伟', { given: '', particle: '', family: '张伟', suffix: '' }],
    ['  Ann   Lee ', { given: 'Ann', particle: '', family: 'Lee', suffix: '' }],
  ])('%s', (full, want) => expect(splitName(full)).toEqual(want));

  it.each([
    ['Aaron van den Oord', 'Aaron van den Oord'],
    ['Le Scao, Teven', 'Teven Le Scao'],
    ['King, Jr., Martin Luther', 'Martin Luther King Jr.'],
  ])('joinName(splitName(%s)) = %s', (full, want) => expect(joinName(splitName(full))).toBe(want));
});

describe('LaTeX text', () => {
  it.each([
    ['Cats & Dogs', 'Cats \\& Dogs'],
    ['100% of $5 #1 a_b', '100\\% of \\$5 \\#1 a\\_b'],
    ['{paired}', '\\{paired\\}'],
    ['lone } and { lone', 'lone {\\textbraceright} and {\\textbraceleft} lone'],
    ['}{', '{\\textbraceright}{\\textbraceleft}'],
    ['~ ^ \\', '{\\textasciitilde} {\\textasciicircum} {\\textbackslash}'],
    ['plain text', 'plain text'],
  ])('escapeLatex(%s) = %s', (text, want) => expect(escapeLatex(text)).toBe(want));

  it.each([
    ['Müller', 'M{\\"u}ller'],
    ['José', "Jos{\\'e}"],
    ['François', 'Fran{\\c{c}}ois'],
    ['Dvořák', "Dvo{\\v{r}}{\\'a}k"],
    ['Surís', "Sur{\\'{\\i}}s"],
    ['Łukasz Søren Weiß Æ', '{\\L}ukasz S{\\o}ren Wei{\\ss} {\\AE}'],
    ['Nguyễn', 'Nguy{\\~{\\^{e}}}n'],
    ['Vision–Language “x” …', "Vision--Language ``x'' {\\ldots}"],
    ['张伟 Li', '?? Li'],
    ['e\u0301', "{\\'e}"],
  ])('asciiLatex(%s) = %s', (text, want) => expect(asciiLatex(text)).toBe(want));

  it.each([
    ['Müller', false],
    ['张伟', true],
    ['plain', false],
  ])('hasUnrepresentable(%s) = %s', (text, want) => expect(hasUnrepresentable(text)).toBe(want));
});

describe('BibTeX parts', () => {
  it.each([
    ['Visual Instruction Tuning', 'LLaVA', 'Visual Instruction Tuning'],
    ['LLaVA-1.5: Improved Baselines', 'LLaVA-1.5', '{LLaVA}-1.5: Improved Baselines'],
    ['BLIP-2 and GPT-4', 'BLIP-2', '{BLIP}-2 and {GPT}-4'],
    ['mPLUG-Owl2 on 3D Data', 'mPLUG-Owl2', '{mPLUG}-{Owl2} on {3D} Data'],
    ['Flamingo: a Visual Language Model', 'Flamingo', '{Flamingo}: a Visual Language Model'],
    ['The Q-Former', 'Y', 'The {Q}-Former'],
    ['A & B {c} 50%', 'Y', 'A \\& B \\{c\\} 50\\%'],
    ['Lone { Brace', 'Y', 'Lone {\\textbraceleft} Brace'],
  ])('bibtexTitle(%s)', (title, name, want) => expect(bibtexTitle(title, name)).toBe(want));

  it('bibtexTitle --ascii protects accented acronyms too', () => {
    expect(bibtexTitle('Über-VLM for ÉCOLE', 'Über-VLM', { ascii: true })).toBe('{{\\"U}ber}-{VLM} for {{\\\'E}COLE}');
  });

  it.each([
    ['Haotian Liu', {}, 'Liu, Haotian'],
    ['Aaron van den Oord', {}, 'van den Oord, Aaron'],
    ['Le Scao, Teven', {}, '{Le Scao}, Teven'],
    ['Martin Luther King Jr.', {}, 'King, Jr., Martin Luther'],
    ['Dídac Surís', {}, 'Surís, Dídac'],
    ['Dídac Surís', { ascii: true }, "Sur{\\'{\\i}}s, D{\\'{\\i}}dac"],
    ['张伟', {}, '张伟'],
    ['Tom and Jerry', {}, 'Jerry, Tom {and}'],
    ['R&D Team', {}, '{R\\&D Team}'],
    ['Chameleon Team', {}, '{Chameleon Team}'],
    ['Qingyao Ai', {}, 'Ai, Qingyao'],
  ])('bibtexName(%s, %j) = %s', (full, opts, want) => expect(bibtexName(splitName(full), opts)).toBe(want));

  it.each([
    [entry({ authors: ['Haotian Liu'], title: 'Visual Instruction Tuning' }), 'liu2023visual'],
    [entry({ authors: ['Aaron van den Oord'], title: 'On the Names' }), 'oord2023names'],
    [entry({ authors: ['Le Scao, Teven'], title: 'Towards a BLOOM' }), 'lescao2023bloom'],
    [entry({ authors: ['Dídac Surís'], title: 'ViperGPT: Visual Inference' }), 'suris2023vipergpt'],
    [entry({ id: 'cjk', authors: ['张伟'], title: '多模态' }), 'cjk2023'],
  ])('baseCitekey(%#) = %s', (e, want) => expect(baseCitekey(e)).toBe(want));

  it('assignCitekeys: collisions get a, b in id order; a pinned key is kept and never reused', () => {
    const es = [
      entry({ id: 'zeta', title: 'Same Start' }),
      entry({ id: 'alpha', title: 'Same Words' }),
      entry({ id: 'pinned', title: 'Other', citekey: 'lee2023other' }),
      entry({ id: 'clash', title: 'Other Thing' }),
      entry({ id: 'solo', title: 'Unique' }),
    ];
    expect(Object.fromEntries(assignCitekeys(es))).toEqual({
      alpha: 'lee2023samea',
      zeta: 'lee2023sameb',
      pinned: 'lee2023other',
      clash: 'lee2023othera',
      solo: 'lee2023unique',
    });
  });

  it('assignCitekeys: the same key pinned twice is a data error', () => {
    const es = [entry({ id: 'a', citekey: 'k2023' }), entry({ id: 'b', citekey: 'K2023' })];
    expect(() => assignCitekeys(es)).toThrow(new DataError('citekey "K2023" is pinned by both a and b; give one of them another'));
  });

  it('assignCitekeys: of several keys pinned twice, the error names the first pair in id order, whatever the order given', () => {
    const es = [
      entry({ id: 'z', citekey: 'Other' }),
      entry({ id: 'c', citekey: 'k2023' }),
      entry({ id: 'method-10', citekey: 'other' }),
      entry({ id: 'b', citekey: 'K2023' }),
      entry({ id: 'method-9', citekey: 'OTHER' }),
      entry({ id: 'd', citekey: 'k2023' }),
    ];
    const message = 'citekey "k2023" is pinned by both b and c; give one of them another';
    expect(() => assignCitekeys(es)).toThrow(new DataError(message));
    expect(() => assignCitekeys([...es].reverse())).toThrow(new DataError(message));
  });

  it('renderBibtexRecord: a conference paper with arXiv, DOI and url: the full booktitle, the venue\'s year', () => {
    const e = entry({ venue: 'CVPR 2024', doi: '10.1/abc', url: 'https://example.org/{x}' });
    expect(renderBibtexRecord(e, 'lee2023title')).toBe(
      '@inproceedings{lee2023title,\n' +
        '  author        = {Lee, Ann},\n' +
        '  title         = {A Title},\n' +
        '  booktitle     = {Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)},\n' +
        '  year          = {2024},\n' +
        '  eprint        = {2301.00001},\n' +
        '  archivePrefix = {arXiv},\n' +
        '  doi           = {10.1/abc},\n' +
        '  url           = {https://example.org/%7Bx%7D}\n' +
        '}\n',
    );
  });

  it('renderBibtexRecord: a journal article without arXiv', () => {
    const e = entry({ arxiv: undefined, doi: '10.1/abc', venue: 'TMLR 2024' });
    expect(renderBibtexRecord(e, 'k')).toBe(
      '@article{k,\n  author  = {Lee, Ann},\n  title   = {A Title},\n  journal = {Transactions on Machine Learning Research},\n  year    = {2024},\n  doi     = {10.1/abc}\n}\n',
    );
  });

  it('renderBibtexRecord: a preprint carries its arXiv id in howpublished, which every classic style prints', () => {
    expect(renderBibtexRecord(entry(), 'k')).toBe(
      '@misc{k,\n' +
        '  author        = {Lee, Ann},\n' +
        '  title         = {A Title},\n' +
        '  howpublished  = {arXiv preprint arXiv:2301.00001},\n' +
        '  year          = {2023},\n' +
        '  eprint        = {2301.00001},\n' +
        '  archivePrefix = {arXiv},\n' +
        '  url           = {https://arxiv.org/abs/2301.00001}\n' +
        '}\n',
    );
  });
});

describe('Markdown parts', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['<script>x</script>', '&lt;script&gt;x&lt;/script&gt;'],
    ['`code` [l](u) *b* _i_ ~~s~~', '\\`code\\` \\[l\\](u) \\*b\\* \\_i\\_ \\~\\~s\\~\\~'],
    ['A & B', 'A &amp; B'],
    ['$5 to $10', '\\$5 to \\$10'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines', 'two lines'],
  ])('escapeMarkdown(%j) = %j', (text, want) => expect(escapeMarkdown(text)).toBe(want));

  it.each([
    ['https://github.com/a/b', 'https://github.com/a/b'],
    ['https://x.org/a)<b>', 'https://x.org/a%29%3Cb%3E'],
    ['javascript:alert(1)', undefined],
    [undefined, undefined],
  ])('markdownUrl(%s) = %s', (url, want) => expect(markdownUrl(url)).toBe(want));

  it.each([
    ['Multimodal Converter', 'multimodal-converter'],
    ['Data-Driven Method', 'data-driven-method'],
    ['In-LLM expert', 'in-llm-expert'],
    ['Other (Tool Learning)', 'other-tool-learning'],
  ])('githubAnchor(%s) = %s', (heading, want) => expect(githubAnchor(heading)).toBe(want));

  it.each([
    ['projection', 'Projection'],
    ['embedding-lm', 'Embedding LM'],
    ['in-llm-expert', 'In-LLM expert'],
    ['tool-tuning', 'Tool tuning'],
  ])('subcategoryHeading(%s) = %s', (id, want) => expect(subcategoryHeading(id)).toBe(want));

  it('a hostile title and venue stay inside their cells and produce no HTML', () => {
    const hostile = entry({
      name: 'Evil|Name <b>',
      title: 'Evil | Title <script>alert(1)</script> `code` [link](javascript:alert(1)) <img src=x onerror=alert(1)>',
      venue: 'ICML 2023 | <i>Oral</i>',
      code: 'https://github.com/evil/repo)<script>',
    });
    const html = new MarkdownIt().render(renderMarkdown([hostile, entry({ id: 'y', name: 'Y' })]));
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[dh]>/g) ?? []).length);
    expect(rows.slice(-3)).toEqual([5, 5, 5]);
    expect(html).not.toMatch(/<(script|img|i|b)[ >]/);
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<td>Evil|Name &lt;b&gt;</td>');
    expect(html).toContain('href="https://github.com/evil/repo%29%3Cscript%3E"');
  });

  it('entries without a subcategory go in an "Other" section of their category', () => {
    const md = renderMarkdown([entry({ subcategory: undefined }), entry({ id: 'p', name: 'P', subcategory: 'projection' })]);
    expect(md.match(/^#{2,3} .*$/gm)).toEqual(['## Contents', '## Entries per year', '## Multimodal Converter', '### Projection', '### Other (Multimodal Converter)']);
  });
});

describe('CSL-JSON', () => {
  // The constraints of the CSL-JSON schema (csl-data.json, CSL 1.0.2) that our items touch, written out here:
  // the schema itself is not shipped in any npm package we use. Every property must be one the schema
  // defines, with its type; `id` and `type` are required; names and dates have the schema's shapes.
  const CSL_TYPES = [
    'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic',
    'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'figure', 'graphic',
    'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet',
    'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation',
    'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
  ];
  const name = {
    type: 'object',
    additionalProperties: false,
    properties: {
      family: { type: 'string' }, given: { type: 'string' }, 'dropping-particle': { type: 'string' },
      'non-dropping-particle': { type: 'string' }, suffix: { type: 'string' }, literal: { type: 'string' },
    },
  };
  const date = {
    type: 'object',
    additionalProperties: false,
    properties: {
      'date-parts': { type: 'array', minItems: 1, maxItems: 2, items: { type: 'array', minItems: 1, maxItems: 3, items: { type: ['string', 'number'] } } },
    },
  };
  const CSL_DATA = {
    type: 'array',
    items: {
      type: 'object',
      required: ['type', 'id'],
      additionalProperties: false,
      properties: {
        id: { type: ['string', 'number'] },
        type: { enum: CSL_TYPES },
        title: { type: 'string' },
        author: { type: 'array', items: name },
        issued: date,
        'container-title': { type: 'string' },
        publisher: { type: 'string' },
        number: { type: ['string', 'number'] },
        DOI: { type: 'string' },
        URL: { type: 'string' },
      },
    },
  };
  const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(CSL_DATA);

  it('items of every kind are valid CSL-JSON', () => {
    const items = JSON.parse(
      renderCslJson([
        entry({ id: 'a', venue: 'CVPR 2023' }),
        entry({ id: 'b', venue: 'TMLR 2024', doi: '10.1/x' }),
        entry({ id: 'c', authors: ['Aaron van den Oord', 'Martin Luther King Jr.', '张伟'] }),
        entry({ id: 'd', arxiv: undefined, url: 'https://example.org' }),
      ]),
    );
    expect(validate(items), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    [entry({ venue: 'CVPR 2023 (Oral)' }), { type: 'paper-conference', 'container-title': 'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)' }],
    [entry({ venue: 'TMLR 2024' }), { type: 'article-journal', 'container-title': 'Transactions on Machine Learning Research', issued: { 'date-parts': [[2024]] } }],
    [entry(), { type: 'article', publisher: 'arXiv', number: 'arXiv:2301.00001' }],
  ])('cslItem %#', (e, want) => {
    expect(cslItem(e, 'k')).toEqual({
      id: 'k',
      title: 'A Title',
      author: [{ family: 'Lee', given: 'Ann' }],
      issued: { 'date-parts': [[2023]] },
      URL: 'https://arxiv.org/abs/2301.00001',
      ...want,
    });
  });

  it('a team is a literal name, kept whole', () => {
    expect(cslItem(entry({ authors: ['Chameleon Team'] }), 'k').author).toEqual([{ literal: 'Chameleon Team' }]);
  });

  it('a particle is a non-dropping particle', () => {
    expect(cslItem(entry({ authors: ['Aaron van den Oord'] }), 'k').author).toEqual([{ family: 'Oord', given: 'Aaron', 'non-dropping-particle': 'van den' }]);
  });
});

describe('determinism', () => {
  const es = [
    entry({ id: 'b', name: 'B', year: 2022, subcategory: 'projection', venue: 'ICML 2022' }),
    entry({ id: 'a', name: 'A', category: 'tool', authors: ['José Müller'] }),
    entry({ id: 'c', name: 'C', title: 'A Title Too' }),
  ];
  it.each(EXPORT_FORMATS)('%s: twice the same bytes, whatever the input order', async (format) => {
    const first = await renderExport(format, es);
    expect(await renderExport(format, es)).toBe(first);
    expect(await renderExport(format, [...es].reverse())).toBe(first);
  });

  it('renderBibtex ascii differs from UTF-8 only where needed', () => {
    expect(renderBibtex(es, { ascii: true })).toContain('M{\\"u}ller, Jos{\\\'e}');
    expect(renderBibtex(es)).toContain('Müller, José');
  });
});

describe('describeDifference', () => {
  it('equal texts: no difference', () => expect(describeDifference('a\nb\n', 'a\nb\n')).toBeUndefined());

  it('names the first differing line and counts', () => {
    expect(describeDifference('a\nb\nc\n', 'a\nB\nc\nd\n')).toBe(
      'first difference at line 2\n  file:   b\n  export: B\n3 lines in the file, 4 in a fresh export: 1 only in the file, 2 only in the export',
    );
  });

  it('a shorter file ends early', () => {
    expect(describeDifference('a\n', 'a\nb\n')).toBe(
      'first difference at line 2\n  file:   (end of file)\n  export: b\n1 line in the file, 2 in a fresh export: 0 only in the file, 1 only in the export',
    );
  });
});
