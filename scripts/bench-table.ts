/**
 * Table benchmark (issue #12, item 16): the `list` table of 10,000 and 20,000 synthetic entries, as
 * ratios measured in the same run: table time over the JSON list's, and 20,000 over 10,000 (about 2
 * when rendering is linear). Run: npm run bench:table
 */
import type { Entry } from '../src/core/entry.js';
import { renderEntryTable } from '../src/render/table.js';

function entries(n: number): Entry[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    name: i % 7 === 0 ? `Modèle ${i} 模型` : `Method-${i}`,
    title: `A title number ${i} on aligning modalities with a language model`.repeat(1 + (i % 3)),
    authors: ['Ada Lovelace'],
    year: 2020 + (i % 6),
    category: 'converter',
    venue: i % 2 ? 'NeurIPS 2023' : undefined,
  }));
}

function median(f: () => void, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const small = entries(10_000);
const large = entries(20_000);
const table10 = median(() => renderEntryTable(small, { color: false, columns: 120 }));
const table20 = median(() => renderEntryTable(large, { color: false, columns: 120 }));
const json20 = median(() => JSON.stringify(large, null, 2));
console.log(`table 10,000: ${table10.toFixed(0)} ms; table 20,000: ${table20.toFixed(0)} ms; JSON 20,000: ${json20.toFixed(0)} ms`);
console.log(`20,000 / 10,000: ${(table20 / table10).toFixed(2)}x (2 = linear); table / JSON at 20,000: ${(table20 / json20).toFixed(1)}x`);
