/** `add` at a real terminal: the built binary under a pseudo-terminal (util-linux `script`). */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** A terminal session: the screen so far, typing, and the exit code. */
function session(args: string[], cwd: string) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qefc', quoted, '/dev/null'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm', NO_COLOR: '1' },
  });
  let screen = '';
  child.stdout.on('data', (d: Buffer) => (screen += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (screen += d.toString('utf8')));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return {
    screen: () => screen,
    type: (keys: string) => child.stdin.write(keys),
    /** Wait until the screen shows `text` (after what was already seen). */
    waitFor: async (text: string, from = 0) => {
      for (let waited = 0; !screen.slice(from).includes(text); waited += 50) {
        if (waited > 20_000) throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${screen}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return screen.length;
    },
    exited: async () => {
      const code = await exited;
      child.stdin.end();
      return code;
    },
  };
}

function catalogueCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-tty-'));
  cpSync(path.join(ROOT, 'tests', 'fixtures', 'catalogue'), path.join(dir, 'entries'), { recursive: true });
  return dir;
}

const FLAGS = ['add', '--name', 'TTYBridge', '--title', 'A Terminal Bridge for Testing', '--year', '2025', '--url', 'https://example.org/tty'];

describe.skipIf(!HAS_SCRIPT && !process.env.CI)('add at a terminal', () => {
  it('asks for the missing fields, with the taxonomy as choices, then writes the entry', async () => {
    const dir = catalogueCopy();
    const s = session(FLAGS, dir);
    let at = await s.waitFor('authors:');
    s.type('Ada Lovelace; Alan Turing\r');
    // The survey's groups are the choices, each with its description.
    await s.waitFor('category (the survey', at);
    at = await s.waitFor('perceiver: Multimodal Perceiver', at);
    s.type('\u001b[B\r'); // down to perceiver, then Enter
    at = await s.waitFor('subcategory', at);
    s.type('\u001b[B\r'); // the second subcategory of perceiver: adapter
    expect(await s.exited()).toBe(0);
    expect(s.screen()).toContain('entries/ttybridge.yaml');
    const text = readFileSync(path.join(dir, 'entries', 'ttybridge.yaml'), 'utf8');
    expect(text).toContain('authors:\n  - Ada Lovelace\n  - Alan Turing\n');
    expect(text).toContain('category: perceiver\nsubcategory: adapter\n');
  });

  it('Ctrl-C at a question leaves nothing behind and exits 130', async () => {
    const dir = catalogueCopy();
    const before = readdirSync(path.join(dir, 'entries')).sort();
    const s = session(FLAGS, dir);
    await s.waitFor('authors:');
    s.type('\u0003');
    expect(await s.exited()).toBe(130);
    expect(s.screen()).toContain('cancelled; nothing written');
    expect(readdirSync(path.join(dir, 'entries')).sort()).toEqual(before);
  });
});
