/**
 * The catalogue lock: `add` checks for duplicates and writes as one step across processes
 * (issue #12, item 4). A lock folder inside the catalogue, released on every exit path (signals
 * too, by proper-lockfile), and taken over when its holder stopped refreshing it (a SIGKILL).
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { DataError } from '../core/errors.js';

/** The lock's name inside the catalogue folder (validate reads only .yaml files). */
export const LOCK_NAME = '.mllm-align.lock';

/** A lock not refreshed for this long belongs to a process that died. */
const STALE_MS = 10_000;

/** Run `fn` holding the lock on catalogue folder `dir`; waits up to about half a minute for it. */
export async function withCatalogueLock<T>(dir: string, fn: (stillHeld: () => void) => Promise<T> | T): Promise<T> {
  const lockPath = path.join(dir, LOCK_NAME);
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      retries: { retries: 300, factor: 1.1, minTimeout: 20, maxTimeout: 150, randomize: true },
      // The default throws from a timer; keep it and refuse to write instead.
      onCompromised: (err) => void (compromised = err),
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DataError(`the catalogue is busy: another mllm-align add holds ${lockPath}; try again (a lock left by a killed run is taken over after ${STALE_MS / 1000} s)`);
    }
    throw err;
  }
  const stillHeld = () => {
    if (compromised) throw new DataError(`lost the catalogue lock (${compromised.message}); nothing written`);
  };
  try {
    return await fn(stillHeld);
  } finally {
    await release().catch(() => undefined);
  }
}
