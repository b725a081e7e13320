import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { parseQuery, QueryError } from '../../src/query/parse-query.js';

const FIELDS = 'category, subcategory, modality, llm, tag, venue, author, year, since, until, builds-on, has, text or code';

describe('parseQuery: terms', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['modality:video', [{ field: 'modality', values: ['video'], negate: false }]],
    ['modality:video,audio', [{ field: 'modality', values: ['video', 'audio'], negate: false }]],
    ['modalities:VIDEO', [{ field: 'modality', values: ['video'], negate: false }]],
    ['-tag:audio', [{ field: 'tag', values: ['audio'], negate: true }]],
    ['tags:Q-Former', [{ field: 'tag', values: ['q-former'], negate: false }]],
    ['Category:Tool', [{ field: 'category', values: ['tool'], negate: false }]],
    ['category:"Multimodal Perceiver"', [{ field: 'category', values: ['perceiver'], negate: false }]],
    ['category:"Data-Driven methods",converter', [{ field: 'category', values: ['data-driven', 'converter'], negate: false }]],
    ['subcategory:projection', [{ field: 'subcategory', values: ['projection'], negate: false }]],
    ['llm:vicuna', [{ field: 'llm', values: ['vicuna'], negate: false }]],
    ['venue:"NeurIPS 2023"', [{ field: 'venue', values: ['NeurIPS 2023'], negate: false }]],
    ['author:"Li, Junnan"', [{ field: 'author', values: ['Li, Junnan'], negate: false }]],
    ['author:liu,"Yong Jae Lee"', [{ field: 'author', values: ['liu', 'Yong Jae Lee'], negate: false }]],
    ['builds-on:LLaVA', [{ field: 'builds-on', values: ['llava'], negate: false }]],
    ['builds_on:llava', [{ field: 'builds-on', values: ['llava'], negate: false }]],
    ['year:2023', [{ field: 'year', ranges: [{ min: 2023, max: 2023 }], negate: false }]],
    ['year=2023', [{ field: 'year', ranges: [{ min: 2023, max: 2023 }], negate: false }]],
    ['year>=2023', [{ field: 'year', ranges: [{ min: 2023 }], negate: false }]],
    ['year>2022', [{ field: 'year', ranges: [{ min: 2023 }], negate: false }]],
    ['year<2024', [{ field: 'year', ranges: [{ max: 2023 }], negate: false }]],
    ['year<=2023', [{ field: 'year', ranges: [{ max: 2023 }], negate: false }]],
    ['year:>=2023', [{ field: 'year', ranges: [{ min: 2023 }], negate: false }]],
    ['year:2020..2022', [{ field: 'year', ranges: [{ min: 2020, max: 2022 }], negate: false }]],
    ['year:..2022', [{ field: 'year', ranges: [{ max: 2022 }], negate: false }]],
    ['year:2021..', [{ field: 'year', ranges: [{ min: 2021 }], negate: false }]],
    ['year:2021,2023', [{ field: 'year', ranges: [{ min: 2021, max: 2021 }, { min: 2023, max: 2023 }], negate: false }]],
    ['-year<2023', [{ field: 'year', ranges: [{ max: 2022 }], negate: true }]],
    ['since:2023', [{ field: 'year', ranges: [{ min: 2023 }], negate: false }]],
    ['until:2022', [{ field: 'year', ranges: [{ max: 2022 }], negate: false }]],
    ['has:code', [{ field: 'has-code', values: [true], negate: false }]],
    ['-has:code', [{ field: 'has-code', values: [true], negate: true }]],
    ['code:yes', [{ field: 'has-code', values: [true], negate: false }]],
    ['code:no', [{ field: 'has-code', values: [false], negate: false }]],
    ['resampler', [{ field: 'text', needles: [{ words: ['resampler'], phrase: true }], negate: false }]],
    ['Surís', [{ field: 'text', needles: [{ words: ['suris'], phrase: true }], negate: false }]],
    ['"instruction tuning"', [{ field: 'text', needles: [{ words: ['instruction', 'tuning'], phrase: true }], negate: false }]],
    ['-"frozen LLM"', [{ field: 'text', needles: [{ words: ['frozen', 'llm'], phrase: true }], negate: true }]],
    ['"year>=2023"', [{ field: 'text', needles: [{ words: ['year', '2023'], phrase: true }], negate: false }]],
    ['text:imagebind,q-former', [{ field: 'text', needles: [{ words: ['imagebind'], phrase: true }, { words: ['q', 'former'], phrase: true }], negate: false }]],
    ['2304.08485', [{ field: 'text', needles: [{ words: ['2304', '08485'], phrase: true }], negate: false }]],
    [
      'modality:video year>=2023 -tag:audio "instruction tuning"',
      [
        { field: 'modality', values: ['video'], negate: false },
        { field: 'year', ranges: [{ min: 2023 }], negate: false },
        { field: 'tag', values: ['audio'], negate: true },
        { field: 'text', needles: [{ words: ['instruction', 'tuning'], phrase: true }], negate: false },
      ],
    ],
  ] as const)('%s', (query, terms) => expect(parseQuery(query)).toEqual(terms));
});

describe('parseQuery: errors', () => {
  it.each([
    ['modalty:video', 1, `in query term "modalty:video": unknown field "modalty"; did you mean "modality"? Fields: ${FIELDS}`],
    ['video foo:bar', 7, `in query term "foo:bar": unknown field "foo". Fields: ${FIELDS}. To search for the word itself, put it in quotes: '"foo:bar"'`],
    ['https://example.org', 1, `in query term "https://example.org": unknown field "https". Fields: ${FIELDS}. To search for the word itself, put it in quotes: '"https://example.org"'`],
    ['modality>video', 1, 'in query term "modality>video": only year takes >; write modality:VALUE (comparisons: year:2023, year>=2023, year<2024, year:2022..2023)'],
    ['since>=2023', 1, 'in query term "since>=2023": only year takes >=; write since:VALUE (comparisons: year:2023, year>=2023, year<2024, year:2022..2023)'],
    ['year>=abc', 1, 'in query term "year>=abc": year needs a four-digit year such as 2023; got "abc"'],
    ['year>=', 1, 'in query term "year>=": year needs a four-digit year such as 2023; got ""'],
    ['year:', 1, 'in query term "year:": year needs a value, e.g. year:2023'],
    ['year=>2023', 1, 'in query term "year=>2023": malformed year comparison "=>2023"; write 2023, =2023, >2022, >=2023, <2024, <=2023 or 2022..2023'],
    ['year:<>2023', 1, 'in query term "year:<>2023": malformed year comparison "<>2023"; write 2023, =2023, >2022, >=2023, <2024, <=2023 or 2022..2023'],
    ['year:2024..2022', 1, 'in query term "year:2024..2022": year range 2024..2022 is empty: 2024 is after 2022'],
    ['year:..', 1, 'in query term "year:..": a year range needs at least one end, e.g. 2022..2023'],
    ['since:23', 1, 'in query term "since:23": since needs a four-digit year such as 2023; got "23"'],
    ['tag:', 1, 'in query term "tag:": tag needs a value, e.g. tag:TAG'],
    ['tag:,', 1, 'in query term "tag:,": tag needs a value, e.g. tag:TAG'],
    [
      'category:percevier',
      1,
      'in query term "category:percevier": unknown category "percevier"; did you mean "perceiver"? Valid categories: converter (Multimodal Converter), perceiver (Multimodal Perceiver), tool (Tool Learning), data-driven (Data-Driven Method)',
    ],
    [
      'modality:vide',
      1,
      'in query term "modality:vide": unknown modality "vide"; did you mean "video"? Valid modalities: text, image, video, audio, speech, music, 3d, point-cloud, depth, thermal, imu, sensor, table, chart, document, gui, motion',
    ],
    [
      'subcategory:projecton',
      1,
      'in query term "subcategory:projecton": unknown subcategory "projecton"; did you mean "projection"? Valid subcategories: projection, embedding-lm, discrete-tokens, query-resampler, adapter, in-llm-expert, controller, program, tool-tuning, domain-data, task-data',
    ],
    ['has:paper', 1, 'in query term "has:paper": has: knows only "code" (has:code); got "has:paper"'],
    ['code:maybe', 1, 'in query term "code:maybe": code: takes yes or no; got "code:maybe"'],
    ['"unterminated phrase', 1, 'unterminated quote at column 1: "unterminated phrase'],
    ['venue:"NeurIPS', 7, 'unterminated quote at column 7: "NeurIPS'],
    ['video - audio', 7, 'in query term "-": a lone "-" negates nothing; write -field:value or -word'],
    ['--category perceiver', 1, 'in query term "--category": "--category" looks like an option; put options outside the quoted query'],
    ['"!!"', 1, 'in query term "\\"!!\\"": text "!!" has no letters or digits to search for'],
  ])('%s', (query, column, message) => {
    let error: unknown;
    try {
      parseQuery(query);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(QueryError);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as QueryError).message).toBe(message);
    expect((error as QueryError).column).toBe(column);
  });
});
