/** The shipped catalogue's invariants (issue: the catalogue). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../src/core/entry.js';
import { listEntryFiles, readSources } from '../src/load/read.js';
import { validateAll } from '../src/validate/validate.js';
import { ROOT } from './helpers.js';

/** The 51 methods of ../shared/survey/methods.yaml, by id. */
const SURVEY_IDS = `fromage kosmos-1 palm-e llava minigpt-4 speechgpt pandagpt video-chatgpt macaw-llm shikra next-gpt llava-1.5
minigpt-v2 flamingo blip-2 llama-adapter mplug-owl llama-adapter-v2 otter x-llm multimodal-gpt videochat
instructblip video-llama openflamingo bliva qwen-vl imagebind-llm cogvlm mplug-owl2 visprog visual-chatgpt
vipergpt mm-react taskmatrix-ai hugginggpt chameleon audiogpt interngpt gpt4tools assistgpt llava-plus detgpt
llava-med kosmos-2 llavar mplug-docowl gpt4roi 3d-llm med-flamingo pointllm`.split(/\s+/);

describe('the shipped catalogue is complete', () => {
  const files = listEntryFiles(path.join(ROOT, 'entries'));
  const { diagnostics } = validateAll(readSources(files, (a) => a));
  // The checks below read the files themselves, not only the entries that passed validation.
  const all = files.map((f) => jsyaml.load(readFileSync(f, 'utf8')) as Entry);
  const ids = new Set(all.map((e) => e.id));

  it('validates cleanly', () => {
    expect(diagnostics).toEqual([]);
  });

  it('holds every survey method', () => {
    expect(SURVEY_IDS).toHaveLength(51);
    expect(SURVEY_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('holds at least 25 methods beyond the survey', () => {
    const beyond = all.filter((e) => !SURVEY_IDS.includes(e.id));
    expect(beyond.length).toBeGreaterThanOrEqual(25);
    expect(beyond.filter((e) => e.year < 2024).map((e) => e.id)).toEqual([]);
  });

  it.each(['converter', 'perceiver', 'tool', 'data-driven'])('category %s holds at least 12 entries', (c) => {
    expect(all.filter((e) => e.category === c).length).toBeGreaterThanOrEqual(12);
  });

  it('every entry has a summary, modalities, a subcategory and a locator', () => {
    const lacking = all.filter((e) => !e.summary || !e.modalities?.length || !e.subcategory || !(e.arxiv || e.doi || e.url));
    expect(lacking.map((e) => e.id)).toEqual([]);
  });

  it('every builds_on target exists', () => {
    const dangling = all.flatMap((e) => (e.builds_on ?? []).filter((t) => !ids.has(t)).map((t) => `${e.id} -> ${t}`));
    expect(dangling).toEqual([]);
  });

  it('the links the survey is known for are there', () => {
    const link = (a: string) => all.find((e) => e.id === a)?.builds_on ?? [];
    expect([
      link('instructblip').includes('blip-2'),
      link('llava-1.5').includes('llava'),
      link('openflamingo').includes('flamingo'),
      link('otter').includes('openflamingo'),
      link('mplug-owl2').includes('mplug-owl'),
      link('llama-adapter-v2').includes('llama-adapter'),
      link('minigpt-v2').includes('minigpt-4'),
    ]).toEqual([true, true, true, true, true, true, true]);
  });

  it('code links are repositories, not project pages', () => {
    const pages = all.filter((e) => e.code && /github\.io|\.github\.io|aka\.ms|huggingface\.co\/(?!spaces)/.test(e.code));
    expect(pages.map((e) => `${e.id}: ${e.code}`)).toEqual([]);
  });
});
