/**
 * Temporary files of atomic writes: short names, removed on SIGINT/SIGTERM/SIGHUP, and the
 * leftovers of a killed run (SIGKILL) removed by the next write to the same folder (issue #12, item 5).
 */
import { readdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

// Short whatever the target's name, so a long id never makes the temporary name too long (item 17).
const TEMP_NAME = /^\.mllm-align-(\d+)-[0-9a-f]{8}\.tmp$/;

const live = new Set<string>();
let handlersInstalled = false;

/** A fresh temporary path in `dir`, registered for removal on a signal. */
export function createTempPath(dir: string): string {
  const tmp = path.join(dir, `.mllm-align-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  live.add(tmp);
  installSignalHandlers();
  return tmp;
}

/** Remove a temporary file (if still there) and forget it. */
export function releaseTempPath(tmp: string): void {
  rmSync(tmp, { force: true });
  live.delete(tmp);
}

/** Forget a temporary path that no longer exists under its name (renamed over the target). */
export function forgetTempPath(tmp: string): void {
  live.delete(tmp);
}

/** Remove temporary files in `dir` left by processes that no longer run (a SIGKILL mid-write). */
export function sweepLeftovers(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || isRunning(pid)) continue;
    rmSync(path.join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      for (const tmp of live) rmSync(tmp, { force: true });
      live.clear();
      // Die of the same signal, as the shell expects (exit status 128 + n).
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}
