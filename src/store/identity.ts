/**
 * What the cache (store/cache.ts) and the replay records (store/replay.ts) both go by: where the
 * user's cache is, whether it is off, the running tool's identity and a file's stat key. Kept apart
 * from the cache so that the start-up path (cli/fast-path.ts) loads no parser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import type { FileStamp } from '../load/source.js';

/** Bumped whenever the layout of the cache file changes. */
export const CACHE_FORMAT = 6;

/**
 * A file whose mtime or ctime is this close to (or after) the start of the run that hashed it may
 * have changed again within the file system's clock granularity: it is rehashed next time.
 */
export const RACY_MS = 2000;

/** A file's identity short of its bytes: what the cache and replay records compare. */
export type StatKey = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** The user's cache folder for mllm-align: $XDG_CACHE_HOME, else the platform's (on Linux ~/.cache). */
export function userCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  // Taken from the injected environment, not process.env, so that in-process runs and tests choose
  // their own cache (which is why this is not env-paths: it reads process.env and os.homedir()).
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'mllm-align');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'mllm-align', 'Cache');
  const home = env.HOME;
  if (!home || !path.isAbsolute(home)) return undefined;
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'mllm-align');
  return path.join(home, '.cache', 'mllm-align');
}

/** Whether the cache is off: --no-cache, or MLLM_ALIGN_NO_CACHE set to anything but 0 or false. */
export function cacheDisabled(option: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (option === false) return true;
  const v = env.MLLM_ALIGN_NO_CACHE;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

let identity: string | undefined;

/**
 * The running tool: the identity of every file of its code (size, times and inode: any rebuild,
 * reinstall or edit changes them, and reading their bytes would cost more) and its package.json
 * (version included), and the version of Node.js, as one string.
 */
export function toolIdentity(): string {
  if (identity !== undefined) return identity;
  // The built CLI lives in dist/cli/ (from source: src/store/); one level up holds all of its code.
  const root = fileURLToPath(new URL('../', import.meta.url));
  // The Node.js that runs it too (V8, ICU: regular expressions, collation).
  const parts: string[] = [String(CACHE_FORMAT), process.version];
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(?:[cm]?js|ts|json)$/.test(f)).sort();
  for (const f of files) {
    const st = statSync(path.join(root, f));
    parts.push(f, String(st.size), String(st.mtimeMs), String(st.ctimeMs), String(st.ino));
  }
  parts.push(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'));
  identity = parts.join('\0');
  return identity;
}

export function statKey(st: FileStamp): StatKey {
  return [st.size, st.mtimeMs, st.ctimeMs, st.ino];
}

/**
 * The checksum of a cache file's body and of a replay record: CRC-32, continued over pieces from
 * `previous`. It guards against torn and corrupted files, as SHA-1 did at a third of the cost over a
 * record of 15 MB (#13); against a writer who recomputes it, only the readers' checks of every field
 * guard, whatever the checksum.
 */
export function checksum(bytes: Uint8Array, previous = 0): number {
  return crc32(bytes, previous);
}

/** A checksum as the files write it: eight hexadecimal digits. */
export function checksumText(sum: number): string {
  return sum.toString(16).padStart(8, '0');
}
