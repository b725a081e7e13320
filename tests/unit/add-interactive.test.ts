/** `add` at a terminal, in-process with a scripted prompter: what is asked, what is written, and Ctrl-C. */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAdd } from '../../src/cli/commands/add.js';
import { exitCodeOf } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import type { Choice, Prompter } from '../../src/cli/prompt-entry.js';
import { FIXED_NOW, FIXTURES } from '../helpers.js';

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-ask-'));
  cpSync(path.join(FIXTURES, 'catalogue'), path.join(dir, 'entries'), { recursive: true });
  return dir;
}

function memoryIo(cwd: string): Io & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
    env: {},
    color: false,
    stdinIsTTY: true,
    readStdin: async () => '',
    now: () => FIXED_NOW,
    out: () => stdout,
    err: () => stderr,
  };
}

interface Asked {
  kind: 'input' | 'select';
  message: string;
  default?: string;
  choices?: string[];
}

/** A prompter that answers from a list, in order, and records each question. */
function scripted(answers: string[], asked: Asked[]): () => Promise<Prompter> {
  const next = () => {
    const a = answers.shift();
    if (a === undefined) throw new Error('unexpected question');
    if (a === '^C') throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    return a;
  };
  return async () => ({
    input: async (q) => {
      asked.push({ kind: 'input', message: q.message, ...(q.default !== undefined ? { default: q.default } : {}) });
      const a = next();
      if (q.validate && q.validate(a) !== true) throw new Error(`answer ${a} refused: ${String(q.validate(a))}`);
      return a;
    },
    select: async (q) => {
      asked.push({ kind: 'select', message: q.message, choices: q.choices.map((c: Choice) => c.value) });
      return next();
    },
  });
}

const ARGS = { fetch: true, dryRun: false };

describe('add at a terminal', () => {
  it('asks for each missing required field in order, with the taxonomy as choices', async () => {
    const dir = project();
    const io = memoryIo(dir);
    const asked: Asked[] = [];
    const answers = ['Gadget: A Synthetic Paper for Prompt Tests', 'Gadget', 'Ada Test; Bo Example', '2023', 'data-driven', 'task-data', '2310.99999'];
    const code = exitCodeOf(await runAdd(io, { ...ARGS, values: { modalities: ['image', 'text'] } }, { prompter: scripted(answers, asked) }));
    expect([code, io.err()]).toEqual([0, '']);
    expect(io.out()).toBe('entries/gadget.yaml\n');
    expect(asked).toEqual([
      { kind: 'input', message: 'title: The paper\'s title, exactly as published.' },
      { kind: 'input', message: 'name: The method\'s short name, e.g. LLaVA.', default: 'Gadget' },
      { kind: 'input', message: 'authors: full names, given name first, separated by ";"' },
      { kind: 'input', message: 'year: Year of the first public version (e.g. arXiv v1).' },
      { kind: 'select', message: 'category (the survey\'s group)', choices: ['converter', 'perceiver', 'tool', 'data-driven'] },
      { kind: 'select', message: 'subcategory', choices: ['domain-data', 'task-data', ''] },
      { kind: 'input', message: 'arXiv id (empty if none)' },
    ]);
    expect(readFileSync(path.join(dir, 'entries', 'gadget.yaml'), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=../schema/entry.schema.json',
        'id: gadget',
        'name: Gadget',
        'title: "Gadget: A Synthetic Paper for Prompt Tests"',
        'authors:',
        '  - Ada Test',
        '  - Bo Example',
        'year: 2023',
        'category: data-driven',
        'subcategory: task-data',
        'arxiv: "2310.99999"',
        'modalities:',
        '  - image',
        '  - text',
        'citekey: test2023gadget',
        'added: 2026-11-26',
        '',
      ].join('\n'),
    );
  });

  it('asks only for what is missing; no locator: arXiv, then DOI, then URL', async () => {
    const dir = project();
    const io = memoryIo(dir);
    const asked: Asked[] = [];
    const values = { name: 'X-Test', title: 'X Test', authors: ['A B'], year: '2024', category: 'tool', subcategory: 'program' };
    const code = exitCodeOf(await runAdd(io, { ...ARGS, dryRun: true, values }, { prompter: scripted(['', '', 'https://x.example'], asked) }));
    expect(code).toBe(0);
    expect(asked.map((a) => a.message)).toEqual(['arXiv id (empty if none)', 'DOI (empty if none)', 'url: The paper\'s or the project\'s web page (http or https).']);
    expect(io.out()).toContain('url: https://x.example\n');
  });

  it('Ctrl-C: one line, exit 130, no file', async () => {
    const dir = project();
    const before = readdirSync(path.join(dir, 'entries'));
    const io = memoryIo(dir);
    const code = exitCodeOf(await runAdd(io, { ...ARGS, values: { category: 'tool' } }, { prompter: scripted(['A Title', '^C'], []) }));
    expect([code, io.out(), io.err()]).toEqual([130, '', 'mllm-align: cancelled; nothing written\n']);
    expect(readdirSync(path.join(dir, 'entries'))).toEqual(before);
  });

  it('nothing is asked when all is given', async () => {
    const dir = project();
    const io = memoryIo(dir);
    const values = { name: 'X-Test', title: 'X Test', authors: ['A B'], year: '2024', category: 'tool', url: 'https://x.example' };
    const code = exitCodeOf(await runAdd(io, { ...ARGS, values }, { prompter: scripted([], []) }));
    expect([code, io.out(), io.err()]).toEqual([0, 'entries/x-test.yaml\n', '']);
  });
});
