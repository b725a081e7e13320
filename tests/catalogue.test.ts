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

  it('holds at least 126 methods, 40 of them first posted 2023-2024 beyond the survey (#9)', () => {
    expect(all.length).toBeGreaterThanOrEqual(126);
    const beyond = all.filter((e) => !SURVEY_IDS.includes(e.id));
    expect(beyond.filter((e) => e.year === 2023 || e.year === 2024).length).toBeGreaterThanOrEqual(40);
  });

  it.each(['converter', 'perceiver', 'tool', 'data-driven'])('holds at least 15 %s entries first posted 2025-2026 (#11)', (c) => {
    const recent = all.filter((e) => e.year >= 2025);
    expect(recent.length).toBeGreaterThanOrEqual(70);
    expect(recent.filter((e) => e.category === c).length).toBeGreaterThanOrEqual(15);
  });

  // Authoritative first: an arXiv page, the official repository, the proceedings or an OpenReview decision (#9).
  const AUTHORITATIVE = /^https:\/\/(?:(?:www\.|export\.|web3\.|pdf\.|ar5iv\.labs\.)?arxiv\.org|github\.com|openreview\.net|aclanthology\.org|openaccess\.thecvf\.com|(?:eccv\.)?ecva\.net|proceedings\.(?:neurips\.cc|mlr\.press)|papers\.nips\.cc|ojs\.aaai\.org|link\.springer\.com|dl\.acm\.org)\//;

  it('every entry names its sources, an authoritative page first', () => {
    const lacking = all.filter((e) => !e.sources?.length || !AUTHORITATIVE.test(e.sources[0]!));
    expect(lacking.map((e) => `${e.id}: ${e.sources?.[0] ?? '(none)'}`)).toEqual([]);
  });

  it('every entry pins its citation key (#10)', () => {
    expect(all.filter((e) => !e.citekey).map((e) => e.id)).toEqual([]);
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
