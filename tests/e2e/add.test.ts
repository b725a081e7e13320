/** End-to-end: `mllm-align add` through the built binary, with a local stand-in for the arXiv API. */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, runBinary, type RunResult } from '../helpers.js';

const ADD = path.join(FIXTURES, 'add');
const SCHEMA_LINE = '# yaml-language-server: $schema=../schema/entry.schema.json';

/** Spawn the built binary without blocking, so the local server in this process can answer it. */
function runBinaryAsync(argv: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): Promise<RunResult> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...opts.env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: opts.cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** A temporary project folder holding a copy of the fixture catalogue in entries/, minus `drop`. */
function project(drop: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-add-'));
  cpSync(path.join(FIXTURES, 'catalogue'), path.join(dir, 'entries'), { recursive: true });
  // As in a real catalogue, the schema sits where the entries' first line points (add would copy it there).
  cpSync(path.join(ROOT, 'schema'), path.join(dir, 'schema'), { recursive: true });
  for (const f of drop) rmSync(path.join(dir, 'entries', f));
  return dir;
}

const files = (dir: string) => readdirSync(path.join(dir, 'entries')).sort();

/** The entry `show --format json` gives back for `id`, without the reverse links it adds. */
function listed(dir: string, id: string): unknown {
  const r = runBinary(['show', id, '--format', 'json'], { cwd: dir });
  expect(r.code).toBe(0);
  const entry = JSON.parse(r.stdout) as Record<string, unknown>;
  delete entry.built_on_by;
  return entry;
}

/** `validate` sees the catalogue as clean and `format --check` the new files as canonical. */
function expectClean(dir: string, ids: string[]): void {
  const v = runBinary(['validate'], { cwd: dir });
  expect([v.code, v.stdout]).toEqual([0, '']);
  expect(v.stderr).toMatch(/^\d+ files checked: 0 errors, 0 warnings\n$/);
  // The whole catalogue, so builds_on links resolve; some fixture files are not canonical, the new ones must be.
  const f = runBinary(['format', '--check'], { cwd: dir });
  expect(f.stdout.split('\n').filter((l) => ids.some((id) => l.startsWith(`entries/${id}.yaml`)))).toEqual([]);
  expect(f.stderr).not.toContain('has errors');
}

const QWEN_VL_YAML = [
  SCHEMA_LINE,
  'id: qwen-vl',
  'name: Qwen-VL',
  'title: "Qwen-VL: A Versatile Vision-Language Model for Understanding, Localization, Text Reading, and',
  '  Beyond"',
  'authors:',
  ...['Jinze Bai', 'Shuai Bai', 'Shusheng Yang', 'Shijie Wang', 'Sinan Tan', 'Peng Wang', 'Junyang Lin', 'Chang Zhou', 'Jingren Zhou'].map((a) => `  - ${a}`),
  'year: 2023',
  'category: perceiver',
  'subcategory: query-resampler',
  'arxiv: "2308.12966"',
  'url: https://arxiv.org/abs/2308.12966',
  'modalities:',
  '  - image',
  '  - text',
  'llm:',
  '  - Qwen',
  'citekey: bai2023qwen',
  'added: ADDED',
  '',
].join('\n');

describe('add --arxiv (local arXiv API)', () => {
  let server: Server;
  let api = '';
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id_list');
      const atom = (file: string) => {
        res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
        res.end(readFileSync(path.join(ADD, file)));
      };
      if (id === '2308.12966') atom('qwen-vl.atom.xml');
      else if (id === '2399.00001') atom('unknown.atom.xml');
      else if (id === '2399.00003') atom('malformed.atom.xml');
      else if (id === '2399.00002') return; // never answers: the client's time-out must fire
      else {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('internal error');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/query`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const env = () => ({ MLLM_ALIGN_ARXIV_API: api, MLLM_ALIGN_TIMEOUT_MS: '500' });

  it('a good answer: writes the canonical file, validate is clean, list gives it back', async () => {
    const dir = project();
    const r = await runBinaryAsync(
      ['add', '--arxiv', '2308.12966', '--category', 'perceiver', '--subcategory', 'query-resampler', '--modality', 'image,text', '--llm', 'Qwen'],
      { cwd: dir, env: env() },
    );
    expect(r).toEqual({ code: 0, stdout: 'entries/qwen-vl.yaml\n', stderr: '' });
    expect(requests.at(-1)).toBe('/api/query?id_list=2308.12966');
    const today = new Date().toISOString().slice(0, 10);
    expect(readFileSync(path.join(dir, 'entries', 'qwen-vl.yaml'), 'utf8')).toBe(QWEN_VL_YAML.replace('ADDED', today));
    expectClean(dir, ['qwen-vl']);
    expect(listed(dir, 'qwen-vl')).toEqual({
      id: 'qwen-vl',
      name: 'Qwen-VL',
      title: 'Qwen-VL: A Versatile Vision-Language Model for Understanding, Localization, Text Reading, and Beyond',
      authors: ['Jinze Bai', 'Shuai Bai', 'Shusheng Yang', 'Shijie Wang', 'Sinan Tan', 'Peng Wang', 'Junyang Lin', 'Chang Zhou', 'Jingren Zhou'],
      year: 2023,
      category: 'perceiver',
      subcategory: 'query-resampler',
      arxiv: '2308.12966',
      url: 'https://arxiv.org/abs/2308.12966',
      modalities: ['image', 'text'],
      llm: ['Qwen'],
      citekey: 'bai2023qwen',
      added: today,
    });
  });

  it('flags override what arXiv says; --dry-run prints the YAML and writes nothing', async () => {
    const dir = project();
    const r = await runBinaryAsync(
      ['add', '--arxiv', '2308.12966', '--category', 'Multimodal Perceiver', '--name', 'Qwen VL', '--url', 'https://github.com/QwenLM/Qwen-VL', '--added', '2026-01-02', '--dry-run'],
      { cwd: dir, env: env() },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((l) => /^(id|name|category|url|added):/.test(l))).toEqual([
      'id: qwen-vl',
      'name: Qwen VL',
      'category: perceiver',
      'url: https://github.com/QwenLM/Qwen-VL',
      'added: 2026-01-02',
    ]);
    expect(files(dir)).not.toContain('qwen-vl.yaml');
  });

  it.each([
    ['an unknown id', '2399.00001', 'arXiv has no paper with id 2399.00001'],
    ['HTTP 500', '2399.00500', 'the arXiv API answered HTTP 500 Internal Server Error for 2399.00500 (<URL>?id_list=2399.00500)'],
    ['a time-out', '2399.00002', 'the arXiv API did not answer within 500 ms (<URL>?id_list=2399.00002); try again, or give --title, --author and --year'],
    ['malformed XML', '2399.00003', "the arXiv API's answer for 2399.00003 is not valid XML (line 1: Invalid '[ \"feed\", \"entry\", \"title\"]' found.)"],
  ])('%s: one line, exit 1, nothing written', async (_, id, message) => {
    const dir = project();
    const before = files(dir);
    const r = await runBinaryAsync(['add', '--arxiv', id, '--category', 'tool'], { cwd: dir, env: env() });
    expect(r).toEqual({ code: 1, stdout: '', stderr: `mllm-align: error: ${message.replace('<URL>', api)}\n` });
    expect(files(dir)).toEqual(before);
  });

  it('no server listening: one line, exit 1', async () => {
    const dir = project();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await runBinaryAsync(['add', '--arxiv', '2308.12966', '--category', 'tool'], {
      cwd: dir,
      env: { MLLM_ALIGN_ARXIV_API: `http://127.0.0.1:${port}/api/query` },
    });
    expect(r).toEqual({ code: 1, stdout: '', stderr: `mllm-align: error: cannot reach the arXiv API (http://127.0.0.1:${port}/api/query?id_list=2308.12966): ECONNREFUSED\n` });
  });

  it('--no-fetch never asks arXiv: the missing fields are a usage error', async () => {
    const dir = project();
    const count = requests.length;
    const r = await runBinaryAsync(['add', '--arxiv', '2308.12966', '--category', 'tool', '--no-fetch'], { cwd: dir, env: env() });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'mllm-align: error: missing required fields: --name, --title, --author and --year\n' });
    expect(requests.length).toBe(count);
  });
});

const FLAMINGO_AUTHORS = [
  'Jean-Baptiste Alayrac', 'Jeff Donahue', 'Pauline Luc', 'Antoine Miech', 'Iain Barr', 'Yana Hasson', 'Karel Lenc', 'Arthur Mensch',
  'Katherine Millican', 'Malcolm Reynolds', 'Roman Ring', 'Eliza Rutherford', 'Serkan Cabi', 'Tengda Han', 'Zhitao Gong', 'Sina Samangooei',
  'Marianne Monteiro', 'Jacob L Menick', 'Sebastian Borgeaud', 'Andy Brock', 'Aida Nematzadeh', 'Sahand Sharifzadeh', 'Mikołaj Bińkowski',
  'Ricardo Barreira', 'Oriol Vinyals', 'Andrew Zisserman', 'Karen Simonyan',
];

describe('add --from-bibtex', () => {
  it('a Scholar-style record ("Last, First", {\\l}, {\\\'n}, braces, arXiv DOI) round-trips', () => {
    const dir = project(['flamingo.yaml']);
    const r = runBinary(
      ['add', '--from-bibtex', path.join(ADD, 'flamingo.bib'), '--category', 'perceiver', '--subcategory', 'query-resampler', '--venue', 'NeurIPS 2022', '--added', '2026-11-26'],
      { cwd: dir },
    );
    expect(r).toEqual({ code: 0, stdout: 'entries/flamingo.yaml\n', stderr: '' });
    const text = readFileSync(path.join(dir, 'entries', 'flamingo.yaml'), 'utf8');
    expect(text.split('\n').slice(0, 4)).toEqual([SCHEMA_LINE, 'id: flamingo', 'name: Flamingo', 'title: "Flamingo: a Visual Language Model for Few-Shot Learning"']);
    expectClean(dir, ['flamingo']);
    expect(listed(dir, 'flamingo')).toEqual({
      id: 'flamingo',
      name: 'Flamingo',
      title: 'Flamingo: a Visual Language Model for Few-Shot Learning',
      authors: FLAMINGO_AUTHORS,
      year: 2022,
      category: 'perceiver',
      subcategory: 'query-resampler',
      arxiv: '2204.14198',
      url: 'https://arxiv.org/abs/2204.14198',
      venue: 'NeurIPS 2022',
      citekey: 'alayrac2022flamingo',
      added: '2026-11-26',
    });
  });

  it('the same paper again is refused with the path of the existing entry', () => {
    const dir = project();
    const r = runBinary(['add', '--from-bibtex', path.join(ADD, 'flamingo.bib'), '--category', 'perceiver', '--id', 'flamingo-2'], { cwd: dir });
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'mllm-align: error: already in the catalogue as entries/flamingo.yaml (same arXiv id 2204.14198); nothing to add\n',
    });
    expect(existsSync(path.join(dir, 'entries', 'flamingo-2.yaml'))).toBe(false);
  });

  it('a duplicate is refused as one (exit 1) even when other fields are missing, all problems together, duplicates first', () => {
    const dir = project();
    const bib = readFileSync(path.join(ADD, 'synthetic.bib'), 'utf8') + readFileSync(path.join(ADD, 'flamingo.bib'), 'utf8');
    // No --category: every record lacks it; the Flamingo record is also a duplicate.
    const r = runBinary(['add', '--from-bibtex', '-'], { cwd: dir, input: bib });
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'mllm-align: error: record alayrac2022flamingo: already in the catalogue as entries/flamingo.yaml (same arXiv id 2204.14198); nothing to add\n' +
        'mllm-align: error: record mueller2025seeing: missing required field: --category\n' +
        'mllm-align: error: record doe2025tiny: missing required field: --category\n',
    });
    const only = runBinary(['add', '--from-bibtex', '-', '--key', 'ALAYRAC2022flamingo'], { cwd: dir, input: bib });
    expect(only).toEqual({ code: 1, stdout: '', stderr: 'mllm-align: error: already in the catalogue as entries/flamingo.yaml (same arXiv id 2204.14198); nothing to add\n' });
  });

  it('--key picks records from a multi-record file; an unknown key is a usage error with the close one', () => {
    const dir = project();
    const file = path.join(ADD, 'synthetic.bib');
    const r = runBinary(['add', '--from-bibtex', file, '--key', 'doe2025tiny', '--category', 'converter', '--name', 'Tiny-Bridge', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nid: tiny-bridge\nname: Tiny-Bridge\n');
    expect(r.stdout).toContain('\ncitekey: doe2025tiny\n');
    expect(r.stdout).not.toContain('s-h-lm');
    const typo = runBinary(['add', '--from-bibtex', file, '--key', 'doe2025tyni', '--category', 'converter'], { cwd: dir });
    expect(typo).toEqual({ code: 2, stdout: '', stderr: `mllm-align: error: no record with key "doe2025tyni" in ${file}; did you mean "doe2025tiny"?\n` });
    expect(runBinary(['add', '--key', 'x', '--category', 'tool'], { cwd: dir }).code).toBe(2);
  });

  it('several records from standard input add several entries (\\&, {\\"u}, {\\c{c}}, eprint, journal)', () => {
    const dir = project();
    const bib = readFileSync(path.join(ADD, 'synthetic.bib'), 'utf8');
    const r = runBinary(['add', '--from-bibtex', '-', '--category', 'converter', '--added', '2026-11-26'], { cwd: dir, input: bib });
    expect(r).toEqual({ code: 0, stdout: 'entries/s-h-lm.yaml\nentries/tiny-bridge.yaml\n', stderr: '' });
    expect(readFileSync(path.join(dir, 'entries', 's-h-lm.yaml'), 'utf8')).toBe(
      [
        SCHEMA_LINE,
        'id: s-h-lm',
        'name: S&H-LM',
        'title: "S&H-LM: Seeing & Hearing with a Müller-style Bridge"',
        'authors:',
        '  - Jörg Müller',
        '  - François Dupré',
        '  - Anna van der Berg',
        '  - The S&H Team',
        'year: 2025',
        'category: converter',
        'arxiv: "2501.01234"',
        'url: https://example.org/sh-lm',
        'citekey: muller2025s',
        'added: 2026-11-26',
        '',
      ].join('\n'),
    );
    expect(listed(dir, 'tiny-bridge')).toEqual({
      id: 'tiny-bridge',
      name: 'Tiny Bridge',
      title: 'Tiny Bridge: Small Connectors for LLMs',
      authors: ['Jane Q. Doe', 'Richard Roe'],
      year: 2025,
      category: 'converter',
      arxiv: '2502.04321v2',
      url: 'https://arxiv.org/abs/2502.04321',
      venue: 'CVPR 2025 Workshops',
      citekey: 'doe2025tiny',
      added: '2026-11-26',
    });
    expectClean(dir, ['s-h-lm', 'tiny-bridge']);
  });

  it('a per-paper flag with several records is a usage error', () => {
    const dir = project();
    const r = runBinary(['add', '--from-bibtex', path.join(ADD, 'synthetic.bib'), '--category', 'tool', '--name', 'X'], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `mllm-align: error: --name cannot apply to all 2 records of ${path.join(ADD, 'synthetic.bib')}; pick one with --key KEY, or add them one at a time\n` });
  });

  it('broken BibTeX and a missing file', () => {
    const dir = project();
    const bad = runBinary(['add', '--from-bibtex', '-', '--category', 'tool'], { cwd: dir, input: '@article{k, title = {A}' });
    expect(bad).toEqual({ code: 1, stdout: '', stderr: 'mllm-align: error: standard input: cannot read BibTeX: record "k" is never closed: a { or " is missing its closing partner (from line 1)\n' });
    const none = runBinary(['add', '--from-bibtex', '-', '--category', 'tool'], { cwd: dir, input: 'just text' });
    expect(none).toEqual({ code: 1, stdout: '', stderr: 'mllm-align: error: standard input: no BibTeX records found\n' });
    const missing = runBinary(['add', '--from-bibtex', 'nope.bib'], { cwd: dir });
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'mllm-align: error: cannot read nope.bib: ENOENT\n' });
  });
});

const PAPER = ['--name', 'Test-VL', '--title', 'Test VL: Bridging Tests and Language', '--author', 'Doe, Jane', '--author', 'Richard Roe', '--year', '2024', '--category', 'converter'];

describe('add from flags', () => {
  it('every field flag; the entry round-trips through validate and list', () => {
    const dir = project();
    const r = runBinary(
      [
        'add', ...PAPER, '--subcategory', 'projection', '--arxiv', 'arXiv:2401.00001v2', '--doi', 'https://doi.org/10.1000/Test.1',
        '--url', 'https://example.org/test-vl', '--venue', 'ICML 2024', '--code', 'https://github.com/example/test-vl',
        '--modality', 'image,text', '--modality', 'video', '--llm', 'Vicuna, LLaMA', '--tag', 'instruction-tuning', '--builds-on', 'llava,blip-2',
        '--citekey', 'doe2024testvl', '--summary', 'A test entry. It bridges nothing.', '--added', '2026-11-20',
      ],
      { cwd: dir },
    );
    expect(r).toEqual({ code: 0, stdout: 'entries/test-vl.yaml\n', stderr: '' });
    expectClean(dir, ['test-vl']);
    expect(listed(dir, 'test-vl')).toEqual({
      id: 'test-vl',
      name: 'Test-VL',
      title: 'Test VL: Bridging Tests and Language',
      authors: ['Jane Doe', 'Richard Roe'],
      year: 2024,
      category: 'converter',
      subcategory: 'projection',
      arxiv: '2401.00001v2',
      doi: '10.1000/Test.1',
      url: 'https://example.org/test-vl',
      venue: 'ICML 2024',
      code: 'https://github.com/example/test-vl',
      modalities: ['image', 'text', 'video'],
      llm: ['Vicuna', 'LLaMA'],
      tags: ['instruction-tuning'],
      builds_on: ['llava', 'blip-2'],
      citekey: 'doe2024testvl',
      summary: 'A test entry. It bridges nothing.',
      added: '2026-11-20',
    });
    // The same DOI in another case is the same paper.
    const again = runBinary(['add', '--id', 'other', '--name', 'Other', '--title', 'Other', '--author', 'X Y', '--year', '2024', '--category', 'tool', '--doi', '10.1000/TEST.1'], { cwd: dir });
    expect(again).toEqual({
      code: 1,
      stdout: '',
      stderr: 'mllm-align: error: already in the catalogue as entries/test-vl.yaml (same DOI 10.1000/Test.1); nothing to add\n',
    });
  });

  it.each([
    ['same arXiv id with a version', ['--arxiv', '2304.08485v2', '--year', '2023'], 'mllm-align: error: already in the catalogue as entries/llava.yaml (same arXiv id 2304.08485); nothing to add'],
    ['same title ignoring case and punctuation', ['--url', 'https://a.example', '--title', 'visual instruction-tuning!'], 'mllm-align: error: already in the catalogue as entries/llava.yaml (same title); nothing to add'],
    ['a builds_on target that does not exist', ['--url', 'https://a.example', '--builds-on', 'blip2'], 'entries/test-vl.yaml:12:5: error builds_on names "blip2", which is not in the catalogue; did you mean "blip-2"? (MA206)'],
    ['a subcategory of another category', ['--url', 'https://a.example', '--subcategory', 'adapter'], 'entries/test-vl.yaml:10:14: error subcategory `adapter` belongs to `perceiver`, not `converter`; use one of: projection, embedding-lm, discrete-tokens (MA106)'],
  ])('refused, exit 1, nothing written: %s', (_, extra, line) => {
    const dir = project();
    const before = files(dir);
    const r = runBinary(['add', ...PAPER, ...extra], { cwd: dir });
    const tail = line.startsWith('mllm-align:') ? '' : 'mllm-align: error: nothing written: 1 error in the new entry\n';
    expect(r).toEqual({ code: 1, stdout: '', stderr: `${line}\n${tail}` });
    expect(files(dir)).toEqual(before);
  });

  it('an id that exists is refused and the file left as it was', () => {
    const dir = project();
    const before = readFileSync(path.join(dir, 'entries', 'llava.yaml'), 'utf8');
    const r = runBinary(['add', ...PAPER, '--id', 'llava', '--url', 'https://a.example'], { cwd: dir });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'mllm-align: error: entries/llava.yaml already exists; nothing written\n' });
    expect(readFileSync(path.join(dir, 'entries', 'llava.yaml'), 'utf8')).toBe(before);
  });

  it.each([['../x'], ['a/b'], ['LLaVA'], ['x.yaml/..']])('id %j is not a plain slug: exit 2, nothing written', (id) => {
    const dir = project();
    const before = files(dir);
    const r = runBinary(['add', ...PAPER, '--id', id, '--url', 'https://a.example'], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `mllm-align: error: id "${id}" is not a plain slug (lower-case letters and digits joined by single - or .)\n` });
    expect(files(dir)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['entries', 'schema']);
  });

  it.each([
    [['--title', 'T', '--year', '2023', '--category', 'tool'], 'missing required fields: --name, --author and one of --arxiv, --doi, --url'],
    [['--name', '+++', '--title', 'T', '--author', 'A', '--year', '2023', '--category', 'tool', '--url', 'https://a.example'], 'cannot make an id from the name "+++"; give --id'],
    [['--id', '', '--name', 'A'], '--id needs a non-empty value'],
    [['--year', 'twenty'], '--year must be a four-digit year; got "twenty"'],
    [['--category', 'perceivr'], 'unknown category "perceivr"; did you mean "perceiver"? Valid categories: converter (Multimodal Converter), perceiver (Multimodal Perceiver), tool (Tool Learning), data-driven (Data-Driven Method)'],
    [['--arxiv', 'abc', '--category', 'tool'], '--arxiv must be a new-style arXiv id such as 2304.08485; got "abc"'],
  ])('usage error without a terminal: %j', (argv, message) => {
    const dir = project();
    const r = runBinary(['add', ...argv], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `mllm-align: error: ${message}\n` });
  });

  it('--dry-run prints the canonical YAML and writes nothing', () => {
    const dir = project();
    const r = runBinary(['add', ...PAPER, '--url', 'https://a.example', '--added', '2026-11-26', '--dry-run'], { cwd: dir });
    expect(r.stdout).toBe(
      [SCHEMA_LINE, 'id: test-vl', 'name: Test-VL', 'title: "Test VL: Bridging Tests and Language"', 'authors:', '  - Jane Doe', '  - Richard Roe',
        'year: 2024', 'category: converter', 'url: https://a.example', 'citekey: doe2024test', 'added: 2026-11-26', ''].join('\n'),
    );
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(existsSync(path.join(dir, 'entries', 'test-vl.yaml'))).toBe(false);
  });

  it('--entries DIR: writes there and prints the path', () => {
    const dir = project();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'mllm-align-cwd-'));
    const r = runBinary(['add', ...PAPER, '--url', 'https://a.example', '--entries', path.join(dir, 'entries')], { cwd: elsewhere });
    expect(r).toEqual({ code: 0, stdout: `${path.join(dir, 'entries', 'test-vl.yaml')}\n`, stderr: '' });
  });

  it('a warning (arXiv year) is shown but does not stop the write', () => {
    const dir = project();
    const r = runBinary(['add', ...PAPER, '--arxiv', '2301.00001'], { cwd: dir });
    expect(r).toEqual({
      code: 0,
      stdout: 'entries/test-vl.yaml\n',
      stderr: 'entries/test-vl.yaml:8:7: warning `year` 2024 disagrees with arXiv id 2301.00001 (first posted 2023); check which is right (MA208)\n',
    });
  });

  it('two adds of the same id at once: exactly one succeeds', async () => {
    const dir = project();
    const argv = ['add', ...PAPER, '--url', 'https://a.example'];
    const results = await Promise.all([runBinaryAsync(argv, { cwd: dir }), runBinaryAsync(argv, { cwd: dir })]);
    expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
    const loser = results.find((r) => r.code === 1)!;
    expect(loser.stdout).toBe('');
    // The loser sees the winner's file either before checking or at the exclusive create.
    expect(loser.stderr).toMatch(/^mllm-align: error: (?:entries\/test-vl\.yaml already exists; nothing written|already in the catalogue as entries\/test-vl\.yaml \(same title\); nothing to add)\n$/);
    expect(files(dir).filter((f) => f.startsWith('.') || f.endsWith('.tmp'))).toEqual([]);
    expectClean(dir, ['test-vl']);
  });
});

describe('add --from-bibtex with real records (tests/fixtures/add/real)', () => {
  const REAL = path.join(FIXTURES, 'add', 'real');

  it('arXiv\'s own record of a paper the catalogue has is refused as a duplicate naming the file (exit 1), though --category is missing', () => {
    const dir = project();
    const r = runBinary(['add', '--from-bibtex', path.join(REAL, 'arxiv.bib')], { cwd: dir });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'mllm-align: error: already in the catalogue as entries/llava.yaml (same arXiv id 2304.08485); nothing to add\n' });
  });

  it('a README with several records: without --key every record is checked and every problem reported', () => {
    const dir = project();
    const r = runBinary(['add', '--from-bibtex', path.join(REAL, 'google-scholar.bib')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('mllm-align: error:'))).toEqual([
      'mllm-align: error: record chen2024expanding: missing required fields: --name and --category',
      'mllm-align: error: record gao2024mini: missing required field: --category',
      'mllm-align: error: record chen2024far: missing required fields: --name and --category',
      'mllm-align: error: record chen2024internvl: missing required fields: --category and one of --arxiv, --doi, --url',
    ]);
    // Scholar shortens author lists; each such record gets a note.
    expect(r.stderr.split('\n').filter((l) => l.includes(': note: the author list ends with "and others"'))).toHaveLength(4);
  });

  it('--key picks the one paper; the README\'s {InternVL} casing gives the name InternVL and the id internvl', () => {
    const dir = project();
    const r = runBinary(['add', '--from-bibtex', path.join(REAL, 'readme-internvl.bib'), '--key', 'chen2023internvl', '--category', 'perceiver', '--added', '2026-11-26'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'entries/internvl.yaml\n', stderr: '' });
    const text = readFileSync(path.join(dir, 'entries', 'internvl.yaml'), 'utf8');
    expect(text).toContain('\nid: internvl\nname: InternVL\ntitle: "InternVL: Scaling up Vision Foundation Models and Aligning for Generic Visual-Linguistic Tasks"\n');
    expect(text).toContain('\nyear: 2023\ncategory: perceiver\narxiv: "2312.14238"\nurl: https://arxiv.org/abs/2312.14238\ncitekey: chen2023internvl\n');
    expectClean(dir, ['internvl']);
  });

  it('Google Scholar\'s record of a CVPR paper gives the venue CVPR 2024, exported with the proceedings\' full name', () => {
    const dir = project();
    const r = runBinary(['add', '--from-bibtex', path.join(REAL, 'google-scholar.bib'), '--key', 'chen2024internvl', '--category', 'perceiver', '--name', 'InternVL', '--url', 'https://github.com/OpenGVLab/InternVL'], { cwd: dir });
    expect(r).toEqual({
      code: 0,
      stdout: 'entries/internvl.yaml\n',
      stderr: `${path.join(REAL, 'google-scholar.bib')}: record chen2024internvl: note: the author list ends with "and others"; add the remaining authors\n`,
    });
    expect(readFileSync(path.join(dir, 'entries', 'internvl.yaml'), 'utf8')).toContain('\nyear: 2024\ncategory: perceiver\nurl: https://github.com/OpenGVLab/InternVL\nvenue: CVPR 2024\n');
    const bib = runBinary(['show', 'internvl', '--format', 'bibtex'], { cwd: dir }).stdout;
    expect(bib).toContain('  booktitle = {Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)},\n  year      = {2024},\n');
  });
});

describe('TeX in, TeX out (issue 10)', () => {
  it('Sur{\\\'\\i}s is stored as Surís (NFC), found by filter --author suris, and written back as Sur{\\\'{\\i}}s by --ascii', () => {
    const dir = project();
    const bib = "@inproceedings{x, title = {{ViperX}: Tests}, author = {Sur{\\'\\i}s, D{\\'\\i}dac and Vondrick, Carl}, booktitle = {Proceedings of the IEEE/CVF International Conference on Computer Vision}, year = {2023}, eprint = {2399.00001}}";
    const r = runBinary(['add', '--from-bibtex', '-', '--category', 'tool'], { cwd: dir, input: bib });
    expect(r).toEqual({ code: 0, stdout: 'entries/viperx.yaml\n', stderr: '' });
    const text = readFileSync(path.join(dir, 'entries', 'viperx.yaml'), 'utf8');
    expect(text).toContain('\n  - Dídac Surís\n');
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('\nvenue: ICCV 2023\n');
    expect(runBinary(['filter', '--author', 'suris', '--format', 'ids'], { cwd: dir }).stdout.split('\n').sort()).toEqual(['', 'vipergpt', 'viperx']);
    const ascii = runBinary(['export', '--format', 'bibtex', '--ascii', 'viperx'], { cwd: dir }).stdout;
    expect(ascii).toContain("author        = {Sur{\\'{\\i}}s, D{\\'{\\i}}dac and Vondrick, Carl},");
    expect(ascii).not.toContain('?');
  });
});

describe('a paper the catalogue has is a duplicate however its record gives the arXiv id', () => {
  it.each([
    ['Semantic Scholar (journal ArXiv, volume abs/…)', '@article{Liu2023VisualIT, title={Visual Instruction Tuning}, author={Haotian Liu and Chunyuan Li and Qingyang Wu and Yong Jae Lee}, journal={ArXiv}, year={2023}, volume={abs/2304.08485}, url={https://api.semanticscholar.org/CorpusID:258179774}}'],
    ['DBLP CoRR (volume abs/…, eprinttype)', '@article{DBLP:journals/corr/abs-2304-08485, author = {Haotian Liu}, title = {Visual Instruction Tuning}, journal = {CoRR}, volume = {abs/2304.08485}, year = {2023}, eprinttype = {arXiv}}'],
    ['a pdf link with a version', '@misc{x, title = {Visual Instruction Tuning (v2)}, url = {https://arxiv.org/pdf/2304.08485v2.pdf}}'],
    ['note', '@misc{x, title = {LLaVA}, note = {arXiv:2304.08485}}'],
    ['howpublished', '@misc{x, title = {LLaVA}, howpublished = {\\url{https://arxiv.org/abs/2304.08485}}}'],
    ['the arXiv DOI', '@misc{x, title = {LLaVA}, doi = {10.48550/ARXIV.2304.08485}}'],
    ['the title alone (README, publisher NeurIPS)', '@misc{liu2023llava, title={Visual Instruction Tuning}, author={Liu, Haotian and Li, Chunyuan and Wu, Qingyang and Lee, Yong Jae}, publisher={NeurIPS}, year={2023}}'],
  ])('%s: exit 1 naming entries/llava.yaml, no "missing required field"', (_what, bib) => {
    const dir = project();
    const r = runBinary(['add', '--from-bibtex', '-'], { cwd: dir, input: bib });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^mllm-align: error: already in the catalogue as entries\/llava\.yaml \(same (?:arXiv id 2304\.08485|title)\); nothing to add\n$/);
  });
});
