/**
 * Issue #12: hostile input that is not an entry file — BibTeX records, arXiv answers, queries, output
 * targets, the environment, command-line arguments — each with the exit code it must give, one line
 * of error at most, no stack, and nothing written when it is refused.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runBinary, runInMemory } from './helpers.js';

const INPUTS = path.join(FIXTURES, 'hostile', '_inputs');
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A catalogue folder inside its own temporary project, with the schema its entries point at beside it. */
function catalogue(): string {
  const project = mkdtempSync(path.join(os.tmpdir(), 'mllm-hostile-cli-'));
  made.push(project);
  const dir = path.join(project, 'entries');
  cpSync(path.join(FIXTURES, 'hostile', '_context'), dir, { recursive: true });
  cpSync(path.join(ROOT, 'schema'), path.join(project, 'schema'), { recursive: true });
  return dir;
}

const NO_STACK = /internal error|\n\s+at .+:\d+:\d+/;
const FIELDS = ['--category', 'tool', '--no-fetch'];

/** A few short error lines on stderr (add names every problem it finds), none of them raw control characters. */
function expectOneLine(stderr: string): void {
  expect(stderr).not.toMatch(NO_STACK);
  // eslint-disable-next-line no-control-regex
  expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  const lines = stderr.trim().split('\n').filter((l) => l.startsWith('mllm-align: error'));
  expect(lines.length).toBeGreaterThanOrEqual(1);
  expect(lines.length).toBeLessThanOrEqual(5);
  for (const l of lines) expect(l.length).toBeLessThan(400);
}

describe('BibTeX input (add --from-bibtex)', () => {
  const big = (field: string, size: number) => `@article{big,\n  title = {Big},\n  author = {Ada Lovelace},\n  year = 2023,\n  ${field} = {${'x'.repeat(size)}},\n}\n`;
  it.each([
    ['invalid UTF-8 (Latin-1 é)', 'invalid-utf8.bib', undefined, 'invalid-utf8.bib:2:15: not valid UTF-8: byte 0xE9 at line 2, column 15; save the file as UTF-8; nothing written'],
    ['an extra } in a value', 'extra-brace.bib', undefined, 'record "extra" closes early at line 2'],
    ['a record never closed', 'unclosed.bib', undefined, 'record "open" is never closed'],
    ['a } inside a quoted value', 'unbalanced-quote.bib', undefined, 'record "quoted": unbalanced braces in field "title" at line 2'],
    ['terminal escapes in the title', 'escape-in-title.bib', undefined, 'nothing written: 1 error in the new entry'],
    ['a 500 KB field', 'big-field.bib', big('title', 500_000), 'field "title" is 500001 characters long; a field holds at most 20000'],
    ['a 5 MB ignored field', 'big-abstract.bib', big('abstract', 5_000_000), 'characters long; at most 4194304 are read'],
  ])('%s: exit 1, one short line, nothing written', async (_name, file, text, message) => {
    const dir = catalogue();
    const bib = text === undefined ? path.join(INPUTS, file) : path.join(dir, '..', `${path.basename(dir)}-${file}`);
    if (text !== undefined) {
      writeFileSync(bib, text);
      made.push(bib);
    }
    const r = await runInMemory(['add', '--entries', dir, '--from-bibtex', bib, '--name', 'Hostile', ...FIELDS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr.length).toBeLessThan(600);
    expectOneLine(r.stderr);
    expect(readdirSync(dir).sort()).toEqual(['valid-context.yaml', 'valid-other.yaml']);
  });

  it('invalid UTF-8 on standard input: exit 1 with line and column (built binary)', () => {
    const dir = catalogue();
    const spawned = runBinaryBytes(['add', '--entries', dir, '--from-bibtex', '-', '--name', 'Hostile', ...FIELDS], readFileSync(path.join(INPUTS, 'invalid-utf8.bib')));
    expect(spawned.code).toBe(1);
    expect(spawned.stderr).toBe('mllm-align: error: standard input:2:15: not valid UTF-8: byte 0xE9 at line 2, column 15; save the file as UTF-8; nothing written\n');
  });
});

function runBinaryBytes(argv: string[], input: Buffer): { code: number; stderr: string } {
  try {
    execFileSync(process.execPath, [path.join(FIXTURES, '..', '..', 'bin', 'mllm-align.js'), ...argv], { input, stdio: ['pipe', 'pipe', 'pipe'] });
    return { code: 0, stderr: '' };
  } catch (err) {
    const e = err as { status: number; stderr: Buffer };
    return { code: e.status, stderr: e.stderr.toString() };
  }
}

describe('arXiv answers (add --arxiv against a local server)', () => {
  let server: Server;
  let other: Server;
  let api = '';
  let otherApi = '';
  beforeAll(async () => {
    const answer = (file: string) => readFileSync(path.join(INPUTS, file));
    server = createServer((req, res) => {
      const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id_list') ?? '';
      const send = (body: Buffer | string) => {
        res.writeHead(200, { 'content-type': 'application/atom+xml' });
        res.end(body);
      };
      if (id === '2301.12347') return send(answer('good.atom.xml').toString().replace('2301.12347', id));
      if (id === '2301.00101') return send(answer('xxe.atom.xml'));
      if (id === '2301.00102') return send(answer('entity-bomb.atom.xml'));
      if (id === '2301.00103') return send(answer('escape-in-title.atom.xml').toString().replace('2301.12347', id));
      if (id === '2301.00104') return send(answer('invalid-utf8.atom.xml'));
      if (id === '2301.00105') {
        // 6 MB without a length: the cap must hold while streaming.
        res.writeHead(200, { 'content-type': 'application/atom+xml' });
        for (let i = 0; i < 6; i++) res.write('x'.repeat(1024 * 1024));
        return res.end();
      }
      if (id === '2301.00106') {
        res.writeHead(302, { location: `${otherApi}?id_list=2301.12347` });
        return res.end();
      }
      if (id === '2301.00107' && req.url?.startsWith('/api/query')) {
        res.writeHead(301, { location: `/api/moved?id_list=${id}` });
        return res.end();
      }
      if (id === '2301.00107') return send(answer('good.atom.xml').toString().replace('2301.12347', id));
      res.writeHead(404);
      res.end();
    });
    other = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/atom+xml' });
      res.end(answer('good.atom.xml'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // "localhost" is another host name than 127.0.0.1, as a redirect sees it.
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/query`;
    otherApi = `http://localhost:${(other.address() as AddressInfo).port}/api/query`;
  });
  afterAll(async () => {
    for (const s of [server, other]) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });

  const add = (id: string, dir: string) =>
    runInMemory(['add', '--entries', dir, '--arxiv', id, '--name', 'Hostile', '--category', 'tool'], { env: { MLLM_ALIGN_ARXIV_API: api, MLLM_ALIGN_TIMEOUT_MS: '5000' } });

  it.each([
    ['an external-entity DOCTYPE (XXE)', '2301.00101', "the arXiv API's answer for 2301.00101 is unreadable: it declares a DOCTYPE or entities"],
    ['an entity bomb', '2301.00102', "the arXiv API's answer for 2301.00102 is unreadable: it declares a DOCTYPE or entities"],
    ['a 6 MB answer', '2301.00105', "the arXiv API's answer for 2301.00105 is larger than 4 MB; not read"],
    ['a redirect to another host', '2301.00106', 'redirected to another host, "localhost'],
    ['bytes that are not UTF-8', '2301.00104', "the arXiv API's answer for 2301.00104 is unreadable: not valid UTF-8"],
  ])('%s: exit 1, one line, nothing written', async (_name, id, message) => {
    const dir = catalogue();
    const r = await add(id, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expectOneLine(r.stderr);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('a title with terminal escapes from arXiv is refused (MA120), printed escaped, nothing written', async () => {
    const dir = catalogue();
    const r = await add('2301.00103', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(MA120)');
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('a redirect on the same host is followed', async () => {
    const dir = catalogue();
    const r = await add('2301.00107', dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('queries and arguments', () => {
  it.each(['constructor:x', '__proto__:x', 'toString:x', 'hasOwnProperty:x', 'valueOf:1', '__defineGetter__:x'])('filter %j: unknown field, exit 2', async (q) => {
    const r = await runInMemory(['filter', '--entries', catalogue(), q]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown field');
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it.each(['constructor', '__proto__', 'toString'])('--category %s: exit 2', async (c) => {
    const r = await runInMemory(['list', '--entries', catalogue(), '--category', c]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('show with a 100,000-character id: exit 1, a short message', async () => {
    const r = await runInMemory(['show', '--entries', catalogue(), 'x'.repeat(100_000)]);
    expect(r.code).toBe(1);
    expect(r.stderr.length).toBeLessThan(300);
  });

  it('add --id of 150 characters: exit 2 naming the limit, nothing written', async () => {
    const dir = catalogue();
    const r = await runInMemory(['add', '--entries', dir, '--id', 'a'.repeat(150), '--name', 'A', '--title', 'T', '--author', 'A B', '--year', '2023', '--url', 'https://e.org', ...FIELDS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('at most 100 characters');
    expect(r.stderr.length).toBeLessThan(300);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('add --name with terminal escapes: refused with MA120, printed escaped', async () => {
    const dir = catalogue();
    const r = await runInMemory(['add', '--entries', dir, '--name', 'X\u001b[2J', '--id', 'x', '--title', 'T', '--author', 'A B', '--year', '2023', '--url', 'https://e.org', ...FIELDS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(MA120)');
    expect(r.stderr).not.toContain('\u001b');
  });

  it.each(['99999999999', '2147483648', '0', '-5', 'abc'])('MLLM_ALIGN_TIMEOUT_MS=%s: exit 2, no Node warning', (ms) => {
    const r = runBinary(['add', '--entries', catalogue(), '--arxiv', '2301.12347', '--category', 'tool'], { env: { MLLM_ALIGN_TIMEOUT_MS: ms, MLLM_ALIGN_ARXIV_API: 'http://127.0.0.1:9/' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^mllm-align: error: MLLM_ALIGN_TIMEOUT_MS must be a whole number of milliseconds from 1 to 2147483647; got "/);
    expect(r.stderr).not.toContain('Warning');
  });
});

describe('output targets (export --output, standard output)', () => {
  const exportTo = (dir: string, target: string) => runBinary(['export', '--entries', dir, '--format', 'json', '--output', target], { cwd: dir });

  it('a folder: exit 2, a clear message, not EISDIR', () => {
    const dir = catalogue();
    mkdirSync(path.join(dir, 'out'));
    const r = exportTo(dir, 'out');
    expect(r).toMatchObject({ code: 2, stderr: 'mllm-align: error: cannot write out: it is a folder; name a regular file\n' });
  });

  it('/dev/full: exit 1, one line, the device left alone', () => {
    const r = exportTo(catalogue(), '/dev/full');
    expect(r).toMatchObject({ code: 1, stderr: 'mllm-align: error: cannot write /dev/full: ENOSPC\n' });
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('/dev/null: written through, exit 0, still a device', () => {
    const r = exportTo(catalogue(), '/dev/null');
    expect(r.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a FIFO: written through as a stream, never replaced', async () => {
    const dir = catalogue();
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const done = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    const r = exportTo(dir, 'pipe');
    await done;
    expect(r.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect((JSON.parse(got) as { entries: unknown[] }).entries).toHaveLength(2);
  });

  it('a symbolic link to a regular file: the file is replaced, the link stays', () => {
    const dir = catalogue();
    writeFileSync(path.join(dir, 'real.json'), 'old\n');
    symlinkSync('real.json', path.join(dir, 'link.json'));
    const r = exportTo(dir, 'link.json');
    expect(r.code).toBe(0);
    expect(lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'link.json'))).toBe('real.json');
    expect((JSON.parse(readFileSync(path.join(dir, 'real.json'), 'utf8')) as { entries: unknown[] }).entries).toHaveLength(2);
  });

  it('a dangling symbolic link: exit 2, nothing created', () => {
    const dir = catalogue();
    symlinkSync('missing.json', path.join(dir, 'dangling.json'));
    const r = exportTo(dir, 'dangling.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('symbolic link to nothing');
    expect(readdirSync(dir)).not.toContain('missing.json');
  });

  it('standard output on /dev/full: one line, exit 1, no stack', () => {
    const out = execFileSync('sh', ['-c', `"${process.execPath}" "${path.join(FIXTURES, '..', '..', 'bin', 'mllm-align.js')}" list --entries "${catalogue()}" 2>&1 >/dev/full; echo "exit=$?"`, 'sh'], { encoding: 'utf8' });
    expect(out).toBe('mllm-align: error: cannot write to standard output: ENOSPC\nexit=1\n');
  });

  it('a closed pipe stays silent, exit 0', () => {
    const out = execFileSync('sh', ['-c', `"${process.execPath}" "${path.join(FIXTURES, '..', '..', 'bin', 'mllm-align.js')}" export --format json --entries "${catalogue()}" | head -c 1 >/dev/null; echo "exit=\${PIPESTATUS:-0}"`], { encoding: 'utf8' });
    expect(out).toBe('exit=0\n');
  });
});

describe('format never loses or corrupts what it cannot keep', () => {
  const ENTRY = readFileSync(path.join(FIXTURES, 'hostile', '_context', 'valid-context.yaml'), 'utf8');

  it.each([
    ['a comment after a value', ENTRY.replace('year: 2023', 'year: 2023  # TODO check'), 7, 13],
    ['a comment line', ENTRY.replace('category: perceiver', '# reviewer note: is this a perceiver?\ncategory: perceiver'), 8, 1],
  ])('%s: left as it is, named with line and column, exit 1', async (_name, text, line, column) => {
    const dir = catalogue();
    const file = path.join(dir, 'valid-context.yaml');
    writeFileSync(file, text.replace(/^# yaml-language-server.*\n/, ''));
    const before = readFileSync(file, 'utf8');
    const r = await runInMemory(['format', '--entries', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`valid-context.yaml:${line - 1}:${column}: has a comment, which format would lose; left as it is`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a file that is not UTF-8 is MA903 and its bytes stay as they are', async () => {
    const dir = catalogue();
    const bytes = Buffer.from(readFileSync(path.join(FIXTURES, 'hostile', '51-invalid-utf8-byte', '51-invalid-utf8-byte.yaml')));
    writeFileSync(path.join(dir, '51-invalid-utf8-byte.yaml'), bytes);
    const r = await runInMemory(['format', '--entries', dir]);
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(dir, '51-invalid-utf8-byte.yaml')).equals(bytes)).toBe(true);
    expect(readFileSync(path.join(dir, '51-invalid-utf8-byte.yaml'), 'utf8')).not.toContain('\ufffd'.repeat(2));
  });

  it('a 900 KB unknown key is one short MA102, quickly', async () => {
    const dir = catalogue();
    writeFileSync(path.join(dir, 'big-key.yaml'), `${ENTRY.replace('valid-context', 'big-key').replace('Valid Context Paper', 'Big Key').replace('2301.00001', '2301.00077').replace('citekey: validcontext', 'citekey: bigkey')}${'k'.repeat(900_000)}: x\n`);
    const r = await runInMemory(['validate', '--entries', dir]);
    expect(r.code).toBe(1);
    const line = r.stdout.trim().split('\n').filter((l) => l.includes('(MA102)')).join('\n');
    expect(line).toMatch(/^.*big-key\.yaml:11:1: error unknown field "k{60}…" \(900000 characters\); known fields: .* \(MA102\)$/);
    expect(line.length).toBeLessThan(400);
  });
});
