import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/catalogue.js';
import { DataError } from '../../src/core/errors.js';
import { criteriaFromSelection, selectEntries, type SelectionOptions } from '../../src/cli/selection.js';
import { listEntryFiles, readSources } from '../../src/load/read.js';
import { applyFilter } from '../../src/query/filter.js';
import { parseQuery, QueryError } from '../../src/query/parse-query.js';
import { validateAll } from '../../src/validate/validate.js';
import { FIXED_NOW, FIXTURES } from '../helpers.js';

const sources = readSources(listEntryFiles(path.join(FIXTURES, 'catalogue')), (f) => path.basename(f));
const catalogue = buildCatalogue(validateAll(sources, { now: FIXED_NOW }).entries);
const ids = (query: string) => applyFilter(catalogue.entries, { terms: parseQuery(query) }).map((e) => e.id);

const ALL = catalogue.entries.map((e) => e.id);
const PERCEIVER = ['blip-2', 'cogvlm', 'flamingo', 'instructblip', 'video-llama'];
const WITH_CODE = ['blip-2', 'cogvlm', 'gpt4tools', 'instructblip', 'llava', 'pointllm', 'speechgpt', 'video-llama', 'visual-chatgpt'];
const WITHOUT_CODE = ['flamingo', 'kosmos-1', 'kosmos-2', 'llava-1.5', 'llava-med', 'minigpt-4', 'vipergpt'];
const INSTRUCTION_TUNING = ['gpt4tools', 'instructblip', 'llava-1.5', 'llava-med', 'llava', 'minigpt-4', 'pointllm', 'speechgpt'];

describe('the fixture catalogue', () => {
  it('has the 16 entries the tables below assume, in file order', () => {
    expect(ALL).toEqual([
      'blip-2', 'cogvlm', 'flamingo', 'gpt4tools', 'instructblip', 'kosmos-1', 'kosmos-2', 'llava-1.5',
      'llava-med', 'llava', 'minigpt-4', 'pointllm', 'speechgpt', 'video-llama', 'vipergpt', 'visual-chatgpt',
    ]);
  });
});

describe('applyFilter over the fixture catalogue (query)', () => {
  it.each([
    ['', ALL],
    ['category:perceiver', PERCEIVER],
    ['category:"Multimodal Perceiver"', PERCEIVER],
    ['category:"multimodal perceivers"', PERCEIVER],
    ['category:tool,data-driven', ['gpt4tools', 'kosmos-2', 'llava-med', 'pointllm', 'vipergpt', 'visual-chatgpt']],
    ['-category:perceiver -category:converter', ['gpt4tools', 'kosmos-2', 'llava-med', 'pointllm', 'vipergpt', 'visual-chatgpt']],
    ['subcategory:projection', ['llava-1.5', 'llava', 'minigpt-4']],
    ['subcategory:query-resampler,in-llm-expert', PERCEIVER],
    ['modality:video', ['flamingo', 'video-llama']],
    ['modality:video,audio', ['flamingo', 'speechgpt', 'video-llama']],
    ['modality:video modality:audio', ['video-llama']],
    ['modality:point-cloud', ['pointllm']],
    ['modality:video year>=2023', ['video-llama']],
    ['modality:video -tag:audio', ['flamingo']],
    ['category:perceiver modality:video year>=2023 has:code', ['video-llama']],
    ['year:2022', ['flamingo']],
    ['year=2022', ['flamingo']],
    ['year<2023', ['flamingo']],
    ['year<=2022', ['flamingo']],
    ['year:..2022', ['flamingo']],
    ['until:2022', ['flamingo']],
    ['-year:2023', ['flamingo']],
    ['year>2022', ALL.filter((id) => id !== 'flamingo')],
    ['since:2023', ALL.filter((id) => id !== 'flamingo')],
    ['year:2020..2021', []],
    ['year:2021,2022', ['flamingo']],
    ['has:code', WITH_CODE],
    ['code:yes', WITH_CODE],
    ['-has:code', WITHOUT_CODE],
    ['code:no', WITHOUT_CODE],
    ['code:yes,no', ALL],
    ['llm:vicuna', ['llava', 'minigpt-4']],
    ['llm:llama', ['gpt4tools', 'llava-med', 'llava']],
    ['llm:chatgpt', ['gpt4tools', 'visual-chatgpt']],
    ['tag:q-former', ['blip-2', 'instructblip', 'video-llama']],
    ['tag:instruction-tuning', INSTRUCTION_TUNING],
    ['tag:instruction', []],
    ['venue:neurips', ['cogvlm', 'flamingo', 'gpt4tools', 'llava-med', 'llava']],
    ['venue:"NeurIPS 2023"', ['gpt4tools', 'llava-med', 'llava']],
    ['venue:emnlp', ['speechgpt', 'video-llama']],
    ['author:liu', ['kosmos-1', 'llava-1.5', 'llava-med', 'llava']],
    ['author:"haotian liu"', ['llava-1.5', 'llava-med', 'llava']],
    ['author:lin', ['gpt4tools', 'pointllm']],
    ['author:suris', ['vipergpt']],
    ['author:Surís', ['vipergpt']],
    ['author:"Junnan Li" -builds-on:blip-2', ['blip-2']],
    ['builds-on:llava', ['llava-1.5', 'llava-med']],
    ['builds-on:blip-2,kosmos-1', ['instructblip', 'kosmos-2']],
    ['resampler', ['flamingo']],
    ['RESAMPL', ['flamingo']],
    ['grounding', ['cogvlm', 'kosmos-2']],
    ['"visual expert"', ['cogvlm']],
    ['text:ImageBind', ['video-llama']],
    ['VIDEO-llama', ['video-llama']],
    ['frozen llm', ['blip-2', 'flamingo', 'instructblip', 'minigpt-4', 'video-llama']],
    ['"frozen llm"', ['blip-2', 'flamingo', 'minigpt-4']],
    ['"instruction tuning"', INSTRUCTION_TUNING],
    ['"instruction tuning" -tag:instruction-tuning', []],
    ['interleaved few-shot', ['flamingo', 'kosmos-1']],
    ['"tuning instruction"', []],
  ])('%s', (query, want) => expect(ids(query)).toEqual(want));
});

describe('criteriaFromSelection: flags, alone and with a query', () => {
  const select = (opts: SelectionOptions, query?: string | string[]) => selectEntries(catalogue, opts, query).map((e) => e.id);
  it.each<[SelectionOptions, string | string[] | undefined, string[]]>([
    [{}, undefined, ALL],
    [{ category: ['perceiver'] }, undefined, PERCEIVER],
    [{ category: ['Tool Learning'] }, undefined, ['gpt4tools', 'vipergpt', 'visual-chatgpt']],
    [{ category: ['perceiver'], modality: ['video'], since: ['2023'], hasCode: true }, undefined, ['video-llama']],
    [{ modality: ['video', 'audio'] }, undefined, ['flamingo', 'speechgpt', 'video-llama']],
    [{ year: ['>=2023'], until: ['2023'], category: ['tool'] }, undefined, ['gpt4tools', 'vipergpt', 'visual-chatgpt']],
    [{ year: ['2022..2022'] }, undefined, ['flamingo']],
    [{ since: ['2024', '2022'] }, undefined, ALL],
    [{ text: ['frozen llm'] }, undefined, ['blip-2', 'flamingo', 'instructblip', 'minigpt-4', 'video-llama']],
    [{ text: ['imagebind', 'visual expert'] }, undefined, ['cogvlm', 'video-llama']],
    [{ author: ['Haotian Liu'], llm: ['vicuna'] }, undefined, ['llava']],
    [{ venue: ['iclr', 'eccv'] }, undefined, ['kosmos-2', 'pointllm']],
    [{ tag: ['open-source'], buildsOn: ['llava'] }, undefined, ['llava-1.5']],
    [{ subcategory: ['projection'] }, '-has:code', ['llava-1.5', 'minigpt-4']],
    [{ category: ['perceiver'] }, 'tag:q-former -modality:video', ['blip-2', 'instructblip']],
    [{ category: ['perceiver'] }, ['tag:q-former', '-modality:video'], ['blip-2', 'instructblip']],
    [{ hasCode: true }, 'category:tool', ['gpt4tools', 'visual-chatgpt']],
  ])('%j %j', (opts, query, want) => expect(select(opts, query)).toEqual(want));

  it.each<[SelectionOptions, string]>([
    [{ modality: ['vide'] }, '--modality: unknown modality "vide"; did you mean "video"? Valid modalities: text, image, video, audio, speech, music, 3d, point-cloud, depth, thermal, imu, sensor, table, chart, document, gui, motion'],
    [{ category: ['percevier'] }, '--category: unknown category "percevier"; did you mean "perceiver"? Valid categories: converter (Multimodal Converter), perceiver (Multimodal Perceiver), tool (Tool Learning), data-driven (Data-Driven Method)'],
    [{ since: ['soon'] }, '--since: since needs a four-digit year such as 2023; got "soon"'],
    [{ year: ['=>2023'] }, '--year: malformed year comparison "=>2023"; write 2023, =2023, >2022, >=2023, <2024, <=2023 or 2022..2023'],
    [{ tag: [''] }, '--tag: tag needs a value, e.g. tag:TAG'],
  ])('%j fails: %s', (opts, message) => {
    let error: unknown;
    try {
      selectEntries(catalogue, opts);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(QueryError);
    expect((error as Error).message).toBe(message);
  });

  // An unknown id is a data error (exit 1), the same as `show` with an unknown id (#13).
  it.each<[SelectionOptions, string]>([
    [{ buildsOn: ['lava'] }, 'builds-on: no entry "lava" in the catalogue; did you mean "llava"?'],
    [{ buildsOn: ['nothing-like-it'] }, 'builds-on: no entry "nothing-like-it" in the catalogue; run `mllm-align list --format ids` to see the ids'],
  ])('%j fails: %s', (opts, message) => {
    expect(() => selectEntries(catalogue, opts)).toThrow(new DataError(message));
  });

  it('parses without a catalogue, for commands that check first', () => {
    expect(criteriaFromSelection({ category: ['tool'] }, 'has:code').terms).toEqual([
      { field: 'category', values: ['tool'], negate: false },
      { field: 'has-code', values: [true], negate: false },
    ]);
  });
});
