/** Pruning replay records (store/replay.ts): the newest are kept, within a count and a byte budget; stale temporary files go. */
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneRecords } from '../../src/store/replay.js';

const NOW = Date.parse('2026-11-30T12:00:00Z');

/** A folder of records named r0 (newest) … r{n-1}, each `size` bytes, a minute apart. */
function folder(sizes: number[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-prune-'));
  sizes.forEach((size, i) => {
    const file = path.join(dir, `r${i}.out`);
    writeFileSync(file, Buffer.alloc(size));
    const t = new Date(NOW - i * 60_000);
    utimesSync(file, t, t);
  });
  return dir;
}

const left = (dir: string) => readdirSync(dir).sort();

describe('pruneRecords', () => {
  it('keeps the newest records up to the count', () => {
    const dir = folder([10, 10, 10, 10, 10]);
    pruneRecords(dir, { records: 3, bytes: 1_000 }, NOW);
    expect(left(dir)).toEqual(['r0.out', 'r1.out', 'r2.out']);
  });

  it('keeps the newest records within the byte budget, and always the newest one', () => {
    const dir = folder([40, 30, 20, 10]);
    pruneRecords(dir, { records: 10, bytes: 75 }, NOW);
    expect(left(dir)).toEqual(['r0.out', 'r1.out']);
    const big = folder([500, 10]);
    pruneRecords(big, { records: 10, bytes: 100 }, NOW);
    expect(left(big)).toEqual(['r0.out']);
  });

  it('removes temporary files older than an hour, and nothing else', () => {
    const dir = folder([10]);
    for (const [name, age] of [['old.tmp', 2 * 3600_000], ['new.tmp', 60_000]] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, 'x');
      const t = new Date(NOW - age);
      utimesSync(file, t, t);
    }
    writeFileSync(path.join(dir, 'notes.txt'), 'kept');
    pruneRecords(dir, { records: 10, bytes: 1_000 }, NOW);
    expect(left(dir)).toEqual(['new.tmp', 'notes.txt', 'r0.out']);
  });
});
