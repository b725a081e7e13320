/** End-to-end: `filter` and `show` through the built binary, and more cases in memory. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/core/taxonomy.js';
import { runBinary, runInMemory } from '../helpers.js';

const CAT = path.join('tests', 'fixtures', 'catalogue');
const ESC = '\u001b[';
const ids = (...list: string[]) => list.map((id) => `${id}\n`).join('');

describe('mllm-align filter (binary)', () => {
  it('answers the issue\'s question with flags', () => {
    const r = runBinary(['filter', '--entries', CAT, '--category', 'perceiver', '--modality', 'video', '--since', '2023', '--has-code', '--format', 'ids']);
    expect(r).toEqual({ code: 0, stdout: ids('video-llama'), stderr: '' });
  });

  it('answers it with a query, sorted by year then name', () => {
    const r = runBinary(['filter', '--entries', CAT, 'category:"Multimodal Perceiver" modality:video,audio', '--format', 'ids']);
    expect(r).toEqual({ code: 0, stdout: ids('flamingo', 'video-llama'), stderr: '' });
  });

  it('combines flags and query with AND; the words of an unquoted query are joined, negated ones too', () => {
    const want = { code: 0, stdout: ids('gpt4tools', 'llava', 'pointllm', 'speechgpt'), stderr: '' };
    const base = ['filter', '--entries', CAT, '--tag', 'instruction-tuning', '--sort', 'name', '--format', 'ids'];
    expect(runBinary([...base, 'has:code', '-category:perceiver'])).toEqual(want);
    expect(runBinary([...base, '-category:perceiver', 'has:code'])).toEqual(want);
    expect(runBinary([...base, '--', 'has:code', '-category:perceiver'])).toEqual(want);
    expect(runBinary(['filter', '--entries', CAT, '-has:code', '-c', 'tool', '--format', 'ids'])).toEqual({ code: 0, stdout: ids('vipergpt'), stderr: '' });
    expect(runBinary(['filter', '--entries', CAT, '--text', '-frozen', '--format', 'count'])).toEqual({ code: 0, stdout: '7\n', stderr: '' });
    // Only query-shaped arguments are lifted: a joined short option and a mistyped one behave as options.
    expect(runBinary(['filter', '--entries', CAT, '-cperceiver', '--format', 'count'])).toEqual({ code: 0, stdout: '5\n', stderr: '' });
    expect(runBinary(['filter', '--entries', CAT, '--category', 'tool', '-json'])).toEqual({ code: 2, stdout: '', stderr: "mllm-align: error: unknown option '-json'\n" });
  });

  it('a mistyped option is still an unknown option', () => {
    const r = runBinary(['filter', '--entries', CAT, '--categroy', 'tool']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("mllm-align: error: unknown option '--categroy'\n(Did you mean --category?)\n");
  });

  it('prints the table like list, and a count', () => {
    const r = runBinary(['filter', '--entries', CAT, 'builds-on:llava']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').map((l) => l.replace(/\s+/g, ' '))).toEqual([
      'Name Year Category Venue Title',
      'LLaVA-1.5 2023 converter/projection Improved Baselines with Visual Instruction Tuning',
      'LLaVA-Med 2023 data-driven/domain-data NeurIPS 2023 Datasets a… LLaVA-Med: Training a Large Language-and-Vision Assistant for Biomedicine in One Day',
      '',
    ]);
    expect(r.stdout).not.toContain(ESC);
    expect(runBinary(['filter', '--entries', CAT, '--has-code', '--format', 'count'])).toEqual({ code: 0, stdout: '9\n', stderr: '' });
  });

  it('--json prints full entries', () => {
    const r = runBinary(['filter', '--entries', CAT, '--author', 'Surís', '--json']);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(got.map((e) => e.id)).toEqual(['vipergpt']);
    expect(got[0]!.authors).toEqual(['Dídac Surís', 'Sachit Menon', 'Carl Vondrick']);
  });

  it('no match: empty output ([] for json, 0 for count), a note on stderr, exit 0', () => {
    const note = 'mllm-align: no entries match\n';
    expect(runBinary(['filter', '--entries', CAT, 'modality:music'])).toEqual({ code: 0, stdout: '', stderr: note });
    expect(runBinary(['filter', '--entries', CAT, 'modality:music', '--format', 'ids'])).toEqual({ code: 0, stdout: '', stderr: note });
    expect(runBinary(['filter', '--entries', CAT, 'modality:music', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: note });
    expect(runBinary(['filter', '--entries', CAT, 'modality:music', '--format', 'count'])).toEqual({ code: 0, stdout: '0\n', stderr: '' });
  });

  it('an unknown field is a usage error naming the fields and the close one', () => {
    const r = runBinary(['filter', '--entries', CAT, 'modalty:video']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mllm-align: error: in query term "modalty:video": unknown field "modalty"; did you mean "modality"? ' +
        'Fields: category, subcategory, modality, llm, tag, venue, author, year, since, until, builds-on, has, text or code\n',
    });
  });

  it('an unknown category by flag names the valid ones, exit 2', () => {
    const r = runBinary(['filter', '--entries', CAT, '--category', 'percevier']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mllm-align: error: --category: unknown category "percevier"; did you mean "perceiver"? Valid categories: ' +
        'converter (Multimodal Converter), perceiver (Multimodal Perceiver), tool (Tool Learning), data-driven (Data-Driven Method)\n',
    });
  });

  it('--help lists the flags, the query fields and examples', () => {
    const r = runBinary(['filter', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['--modality <id>', '--has-code', '--builds-on <id>', 'Query fields:', '  year:Y ', '  has:code ', 'Examples:']) {
      expect(r.stdout).toContain(s);
    }
  });
});

describe('list --category X and filter --category X agree', () => {
  const keys = CATEGORIES.flatMap((c) => [c.id, c.name, c.nameV1]);
  it.each(keys)('%s', async (key) => {
    const list = await runInMemory(['list', '--entries', CAT, '--category', key, '--format', 'ids']);
    const filter = await runInMemory(['filter', '--entries', CAT, '--category', key, '--format', 'ids']);
    expect(filter).toEqual(list);
    expect(filter.code).toBe(0);
    expect(filter.stdout).not.toBe('');
  });
});

describe('filter in memory', () => {
  it.each([
    [['filter', '--entries', CAT, '--format', 'ids', '--modality', 'video,audio'], 0, ids('flamingo', 'speechgpt', 'video-llama'), ''],
    [['filter', '--entries', CAT, '--format', 'ids', '--modality', 'video', '--modality', 'audio'], 0, ids('flamingo', 'speechgpt', 'video-llama'), ''],
    [['filter', '--entries', CAT, '--format', 'ids', '--year', '<2023'], 0, ids('flamingo'), ''],
    [['filter', '--entries', CAT, '--format', 'ids', '--until', '2022', '--since', '2022'], 0, ids('flamingo'), ''],
    [['filter', '--entries', CAT, '--format', 'ids', '--llm', 'vicuna', '--sort', 'name'], 0, ids('llava', 'minigpt-4'), ''],
    [['filter', '--entries', CAT, '--format', 'ids', '--text', 'frozen llm', '--venue', 'neurips,emnlp'], 0, ids('flamingo', 'video-llama'), ''],
    [['filter', '--entries', CAT, '--format', 'ids', 'year>=2023', 'tag:q-former'], 0, ids('blip-2', 'instructblip', 'video-llama'), ''],
    [['filter', '--entries', CAT, '--format', 'ids', '--builds-on', 'kosmos-1'], 0, ids('kosmos-2'), ''],
    [['filter', '--entries', CAT, '--builds-on', 'lava'], 1, '', 'mllm-align: error: builds-on: no entry "lava" in the catalogue; did you mean "llava"?\n'],
    [['filter', '--entries', CAT, 'year>=twenty'], 2, '', 'mllm-align: error: in query term "year>=twenty": year needs a four-digit year such as 2023; got "twenty"\n'],
    [['filter', '--entries', CAT, 'tag:"audio'], 2, '', 'mllm-align: error: unterminated quote at column 5: "audio\n'],
    [['filter', '--entries', CAT, '--format', 'xml'], 2, '', "mllm-align: error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json, ids, count.\n"],
    [['filter', '--entries', 'nowhere', 'video'], 2, '', 'mllm-align: error: entries folder not found: nowhere\n'],
    [['filter', '--entries', 'nowhere', 'vidoe:x'], 2, '', expect.stringContaining('unknown field "vidoe"')],
  ])('%j', async (argv, code, stdout, stderr) => {
    expect(await runInMemory(argv)).toEqual({ code, stdout, stderr });
  });
});

const LLAVA_TEXT = `LLaVA (llava)

Title        Visual Instruction Tuning
Authors      Haotian Liu, Chunyuan Li, Qingyang Wu, Yong Jae Lee
Year         2023
Category     converter (Multimodal Converter)
Subcategory  projection: A linear layer or MLP maps encoder features into the
             LLM's embedding space.
Venue        NeurIPS 2023 (Oral)
arXiv        2304.08485 (https://arxiv.org/abs/2304.08485)
Code         https://github.com/haotian-liu/LLaVA
Modalities   image, text
LLM          Vicuna, LLaMA
Tags         instruction-tuning, open-source
Citekey      liu2023visual
Added        2026-11-26
File         tests/fixtures/catalogue/llava.yaml

Summary
  LLaVA connects a CLIP vision encoder to a LLaMA-family language model (Vicuna)
  through a single trainable linear projection that turns image patch features
  into a sequence of visual tokens in the word-embedding space. Training has two
  stages: the projection alone is first fitted on filtered image-caption pairs,
  then the projection and the language model are fine-tuned together. The
  fine-tuning data are multimodal instruction-following conversations, detailed
  descriptions and reasoning questions that text-only GPT-4 generated from image
  captions and bounding boxes.

Builds on
  (none)

Built on by
  llava-1.5  LLaVA-1.5 (2023): Improved Baselines with Visual Instruction Tuning
  llava-med  LLaVA-Med (2023): LLaVA-Med: Training a Large Language-and-Vision Assistant for Biomedicine in One Day
`;

describe('mllm-align show (binary)', () => {
  it('prints every field, the links and the reverse links', () => {
    expect(runBinary(['show', '--entries', CAT, 'llava'])).toEqual({ code: 0, stdout: LLAVA_TEXT, stderr: '' });
  });

  it('colours only with FORCE_COLOR, and lines fit the terminal width in memory', async () => {
    expect(runBinary(['show', '--entries', CAT, 'llava'], { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    const narrow = await runInMemory(['show', '--entries', CAT, 'kosmos-2'], { columns: 60 });
    const summary = narrow.stdout.split('\nSummary\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(Math.max(...summary.map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(summary.length).toBeGreaterThan(8);
  });

  it('lists what an entry builds on', () => {
    const r = runBinary(['show', '--entries', CAT, 'instructblip']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\nBuilds on\n')[1]).toBe(
      '  blip-2  BLIP-2 (2023): BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models\n' +
        '\nBuilt on by\n  (none)\n',
    );
  });

  it('--format yaml is the file without its schema line, reverse links as a comment', () => {
    const r = runBinary(['show', '--entries', CAT, 'blip-2', '--format', 'yaml']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('id: blip-2');
    expect(lines.slice(-3)).toEqual(['added: 2026-11-26', '# built on by: instructblip', '']);
  });

  it('--json: the entry in canonical order plus built_on_by', () => {
    const r = runBinary(['show', '--entries', CAT, 'kosmos-1', '--json']);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(got)).toEqual(['id', 'name', 'title', 'authors', 'year', 'category', 'subcategory', 'arxiv', 'modalities', 'llm', 'tags', 'citekey', 'summary', 'added', 'built_on_by']);
    expect(got.built_on_by).toEqual(['kosmos-2']);
    expect(r.stdout).not.toContain(ESC);
  });

  it('finds an entry by its name too', () => {
    expect(runBinary(['show', '--entries', CAT, 'LLaVA-1.5', '--format', 'yaml']).stdout.split('\n')[0]).toBe('id: llava-1.5');
  });

  it('an unknown id exits 1 and suggests the closest ids', () => {
    expect(runBinary(['show', '--entries', CAT, 'llav'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'mllm-align: error: no entry "llav" in the catalogue; did you mean "llava", "llava-1.5" or "llava-med"?\n',
    });
    expect(runBinary(['show', '--entries', CAT, 'zzz'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'mllm-align: error: no entry "zzz" in the catalogue; run `mllm-align list --format ids` to see the ids\n',
    });
  });

  it('an unknown format is a usage error', () => {
    const r = runBinary(['show', '--entries', CAT, 'llava', '--format', 'xml']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "mllm-align: error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, yaml, json, bibtex.\n" });
  });

  it('--format bibtex prints the record a full export gives, with the same key', () => {
    const one = runBinary(['show', '--entries', CAT, 'kosmos-2', '--format', 'bibtex']);
    expect(one.code).toBe(0);
    const all = runBinary(['export', '--entries', CAT, '--format', 'bibtex']);
    const records = all.stdout.split('\n\n').map((r) => r.replace(/^%.*\n\n?/, '').trim() + '\n');
    expect(records).toContain(one.stdout);
    expect(one.stdout.split('\n')[0]).toBe('@inproceedings{peng2023kosmos,');
  });
});
