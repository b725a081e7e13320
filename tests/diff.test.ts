/**
 * mllm-align diff: release notes from git history, tested in a temporary repository with several
 * commits, a tag, uncommitted changes and a shallow clone.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runBinary, runInMemory } from './helpers.js';
import { hasTool, runTool } from './tools.js';

const CAT = path.join(FIXTURES, 'catalogue');

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`no change in ${file}`);
  writeFileSync(file, next);
}

interface Repo {
  dir: string;
  first: string;
  second: string;
}

/** Commits: (1) llava, blip-2, flamingo; tag v1.0; (2) llava's venue changed, blip-2 removed, kosmos-1 added; (3) a tag of flamingo replaced. */
function makeRepo(): Repo {
  const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-diff-'));
  const entries = path.join(dir, 'entries');
  mkdirSync(entries);
  for (const id of ['llava', 'blip-2', 'flamingo']) cpSync(path.join(CAT, `${id}.yaml`), path.join(entries, `${id}.yaml`));
  writeFileSync(path.join(dir, 'README.md'), 'test\n');
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'first');
  const first = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'tag', 'v1.0');
  edit(path.join(entries, 'llava.yaml'), /^venue: .*$/m, 'venue: NeurIPS 2023');
  rmSync(path.join(entries, 'blip-2.yaml'));
  cpSync(path.join(CAT, 'kosmos-1.yaml'), path.join(entries, 'kosmos-1.yaml'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'second');
  const second = git(dir, 'rev-parse', 'HEAD');
  edit(path.join(entries, 'flamingo.yaml'), /^ {2}- interleaved\n/m, '  - in-context\n');
  git(dir, 'commit', '-qam', 'third');
  return { dir, first, second };
}

interface DiffJson {
  from: { ref: string; commit: string };
  entries: { before: number; after: number };
  added: Array<{ id: string }>;
  removed: Array<{ id: string }>;
  changed: Array<{ id: string; changes: Array<{ field: string; before?: unknown; after?: unknown }> }>;
}

const summary = (d: DiffJson) => ({
  added: d.added.map((e) => e.id),
  removed: d.removed.map((e) => e.id),
  changed: d.changed.map((c) => [c.id, ...c.changes.map((x) => x.field)].join(':')),
});

async function diffJson(cwd: string, args: string[] = []): Promise<DiffJson> {
  const r = await runInMemory(['diff', '--json', ...args], { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as DiffJson;
}

describe.skipIf(!hasTool('git') && !process.env.CI)('mllm-align diff', () => {
  let repo: Repo;
  beforeAll(() => {
    repo = makeRepo();
  });

  it('by default, since the last tag: added, removed and changed field by field', async () => {
    const d = await diffJson(repo.dir);
    expect(d.from).toEqual({ ref: 'v1.0', commit: repo.first });
    expect(d.entries).toEqual({ before: 3, after: 3 });
    expect(summary(d)).toEqual({ added: ['kosmos-1'], removed: ['blip-2'], changed: ['flamingo:tags', 'llava:venue'] });
    expect(d.changed.find((c) => c.id === 'llava')!.changes).toEqual([{ field: 'venue', before: 'NeurIPS 2023 (Oral)', after: 'NeurIPS 2023' }]);
    expect(d.changed.find((c) => c.id === 'flamingo')!.changes).toEqual([
      { field: 'tags', before: ['few-shot', 'interleaved', 'frozen-llm', 'video'], after: ['few-shot', 'in-context', 'frozen-llm', 'video'] },
    ]);
  });

  it('since a given commit', async () => {
    expect(summary(await diffJson(repo.dir, [repo.second]))).toEqual({ added: [], removed: [], changed: ['flamingo:tags'] });
    expect(summary(await diffJson(repo.dir, ['HEAD']))).toEqual({ added: [], removed: [], changed: [] });
  });

  it('the working tree is the newer side, and it is left exactly as it was', async () => {
    const file = path.join(repo.dir, 'entries', 'kosmos-1.yaml');
    const before = readFileSync(file, 'utf8');
    edit(file, /^year: 2023$/m, 'year: 2024');
    try {
      const status = git(repo.dir, 'status', '--porcelain');
      const head = git(repo.dir, 'rev-parse', 'HEAD');
      expect(summary(await diffJson(repo.dir, ['HEAD']))).toEqual({ added: [], removed: [], changed: ['kosmos-1:year'] });
      expect(git(repo.dir, 'status', '--porcelain')).toBe(status);
      expect(git(repo.dir, 'rev-parse', 'HEAD')).toBe(head);
      expect(readFileSync(file, 'utf8')).not.toBe(before);
    } finally {
      writeFileSync(file, before);
    }
  });

  it('without a tag, since the first commit', async () => {
    const plain = mkdtempSync(path.join(tmpdir(), 'mllm-align-diff-'));
    cpSync(repo.dir, plain, { recursive: true });
    git(plain, 'tag', '-d', 'v1.0');
    const d = await diffJson(plain);
    expect(d.from).toEqual({ ref: repo.first.slice(0, 12), commit: repo.first });
    expect(summary(d).added).toEqual(['kosmos-1']);
  });

  it('Markdown release notes, which markdownlint accepts (one line per item: line length aside)', async () => {
    const r = await runInMemory(['diff'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '## Catalogue changes since `v1.0`',
        '',
        `1 entry added, 1 removed, 2 changed (3 now, 3 at \`v1.0\`, commit ${repo.first.slice(0, 12)}).`,
        '',
        '### Added (1)',
        '',
        '- **Kosmos-1** (kosmos-1): [Language Is Not All You Need: Aligning Perception with Language Models](https://arxiv.org/abs/2302.14045), 2023; Multimodal Converter / Embedding LM',
        '',
        '### Removed (1)',
        '',
        '- **BLIP-2** (blip-2): [BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models](https://arxiv.org/abs/2301.12597), 2023; Multimodal Perceiver / Query resampler',
        '',
        '### Changed (2)',
        '',
        '- **Flamingo** (flamingo)',
        '  - tags: added in-context; removed interleaved',
        '- **LLaVA** (llava)',
        '  - venue: NeurIPS 2023 (Oral) → NeurIPS 2023',
        '',
      ].join('\n'),
    );
    const work = mkdtempSync(path.join(tmpdir(), 'mllm-align-notes-'));
    writeFileSync(path.join(work, 'NOTES.md'), '# Release\n\n' + r.stdout);
    writeFileSync(path.join(work, '.markdownlint-cli2.jsonc'), '{ "config": { "MD013": false } }\n');
    const lint = runTool(process.execPath, [path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), 'NOTES.md'], work);
    expect(lint.stdout + lint.stderr).toContain('Summary: 0 error(s)');
  });

  it('works in a shallow clone when the revision is present, and says what to fetch when not', async () => {
    const shallow = path.join(mkdtempSync(path.join(tmpdir(), 'mllm-align-shallow-')), 'clone');
    git(tmpdir(), 'clone', '-q', '--depth', '1', '--no-tags', `file://${repo.dir}`, shallow);
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const missing = await runInMemory(['diff', repo.first], { cwd: shallow });
    expect(missing.stderr).toMatch(/^mllm-align: error: unknown revision "[0-9a-f]{40}": .*this is a shallow clone: fetch it first/);
    expect(missing.code).toBe(2);
    git(shallow, 'fetch', '-q', '--depth', '1', 'origin', 'tag', 'v1.0');
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(summary(await diffJson(shallow, ['v1.0']))).toEqual({ added: ['kosmos-1'], removed: ['blip-2'], changed: ['flamingo:tags', 'llava:venue'] });
  });

  it('a file with errors at REF is left out with a note; a tag name stays inside its code span', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-diff-'));
    cpSync(repo.dir, dir, { recursive: true });
    const file = path.join(dir, 'entries', 'llava.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(/^year: .*$/m, 'year: "soon"'));
    git(dir, 'commit', '-qam', 'broken');
    git(dir, 'tag', 'v2<b>_x_');
    writeFileSync(file, good);
    const r = await runInMemory(['diff'], { cwd: dir });
    expect(r.stderr).toBe('note: 1 file at "v2<b>_x_" had errors; their entries are left out of the comparison\n');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 6)).toEqual([
      '## Catalogue changes since `v2<b>_x_`',
      '',
      `1 entry added, 0 removed, 0 changed (3 now, 2 at \`v2<b>_x_\`, commit ${git(dir, 'rev-parse', 'v2<b>_x_').slice(0, 12)}).`,
      '',
      '### Added (1)',
      '',
    ]);
  });

  const errors: Array<[string, string[], RegExp]> = [
    ['an unknown revision', ['v9'], /^mllm-align: error: unknown revision "v9": no such commit, tag or branch in this repository\n$/],
    ['a revision that reads as an option', ['--', '--output=x'], /^mllm-align: error: not a revision: "--output=x"\n$/],
  ];
  for (const [name, args, message] of errors) {
    it(`${name} is a usage error (exit 2), one line`, async () => {
      const r = await runInMemory(['diff', ...args], { cwd: repo.dir });
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
    });
  }

  it('outside a git repository: exit 2, one line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mllm-align-nogit-'));
    cpSync(path.join(repo.dir, 'entries'), path.join(dir, 'entries'), { recursive: true });
    const r = await runInMemory(['diff'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
    expect(r.stderr).toMatch(/^mllm-align: error: the catalogue folder .* is not inside a git repository; diff reads older versions from git\n$/);
    expect(r.code).toBe(2);
  });

  it('the binary, as a user runs it in the repository', () => {
    const r = runBinary(['diff', '--json'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(summary(JSON.parse(r.stdout) as DiffJson)).toEqual({ added: ['kosmos-1'], removed: ['blip-2'], changed: ['flamingo:tags', 'llava:venue'] });
  });
});
