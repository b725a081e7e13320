/**
 * Parallel checking for large catalogues (#13): worker threads read, parse and check a share of the
 * files the cache cannot vouch for, while the main thread does its own share. A worker sends back
 * what the cache would keep (the parsed value, the diagnostics, the duplicate keys) and the hash of
 * the bytes; the main thread puts them together and runs the rules across files.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { parseSources } from './load/parse.js';
import { readSources } from './load/read.js';
import { hashText, type CachedCheck } from './store/cache.js';
import { checkFile, type CheckedFile } from './validate/validate.js';

/** What a worker found for one file. */
export interface WorkerResult {
  /** Hash of the bytes read; undefined when the file could not be read. */
  hash?: string;
  readError?: string;
  check: CachedCheck;
}

interface WorkerJob {
  module: string;
  files: Array<[abs: string, shown: string]>;
  now: number;
}

/** Fewer files than this are checked on the main thread: a worker costs tens of milliseconds to start. */
const MIN_FILES_PER_WORKER = 2000;

/**
 * How many workers to use for `misses` files: none for a small share, none when built from source
 * (tests, npm run dev), and only as many as there are idle cores. On a busy machine a worker only
 * competes with the main thread: measured on this project's shared 2-core machine, a worker made
 * `validate` at 10,000 files slower (bench/README.md). MLLM_ALIGN_WORKERS=N sets the number.
 */
export function workersFor(misses: number, env: NodeJS.ProcessEnv): number {
  if (import.meta.url.endsWith('.ts')) return 0;
  const bySize = Math.floor(misses / MIN_FILES_PER_WORKER) - 1;
  if (env.MLLM_ALIGN_WORKERS !== undefined && /^\d+$/.test(env.MLLM_ALIGN_WORKERS)) return Math.max(0, Math.min(Number(env.MLLM_ALIGN_WORKERS), bySize, 8));
  const idle = Math.floor(availableParallelism() - loadavg()[0]!) - 1;
  return Math.max(0, Math.min(idle, bySize, 3));
}

/** What the cache keeps of a checked file. */
export function toCached(c: CheckedFile): CachedCheck {
  return {
    parsedOk: c.parsed !== undefined,
    data: c.parsed?.data,
    keys: c.keys as Record<string, string> | undefined,
    diagnostics: c.diagnostics.map((d) => ({ line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message })),
  };
}

/** Start a worker over `files`; resolves with one result per file, in order. */
export function checkInWorker(files: Array<[abs: string, shown: string]>, now: Date): Promise<WorkerResult[]> {
  const job: WorkerJob = { module: import.meta.url, files, now: now.getTime() };
  // The worker loads this same bundle (dist/cli/main.js) and runs its worker side.
  const worker = new Worker(
    "const { workerData, parentPort } = require('node:worker_threads'); " +
      'import(workerData.module).then((m) => m.loadCheckWorker()).then((w) => w.runCheckWorker(workerData, parentPort));',
    { eval: true, workerData: job },
  );
  return new Promise((resolve, reject) => {
    const results: WorkerResult[] = [];
    worker.on('message', (batch: WorkerResult[] | 'done') => {
      if (batch === 'done') resolve(results);
      else for (const r of batch) results.push(r);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (results.length !== files.length) reject(new Error(`a checking worker stopped (exit ${code}) after ${results.length} of ${files.length} files`));
    });
  });
}

/** The worker side: read, parse and check each file, sending results back in batches. */
export function runCheckWorker(job: WorkerJob, port: MessagePort): void {
  const now = new Date(job.now);
  const shown = new Map(job.files);
  const BATCH = 500;
  for (let from = 0; from < job.files.length; from += BATCH) {
    const slice = job.files.slice(from, from + BATCH);
    const sources = readSources(
      slice.map(([abs]) => abs),
      (abs) => shown.get(abs) ?? abs,
    );
    port.postMessage(
      sources.map((src): WorkerResult => {
        const check = toCached(checkFile(parseSources([src])[0]!, now));
        return src.text === undefined ? { readError: src.readError ?? 'unknown error', check } : { hash: hashText(src.text), check };
      }),
    );
  }
  port.postMessage('done');
}
