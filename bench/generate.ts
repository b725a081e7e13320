/**
 * Deterministic synthetic catalogues for the benchmark and the cache tests: N valid, realistic
 * entries (several authors, a summary, tags, builds_on links), the same bytes on every run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_LINE } from '../src/core/schema-def.js';
import { CATEGORIES, MODALITY_IDS } from '../src/core/taxonomy.js';

const GIVEN = ['Haotian', 'Chunyuan', 'Wei', 'Junnan', 'Dongxu', 'Jean-Baptiste', 'Ana', 'Yong Jae', 'Sofía', 'Łukasz', 'Mei', 'Ravi', 'Olga', 'Kenji', 'Amara'];
const FAMILY = ['Liu', 'Li', 'Wu', 'Lee', 'Alayrac', 'García', 'Kowalski', 'Zhang', 'Chen', 'Patel', 'Ivanova', 'Tanaka', 'Okafor', 'Müller', 'Dubois'];
const WORDS = ['visual', 'instruction', 'tuning', 'grounded', 'audio', 'language', 'models', 'alignment', 'efficient', 'perception', 'tokens', 'scaling', 'video', 'reasoning', 'retrieval', 'adapters', 'resampler', 'multimodal', 'experts', 'bootstrapping'];
const VENUES = ['NeurIPS', 'ICML', 'ICLR', 'CVPR', 'ICCV', 'ECCV', 'ACL', 'EMNLP', 'AAAI'];
const LLMS = ['Vicuna', 'LLaMA', 'OPT', 'Flan-T5', 'Qwen', 'Mistral', 'Chinchilla', 'GPT-4'];
const TAGS = ['instruction-tuning', 'open-source', 'grounding', 'video', 'audio', 'ocr', 'medical', 'robotics', 'retrieval', 'mixture-of-experts', '3d'];
const SUBS = CATEGORIES.flatMap((c) => c.subcategories.map((s) => ({ category: c.id, subcategory: s.id })));

/** A small seeded generator (mulberry32), so every catalogue is the same bytes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The text of synthetic entry number `i` (0-based) of a catalogue of `n`. */
export function entryText(i: number): string {
  const r = random(i + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const some = <T>(xs: readonly T[], k: number): T[] => [...new Set(Array.from({ length: k }, () => pick(xs)))];
  const id = `method-${i}`;
  const year = 2019 + (i % 7);
  const { category, subcategory } = SUBS[i % SUBS.length]!;
  const authors = Array.from({ length: 2 + Math.floor(r() * 6) }, () => `${pick(GIVEN)} ${pick(FAMILY)}`);
  const title = `${some(WORDS, 5).map((w, k) => (k === 0 ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ')} ${i}`;
  const arxiv = `${String(year % 100).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + (i % 89999)).padStart(5, '0')}`;
  const modalities = [...new Set([pick(MODALITY_IDS.filter((m) => m !== 'text')), 'text'])];
  const builds = i > 0 ? [...new Set(Array.from({ length: 1 + Math.floor(r() * 2) }, () => `method-${Math.floor(r() * i)}`))] : [];
  const summary = Array.from({ length: 3 }, () => `The method ${some(WORDS, 8).join(' ')} with a ${pick(LLMS)} backbone.`).join(' ');
  const lines = [
    SCHEMA_LINE,
    `id: ${id}`,
    `name: Method-${i}`,
    `title: ${title}`,
    'authors:',
    ...authors.map((a) => `  - ${a}`),
    `year: ${year}`,
    `category: ${category}`,
    `subcategory: ${subcategory}`,
    `arxiv: "${arxiv}"`,
    `venue: ${pick(VENUES)} ${year}`,
    `code: https://github.com/example/method-${i}`,
    'modalities:',
    ...modalities.map((m) => `  - ${m}`),
    'llm:',
    ...some(LLMS, 2).map((m) => `  - ${m}`),
    'tags:',
    ...some(TAGS, 3).map((t) => `  - ${t}`),
    ...(builds.length > 0 ? ['builds_on:', ...builds.map((b) => `  - ${b}`)] : []),
    `citekey: method${i}`,
    'summary: >-',
    ...summary.match(/.{1,90}(?:\s|$)/g)!.map((l) => `  ${l.trim()}`),
    `added: 2026-0${1 + (i % 9)}-1${i % 10}`,
  ];
  return lines.join('\n') + '\n';
}

/** Write a catalogue of `n` entries into `dir` (created); returns `dir`. */
export function generateCatalogue(dir: string, n: number): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `method-${i}.yaml`), entryText(i));
  return dir;
}
