/**
 * Reading ahead on another thread (#13: opening, stat-ing, reading and closing 10,000 files was a
 * fifth of a cold `validate`). A small worker thread reads the files in order into a ring of
 * shared slots while this thread parses and checks; each file is read by exactly one of the two.
 *
 * Only the plain case is the worker's: a regular file opened without following a link, no larger
 * than a slot. Anything else (a link, a folder, a FIFO, an empty or large file, any error) is
 * handed back and read here by `readEntryFile`, which decides what it is. The worker starts in a
 * few milliseconds: it loads no module of ours, only node:fs.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileStamp } from './source.js';

/** Slots in the ring, and the bytes of each: an entry file is a few kilobytes. */
const SLOTS = 256;
const SLOT_BYTES = 16 * 1024;

/** Fewer files than this are read here: starting the thread would cost more than it saves. */
const MIN_FILES = 400;

/**
 * How long this thread waits for one file before it reads the rest itself. Only a worker that
 * stopped without a word waits this long (a file it could not read is handed back at once).
 */
const PATIENCE_MS = 5000;

// The control words: per file, who claimed it, then per file whether it is ready; then the count
// of slots this thread has let go of, and the stop flag.
const WORKER = 1;
const MAIN = 2;
const PUBLISHED = 1;
const HANDED_BACK = 2;

/** Per slot: bytes read, then the stat: size, mtimeMs, ctimeMs, ino. */
const META = 5;

// The worker's side, as source: it must not load this bundle (300 kB to compile) to read files.
const WORKER_SOURCE = `
const { workerData: w } = require('node:worker_threads');
const { openSync, fstatSync, readSync, closeSync } = require('node:fs');
const { files, flags, ctl, meta, slotOf, data, n, slots, slotBytes } = w;
const READY = n, CONSUMED = 2 * n, STOP = 2 * n + 1;
let produced = 0;
for (let i = 0; i < n && Atomics.load(ctl, STOP) === 0; i++) {
  // A free slot first, so that a claimed file is never waiting for one. When the ring is full this
  // thread looks again every millisecond: the main thread never wakes it (measured on a 2-core VM,
  // a wake-up cost the main thread a third of a millisecond, ten times the reading of a file).
  for (let c = Atomics.load(ctl, CONSUMED); produced - c >= slots && Atomics.load(ctl, STOP) === 0; c = Atomics.load(ctl, CONSUMED)) Atomics.wait(ctl, CONSUMED, c, 1);
  if (Atomics.compareExchange(ctl, i, 0, ${WORKER}) !== 0) continue;
  const slot = produced % slots;
  let done = false;
  let fd = -1;
  try {
    fd = openSync(files[i], flags);
    const st = fstatSync(fd);
    if (st.isFile() && st.size > 0 && st.size <= slotBytes) {
      const view = new Uint8Array(data, slot * slotBytes, st.size);
      let got = 0;
      while (got < st.size) {
        const k = readSync(fd, view, got, st.size - got, null);
        if (k === 0) break;
        got += k;
      }
      const m = slot * ${META};
      meta[m] = got; meta[m + 1] = st.size; meta[m + 2] = st.mtimeMs; meta[m + 3] = st.ctimeMs; meta[m + 4] = st.ino;
      done = true;
    }
  } catch {
    // handed back: the main thread reads it and reports what is wrong
  } finally {
    if (fd >= 0) try { closeSync(fd); } catch {}
  }
  if (done) {
    slotOf[i] = slot;
    produced++;
  }
  Atomics.store(ctl, READY + i, done ? ${PUBLISHED} : ${HANDED_BACK});
  Atomics.notify(ctl, READY + i);
}
`;

/** One file from the worker: its bytes (valid until the next `take`) and the stat they were read under. */
export interface AheadRead {
  bytes: Uint8Array;
  stamp: FileStamp;
}

/** The files of one run, read ahead by a worker thread. */
export class ReadAhead {
  private readonly ctl: Int32Array;
  private readonly meta: Float64Array;
  private readonly slotOf: Int32Array;
  private readonly data: Uint8Array;
  private readonly n: number;
  /** The slot handed out last, released at the next take. */
  private held = false;
  private stopped = false;
  private readonly worker: Worker;

  private constructor(files: readonly string[], flags: number) {
    const n = files.length;
    this.n = n;
    this.ctl = new Int32Array(new SharedArrayBuffer(4 * (2 * n + 2)));
    this.meta = new Float64Array(new SharedArrayBuffer(8 * SLOTS * META));
    this.slotOf = new Int32Array(new SharedArrayBuffer(4 * n));
    const data = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
    this.data = new Uint8Array(data);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { files, flags, ctl: this.ctl, meta: this.meta, slotOf: this.slotOf, data, n, slots: SLOTS, slotBytes: SLOT_BYTES },
      // It needs no standard streams, nor the parent's environment or options.
      stdout: true,
      stderr: true,
      env: {},
      execArgv: [],
    });
    // Never what keeps the process alive, and never what stops it.
    this.worker.unref();
    this.worker.on('error', () => this.stop());
  }

  /**
   * A reader for `files` when it pays: enough files, a second core, and MLLM_ALIGN_WORKERS not 0.
   * `flags` are the open flags of `readEntryFile` (a worker may only read what it would).
   */
  static start(files: readonly string[], flags: number | undefined, env: NodeJS.ProcessEnv): ReadAhead | undefined {
    if (flags === undefined || files.length < MIN_FILES || env.MLLM_ALIGN_WORKERS === '0' || availableParallelism() < 2) return undefined;
    try {
      return new ReadAhead(files, flags);
    } catch {
      return undefined;
    }
  }

  /**
   * File `i` (the index in the list given to `start`), when the worker read it; undefined when
   * this thread is to read it (the worker had not got to it, or handed it back).
   */
  take(i: number): AheadRead | undefined {
    this.release();
    if (this.stopped || Atomics.compareExchange(this.ctl, i, 0, MAIN) === 0) return undefined;
    const ready = this.n + i;
    if (Atomics.load(this.ctl, ready) === 0 && Atomics.wait(this.ctl, ready, 0, PATIENCE_MS) === 'timed-out') {
      this.stop();
      return undefined;
    }
    if (Atomics.load(this.ctl, ready) !== PUBLISHED) return undefined;
    const slot = this.slotOf[i]!;
    const m = slot * META;
    const meta = this.meta;
    this.held = true;
    return {
      bytes: this.data.subarray(slot * SLOT_BYTES, slot * SLOT_BYTES + meta[m]!),
      stamp: { size: meta[m + 1]!, mtimeMs: meta[m + 2]!, ctimeMs: meta[m + 3]!, ino: meta[m + 4]! },
    };
  }

  /** The worker may reuse the slot handed out last. */
  private release(): void {
    if (!this.held) return;
    this.held = false;
    Atomics.add(this.ctl, 2 * this.n, 1);
  }

  /** Stop the worker; every file not yet taken is read by this thread. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.store(this.ctl, 2 * this.n + 1, 1);
    Atomics.notify(this.ctl, 2 * this.n);
    void this.worker.terminate().catch(() => undefined);
  }
}
