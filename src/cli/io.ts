/** The I/O a command gets, so tests can run `run()` in memory. */
import { DataError } from '../core/errors.js';
import { decodeUtf8 } from '../core/utf8.js';
import type { RunWatch } from '../store/replay.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether to colour stdout. */
  color: boolean;
  /** Terminal width when stdout is a terminal. */
  columns?: number;
  /** Whether standard input is a terminal (interactive prompts). */
  stdinIsTTY: boolean;
  /** Read all of standard input. */
  readStdin(): Promise<string>;
  now(): Date;
  /**
   * Write bytes already encoded (the process's I/O has it: a recorded run encodes its output once).
   * True when the stream has let go of them, so that the caller may reuse their buffer.
   */
  writeBytes?(stream: 1 | 2, bytes: Uint8Array): boolean;
  /** A recording of this run for replay (store/replay.ts), told what the run read. */
  watch?: RunWatch;
}

/** Colour decision: NO_COLOR wins, then FORCE_COLOR, then whether stdout is a terminal. */
export function shouldColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTTY && env.TERM !== 'dumb';
}

/** How this process's standard output is to be written: in colour, and how wide. */
export function outputStyle(): { color: boolean; columns?: number } {
  return { color: shouldColor(process.env, Boolean(process.stdout.isTTY)), columns: process.stdout.isTTY ? process.stdout.columns : undefined };
}

/**
 * Write bytes to this process's stdout or stderr; true when the stream has let go of them (written
 * out, not queued: a pipe whose reader is behind keeps them until it drains).
 */
export function writeProcessBytes(stream: 1 | 2, bytes: Uint8Array): boolean {
  const s = stream === 1 ? process.stdout : process.stderr;
  s.write(bytes);
  return s.writableLength === 0;
}

/** The real process's I/O. */
export function processIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    writeBytes: writeProcessBytes,
    cwd: process.cwd(),
    env: process.env,
    ...outputStyle(),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      const decoded = decodeUtf8(Buffer.concat(chunks));
      if (decoded.error) throw new DataError(`standard input:${decoded.error.line}:${decoded.error.column}: ${decoded.error.message}; nothing written`);
      return decoded.text;
    },
    now: () => new Date(),
  };
}
