/**
 * The README cannot drift (#14): every `$ mllm-align …` line of its `console` and `text` blocks runs
 * against the shipped catalogue (from the repository root, as a user of a clone would), and what
 * follows it up to the next `$` line must be exactly its output (standard output, then standard
 * error). In an expected line, `...` stands for any text (the README shortens long lists so). A
 * command ending in a `# comment` describes its output instead of showing it: it must succeed.
 * The diagnostic-code table must be the one generated from CODES, and the Reliability section must
 * quote the counts the tests use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCodeTable, updateReadme } from '../scripts/readme-codes.js';
import { FIXTURES, ROOT, runBinary } from './helpers.js';
import { KILL_RUNS_PER_COMMAND, PROPERTY_RUNS, RACE_ROUNDS, RACERS, SIGNAL_RUNS } from './reliability.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

interface Example {
  line: number;
  command: string;
  argv: string[];
  expected: string[];
  described: boolean;
}

/** Split a command line as a POSIX shell would for plain words and quotes (no pipes or expansions). */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) throw new Error(`unclosed quote in: ${text}`);
      word = (word ?? '') + text.slice(i + 1, close);
      i = close;
    } else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if ('|;&<>$`'.includes(ch)) {
      throw new Error(`the README test runs plain commands only; found ${ch} in: ${text}`);
    } else word = (word ?? '') + ch;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The examples of the console and text blocks. */
function readExamples(markdown: string): Example[] {
  const out: Example[] = [];
  const lines = markdown.split('\n');
  let inBlock = false;
  let current: Example | undefined;
  let continued: Example | undefined;
  lines.forEach((text, i) => {
    const fence = /^```(\w*)/.exec(text);
    if (fence) {
      if (!inBlock) inBlock = fence[1] === 'console' || fence[1] === 'text';
      else {
        inBlock = false;
        current = undefined;
      }
      if (!fence[1] && !inBlock) inBlock = false;
      return;
    }
    if (!inBlock) return;
    if (continued) {
      // The command goes on from a line that ended in a backslash.
      continued.command += ' ' + text.trim();
      continued.argv = shellWords(continued.command.replace(/\\ /g, ' ')).slice(1);
      if (!text.endsWith('\\')) continued = undefined;
      return;
    }
    const prompt = /^\$ (mllm-align\b.*)$/.exec(text);
    if (prompt) {
      const [command, comment] = prompt[1]!.split(/\s+#\s/);
      current = { line: i + 1, command: command!.trim(), argv: shellWords(command!.replace(/\\$/, '')).slice(1), expected: [], described: comment !== undefined };
      out.push(current);
      if (command!.trimEnd().endsWith('\\')) continued = current;
    } else if (current) current.expected.push(text);
  });
  return out;
}

function matches(actual: string, expected: string): boolean {
  const pattern = expected.split('...').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${pattern}$`).test(actual);
}

const examples = readExamples(README);

describe('README examples', () => {
  it('has examples with output to run', () => {
    expect(examples.filter((e) => !e.described && e.expected.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((e) => [`line ${e.line}: ${e.command}`, e] as const))('%s', (_, example) => {
    const r = runBinary(example.argv, { cwd: ROOT, env: { NO_COLOR: '1' } });
    if (example.described) {
      expect(r.code, r.stderr).toBe(0);
      return;
    }
    const actual = (r.stdout + r.stderr).replace(/\n$/, '').split('\n');
    const expected = example.expected;
    expect(actual.length, `${example.command}\n${actual.join('\n')}`).toBe(expected.length);
    actual.forEach((line, i) => {
      if (!matches(line, expected[i]!)) expect(line).toBe(expected[i]);
    });
    // An example that shows an error message shows a failing command, and the other way round.
    expect(r.code !== 0, `exit code ${r.code}`).toBe(/(^|\n)mllm-align: error:|\(MA\d{3}\)/.test(r.stdout + r.stderr));
  });
});

describe('README diagnostic-code table', () => {
  it('is the table generated from CODES (npm run gen:readme writes it)', () => {
    expect(README).toContain(renderCodeTable());
    expect(updateReadme(README)).toBe(README);
  });
});

describe('README Reliability section', () => {
  it('quotes the counts the tests use', () => {
    const section = README.slice(README.indexOf('## Reliability'), README.indexOf('## Development'));
    const fixtures = readdirSync(path.join(FIXTURES, 'hostile')).filter((d) => !d.startsWith('_')).length;
    expect(section).toContain(`valid entries | ${fixtures} |`);
    const runs = Object.values(PROPERTY_RUNS);
    expect(section).toContain(`| ${runs.length} properties, ${runs.reduce((a, b) => a + b, 0).toLocaleString('en')} runs |`);
    for (const [name, n] of Object.entries({ 'YAML text': PROPERTY_RUNS.yamlText, bytes: PROPERTY_RUNS.bytes, 'query strings': PROPERTY_RUNS.queries })) {
      expect(section).toContain(`${name} (${n}`);
    }
    expect(section).toContain(`| ${3 * KILL_RUNS_PER_COMMAND} runs (${KILL_RUNS_PER_COMMAND} each) |`);
    expect(section).toContain(`| ${2 * SIGNAL_RUNS} runs (${SIGNAL_RUNS} each) |`);
    expect(section).toContain(`| ${RACE_ROUNDS} rounds (${RACE_ROUNDS * RACERS} processes)`);
  });
});
