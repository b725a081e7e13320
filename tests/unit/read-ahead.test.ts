/**
 * The read-ahead worker (load/read-ahead.ts) reads only what readEntryFile would read the same way,
 * and every file is read by exactly one thread: what a run sees through it equals reading every
 * file here, whatever the files are (links, folders, FIFOs, empty, large, missing, changed).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadAhead } from '../../src/load/read-ahead.js';
import { OPEN_FLAGS, readAheadResult, readEntryFile, type ReadResult } from '../../src/load/read.js';
import { tempDir } from '../helpers.js';

/** What a read amounts to, bytes copied (they live in a reused buffer). */
function summary(r: ReadResult) {
  return {
    source: r.source,
    stamp: r.stamp && { size: r.stamp.size, mtimeMs: r.stamp.mtimeMs, ctimeMs: r.stamp.ctimeMs, ino: r.stamp.ino },
    bytes: r.bytes && Buffer.from(r.bytes).toString('base64'),
  };
}

function readThrough(files: string[], env: NodeJS.ProcessEnv = {}, between?: (k: number) => void) {
  const ahead = ReadAhead.start(files, OPEN_FLAGS, env);
  const out: Array<ReturnType<typeof summary>> = [];
  let fromWorker = 0;
  try {
    files.forEach((abs, k) => {
      between?.(k);
      const got = ahead?.take(k);
      if (got) fromWorker++;
      out.push(summary(got ? readAheadResult(path.basename(abs), got.bytes, got.stamp) : readEntryFile(abs, path.basename(abs))));
    });
  } finally {
    ahead?.stop();
  }
  return { out, fromWorker, started: ahead !== undefined };
}

describe.skipIf(OPEN_FLAGS === undefined)('reading ahead', () => {
  it('gives what readEntryFile gives for every kind of file, each file read once', () => {
    const dir = tempDir('ahead');
    const files: string[] = [];
    for (let i = 0; i < 1200; i++) {
      const f = path.join(dir, `e${String(i).padStart(4, '0')}.yaml`);
      files.push(f);
      if (i % 97 === 5) mkdirSync(f);
      else if (i % 97 === 6) symlinkSync(files[0]!, f);
      else if (i % 97 === 7) symlinkSync('/etc/hostname', f);
      else if (i % 97 === 8) writeFileSync(f, '');
      else if (i % 97 === 9) writeFileSync(f, `id: big\nsummary: >-\n${'  word\n'.repeat(20_000)}`);
      else if (i % 97 === 10) writeFileSync(f, Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0x0a]));
      else if (i % 97 === 11) continue; // missing
      else if (i % 97 === 12) execFileSync('mkfifo', [f]);
      else writeFileSync(f, `id: e${i}\ntitle: "Ünïcode ${'x'.repeat(i % 300)}"\n`);
    }
    const here = files.map((abs) => summary(readEntryFile(abs, path.basename(abs))));
    // This thread waits a moment first, so that the worker has started and read ahead.
    const through = readThrough(files, {}, (k) => void (k === 0 && Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300)));
    expect(through.started).toBe(true);
    expect(through.out).toEqual(here);
    // The worker did read (most of) them; the odd ones were handed back.
    expect(through.fromWorker).toBeGreaterThan(0);
  });

  it('sees a file changed before it is taken as readEntryFile would at that moment, or as it was', () => {
    const dir = tempDir('ahead-change');
    const files = Array.from({ length: 600 }, (_, i) => path.join(dir, `e${i}.yaml`));
    files.forEach((f, i) => writeFileSync(f, `id: e${i}\n`));
    // Halfway, the last file is replaced: whichever thread reads it, the stamp matches the bytes.
    const { out } = readThrough(files, {}, (k) => {
      if (k === 300) {
        unlinkSync(files[599]!);
        writeFileSync(files[599]!, 'id: changed-and-longer\n');
      }
    });
    const last = out[599]!;
    expect(['id: e599\n', 'id: changed-and-longer\n']).toContain(Buffer.from(last.bytes!, 'base64').toString());
    expect(last.stamp!.size).toBe(Buffer.from(last.bytes!, 'base64').length);
  });

  it('is not started for few files, nor with MLLM_ALIGN_WORKERS=0', () => {
    const dir = tempDir('ahead-few');
    const few = Array.from({ length: 10 }, (_, i) => path.join(dir, `e${i}.yaml`));
    few.forEach((f) => writeFileSync(f, 'id: x\n'));
    expect(readThrough(few).started).toBe(false);
    const many = Array.from({ length: 1000 }, () => few[0]!);
    expect(readThrough(many, { MLLM_ALIGN_WORKERS: '0' }).started).toBe(false);
  });
});
