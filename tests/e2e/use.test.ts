/** End-to-end (#14): list's filter-like options, show with several ids, export's empty selection, help on an unknown command, add outside the repository. */
import { mkdtempSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBinary, runInMemory } from '../helpers.js';

const CAT = path.join('tests', 'fixtures', 'catalogue');

describe('list takes what filter takes for --category, and --format count', () => {
  it('a comma list and a repeated flag mean OR, as in filter', async () => {
    const list = await runInMemory(['list', '--entries', CAT, '--category', 'tool,perceiver', '--format', 'ids', '--sort', 'name']);
    const filter = await runInMemory(['filter', '--entries', CAT, '--category', 'tool,perceiver', '--format', 'ids', '--sort', 'name']);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(filter.stdout);
    const repeated = await runInMemory(['list', '--entries', CAT, '-c', 'tool', '-c', 'Multimodal Perceiver', '--format', 'ids', '--sort', 'name']);
    expect(repeated.stdout).toBe(filter.stdout);
    expect(filter.stdout.split('\n').filter(Boolean).length).toBe(8);
  });

  it('--format count prints the number', async () => {
    expect(await runInMemory(['list', '--entries', CAT, '--format', 'count'])).toEqual({ code: 0, stdout: '16\n', stderr: '' });
    expect(await runInMemory(['list', '--entries', CAT, '-c', 'tool', '--format', 'count'])).toEqual({ code: 0, stdout: '3\n', stderr: '' });
  });

  it('an unknown category is a usage error with filter\'s wording', async () => {
    const r = await runInMemory(['list', '--entries', CAT, '--category', 'tool,perciever']);
    const f = await runInMemory(['filter', '--entries', CAT, '--category', 'tool,perciever']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(f.stderr);
    expect(r.stderr).toContain('did you mean "perceiver"');
  });
});

describe('show takes several ids', () => {
  it('prints each in the order given, as one show of each would', async () => {
    for (const format of ['text', 'yaml', 'bibtex']) {
      const both = await runInMemory(['show', 'llava', 'blip-2', '--entries', CAT, '--format', format]);
      const one = await runInMemory(['show', 'llava', '--entries', CAT, '--format', format]);
      const two = await runInMemory(['show', 'blip-2', '--entries', CAT, '--format', format]);
      expect(both.code).toBe(0);
      expect(both.stdout).toBe(one.stdout + (format === 'yaml' ? '---\n' : '\n') + two.stdout);
    }
  });

  it('--json gives one object for one id and an array for several', async () => {
    const one = JSON.parse((await runInMemory(['show', 'llava', '--entries', CAT, '--json'])).stdout) as { id: string };
    expect(one.id).toBe('llava');
    const many = JSON.parse((await runInMemory(['show', 'llava', 'blip-2', '--entries', CAT, '--json'])).stdout) as Array<{ id: string }>;
    expect(many.map((e) => e.id)).toEqual(['llava', 'blip-2']);
  });

  it('an unknown id among them prints nothing and exits 1', async () => {
    const r = await runInMemory(['show', 'llava', 'llav', '--entries', CAT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('mllm-align: error: no entry "llav" in the catalogue; did you mean "llava", "llava-1.5" or "llava-med"?\n');
  });
});

describe('export with no match', () => {
  it('says no entries match on stderr like filter, and still writes the (empty) export', async () => {
    const r = await runInMemory(['export', '--entries', CAT, '--format', 'json', 'year<1995']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('mllm-align: no entries match\n');
    expect(JSON.parse(r.stdout)).toEqual({ $schema: 'urn:mllm-align:schema:entry:v1', entries: [] });
  });
});

describe('help', () => {
  it('help <unknown command> is a usage error with a suggestion', async () => {
    const r = runBinary(['help', 'lsit']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'mllm-align: error: no command "lsit"; did you mean "list"?\n' });
    const far = await runInMemory(['help', 'zzzzzz']);
    expect(far).toEqual({ code: 2, stdout: '', stderr: 'mllm-align: error: no command "zzzzzz"; run `mllm-align --help` to see the commands\n' });
  });

  it('help <command> prints that command\'s help', async () => {
    const r = await runInMemory(['help', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: mllm-align list \[options\]/);
    expect((await runInMemory(['help', 'help'])).code).toBe(0);
  });

  it('--help lists the sub-groups of every category, as the README says', async () => {
    const r = await runInMemory(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sub-groups: projection, embedding-lm, discrete-tokens');
    expect(r.stdout).toContain('sub-groups: domain-data, task-data');
  });
});

describe('add outside the repository', () => {
  it('writes an entry whose schema line resolves, and validates clean', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mllm-add-'));
    mkdirSync(path.join(dir, 'mycat'));
    const r = runBinary(['add', '--entries', 'mycat', '--name', 'Foo', '--title', 'Foo for all', '--author', 'Ada Lovelace', '--year', '2024', '--category', 'converter', '--url', 'https://example.org/foo'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('mycat/foo.yaml\n');
    const first = readFileSync(path.join(dir, 'mycat', 'foo.yaml'), 'utf8').split('\n')[0]!;
    const target = path.resolve(dir, 'mycat', first.replace(/^# yaml-language-server: \$schema=/, ''));
    expect(existsSync(target)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(path.join(ROOT, 'schema', 'entry.schema.json'), 'utf8'));
    expect(runBinary(['validate', '--entries', 'mycat'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '1 file checked: 0 errors, 0 warnings\n' });
  });
});
