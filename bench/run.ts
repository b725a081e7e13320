/**
 * The benchmark (npm run bench; not part of npm test). Generates deterministic catalogues of
 * 1,000, 10,000 and 50,000 entries, measures in one run each command against references measured in
 * the same run (`node -e 0`, a read floor, the naive pipeline), the median of several runs per
 * figure, and peak memory; writes bench/results.md with the ratios of issue #13's table.
 *
 * BENCH_RUNS=N scales the number of runs (default 1: 15 / 5 / 3 runs for small / 10k / 50k).
 * BENCH_SIZES=1000,10000 limits the sizes (the 50k figures are then left out of the table).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalogue } from './generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'mllm-align.js');
const SCALE = Number(process.env.BENCH_RUNS ?? 1);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const WORK = mkdtempSync(path.join(os.tmpdir(), 'mllm-align-bench-'));
const CACHE_HOME = path.join(WORK, 'cache');

interface Figure {
  label: string;
  ms: number;
  runs: number;
  peakMb: number;
}

const figures = new Map<string, Figure>();

/** Wait RACY_MS and a little more. */
function settle(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
}

function runsFor(size: number): number {
  return Math.max(1, Math.round((size >= 50000 ? 3 : size >= 10000 ? 5 : 15) * SCALE));
}

interface Spec {
  /** The node arguments (a script and its arguments). */
  args: string[];
  size?: number;
  /** Empty the cache before each run (a cold run). */
  cold?: boolean;
  /** A first run, not measured, to fill the cache. */
  prime?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** The peak resident set (kB) that bench/peak-rss.mjs wrote last on standard error. */
let lastPeakKb = NaN;

function spawnOnce(args: string[], cacheHome: string, extraNode: string[] = [], env: NodeJS.ProcessEnv = {}): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...extraNode, ...args], {
    cwd: WORK,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: WORK, XDG_CACHE_HOME: cacheHome, ...env },
    maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  lastPeakKb = Number(/\nBENCH_MAXRSS_KB=(\d+)\n$/.exec(String(r.stderr))?.[1] ?? NaN);
  return ms;
}

let homes = 0;

/**
 * Measure a group of figures round-robin (one run of each in turn), so that a change in the
 * machine's load shifts them all alike; each figure has its own cache folder. Then one more run of
 * each, with the peak-memory probe.
 */
function measure(group: Array<{ key: string; label: string; spec: Spec }>): void {
  const runs = runsFor(group[0]!.spec.size ?? 0);
  const state = group.map((g) => ({ ...g, home: path.join(CACHE_HOME, String(homes++)), times: [] as number[] }));
  const clear = (home: string) => rmSync(home, { recursive: true, force: true });
  for (const g of state) if (g.spec.prime) spawnOnce(g.spec.args, g.home, [], g.spec.env);
  for (let i = 0; i < runs; i++) {
    for (const g of state) {
      if (g.spec.cold) clear(g.home);
      g.times.push(spawnOnce(g.spec.args, g.home, [], g.spec.env));
    }
  }
  for (const g of state) {
    if (g.spec.cold) clear(g.home);
    // The probe is loaded with --import and reports on standard error, so the environment (part of
    // a replay record's key) is the same as in the timed runs: a replayed figure's memory is a replay's.
    spawnOnce(g.spec.args, g.home, ['--import', path.join(ROOT, 'bench', 'peak-rss.mjs')], g.spec.env);
    const peakMb = lastPeakKb / 1024;
    g.times.sort((a, b) => a - b);
    const f = { label: g.label, ms: g.times[Math.floor(g.times.length / 2)]!, runs, peakMb };
    figures.set(g.key, f);
    console.log(`${f.ms.toFixed(1).padStart(9)} ms ${f.peakMb.toFixed(0).padStart(5)} MB  ${g.label} (${runs} runs)`);
    clear(g.home);
  }
}

const cli = (...a: string[]) => [BIN, ...a];
const EXPORTS = ['markdown', 'bibtex', 'csl-json', 'json'] as const;

console.log(`bench in ${WORK}`);
measure([
  { key: 'node', label: '`node -e 0`', spec: { args: ['-e', '0'] } },
  { key: 'version', label: '`--version`', spec: { args: cli('--version') } },
  { key: 'list-shipped', label: '`list` (table, shipped catalogue), repeated (replayed)', spec: { args: cli('list'), prime: true } },
  { key: 'list-shipped-cold', label: '`list` (table, shipped catalogue), empty cache', spec: { args: cli('list'), cold: true } },
  { key: 'ids-shipped', label: '`list --format ids` (shipped catalogue), repeated (replayed)', spec: { args: cli('list', '--format', 'ids'), prime: true } },
]);

for (const n of SIZES) {
  const dir = generateCatalogue(path.join(WORK, `entries-${n}`), n);
  // A catalogue is not read in the same two seconds as it is written: the cache and replay trust a
  // file's stat only once it has settled (store/identity.ts RACY_MS), so the warm figures wait for that.
  settle();
  const at = `at ${n.toLocaleString('en')}`;
  const e = ['--entries', dir];
  const size = n;
  // The base group: the references and validate, measured side by side.
  measure([
    { key: `floor-${n}`, label: `read floor (list + read every file) ${at}`, spec: { args: [path.join(ROOT, 'bench', 'read-floor.mjs'), dir], size } },
    ...(n <= 10000 ? [{ key: `naive-${n}`, label: `naive pipeline (glob + read + yaml.parse + compiled ajv) ${at}`, spec: { args: [path.join(ROOT, 'bench', 'naive.mjs'), dir], size } }] : []),
    { key: `validate-cold-${n}`, label: `\`validate\` ${at}, empty cache`, spec: { args: cli('validate', ...e), size, cold: true } },
    { key: `validate-nocache-${n}`, label: `\`validate --no-cache\` ${at}`, spec: { args: cli('validate', '--no-cache', ...e), size } },
    {
      key: `validate-noworkers-${n}`,
      label: `\`validate --no-cache\` ${at}, no worker threads (MLLM_ALIGN_WORKERS=0)`,
      spec: { args: cli('validate', '--no-cache', ...e), size, env: { MLLM_ALIGN_WORKERS: '0' } },
    },
    { key: `validate-warm-${n}`, label: `\`validate\` ${at}, repeated (replayed)`, spec: { args: cli('validate', ...e), size, prime: true } },
    {
      key: `validate-entrycache-${n}`,
      label: `\`validate\` ${at}, warm entry cache, replay off (MLLM_ALIGN_DEBUG=cache)`,
      spec: { args: cli('validate', ...e), size, prime: true, env: { MLLM_ALIGN_DEBUG: 'cache' } },
    },
    { key: `json-warm-${n}`, label: `\`list --format json\` ${at}, repeated (replayed)`, spec: { args: cli('list', '--format', 'json', ...e), size, prime: true } },
    {
      key: `json-entrycache-${n}`,
      label: `\`list --format json\` ${at}, warm entry cache, replay off (MLLM_ALIGN_DEBUG=cache)`,
      spec: { args: cli('list', '--format', 'json', ...e), size, prime: true, env: { MLLM_ALIGN_DEBUG: 'cache' } },
    },
    {
      key: `filter-warm-${n}`,
      label: `\`filter --category perceiver --since 2022 --format json\` ${at}, repeated (replayed)`,
      spec: { args: cli('filter', '--category', 'perceiver', '--since', '2022', '--format', 'json', ...e), size, prime: true },
    },
  ]);
  // The exports, each beside validate (cold with cold, warm with warm).
  measure([
    { key: `validate-cold-x-${n}`, label: `\`validate\` ${at}, empty cache (beside the exports)`, spec: { args: cli('validate', ...e), size, cold: true } },
    ...EXPORTS.map((f) => ({ key: `export-${f}-cold-${n}`, label: `\`export --format ${f}\` ${at}, empty cache`, spec: { args: cli('export', '--format', f, ...e), size, cold: true } })),
  ]);
  measure([
    { key: `validate-warm-x-${n}`, label: `\`validate\` ${at}, repeated (replayed; beside the exports)`, spec: { args: cli('validate', ...e), size, prime: true } },
    ...EXPORTS.map((f) => ({ key: `export-${f}-warm-${n}`, label: `\`export --format ${f}\` ${at}, repeated (replayed)`, spec: { args: cli('export', '--format', f, ...e), size, prime: true } })),
  ]);
}

// The issue's table.
const get = (k: string) => figures.get(k);
const ratio = (a: string, b: string) => (get(a) && get(b) ? get(a)!.ms / get(b)!.ms : undefined);
interface Row {
  measurement: string;
  value: number | undefined;
  target: number;
  extra?: string;
  extraOk?: boolean;
}
const peak = (k: string) => get(k)?.peakMb;
const rows: Row[] = [
  { measurement: '`--version` vs `node -e 0`', value: ratio('version', 'node'), target: 1.3 },
  { measurement: '`list` (table, shipped catalogue, repeated) vs `node -e 0`', value: ratio('list-shipped', 'node'), target: 1.8 },
  { measurement: '`validate` on 10,000 entries, cold (empty cache, which it fills), vs the naive pipeline', value: ratio('validate-cold-10000', 'naive-10000'), target: 0.2 },
  { measurement: '`validate --no-cache` on 10,000 entries vs the naive pipeline', value: ratio('validate-nocache-10000', 'naive-10000'), target: 0.2 },
  { measurement: '`list --format json` on 10,000 unchanged entries, second run, vs the naive pipeline', value: ratio('json-warm-10000', 'naive-10000'), target: 0.05 },
  {
    measurement: '`validate` 50,000 / 10,000 entries (cold)',
    value: ratio('validate-cold-50000', 'validate-cold-10000'),
    target: 5.0,
    extra: peak('validate-cold-50000') === undefined ? undefined : `${peak('validate-cold-50000')!.toFixed(0)} MB peak`,
    extraOk: (peak('validate-cold-50000') ?? 0) < 400,
  },
  {
    measurement: '`export --format markdown` 50,000 / 10,000 (cold)',
    value: ratio('export-markdown-cold-50000', 'export-markdown-cold-10000'),
    target: 5.0,
    extra: peak('export-markdown-cold-50000') === undefined ? undefined : `${peak('export-markdown-cold-50000')!.toFixed(0)} MB peak`,
    extraOk: (peak('export-markdown-cold-50000') ?? 0) < 400,
  },
  ...EXPORTS.map((f) => ({ measurement: `\`export --format ${f}\` at 10,000 vs \`validate\` at 10,000 (both cold)`, value: ratio(`export-${f}-cold-10000`, 'validate-cold-x-10000'), target: 1.2 })),
  ...EXPORTS.map((f) => ({ measurement: `\`export --format ${f}\` at 10,000 vs \`validate\` at 10,000 (both repeated)`, value: ratio(`export-${f}-warm-10000`, 'validate-warm-x-10000'), target: 1.2 })),
];

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}
let commit = '?';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}
const tool = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const cpus = os.cpus();
const md = [
  '# Benchmark results',
  '',
  'Written by `npm run bench` (bench/run.ts); do not edit. Ratios are of medians measured side by side in one run,',
  'so they mean something on a shared machine where absolute times drift.',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  `- Versions: Node ${process.version}, mllm-align ${tool} (commit ${commit}), esbuild ${version('esbuild')}, js-yaml ${version('js-yaml')}, yaml ${version('yaml')}, ajv ${version('ajv')}`,
  `- Runs per figure: ${runsFor(0)} (start-up and 1,000 entries), ${runsFor(10000)} (10,000), ${runsFor(50000)} (50,000); peak memory from one more run`,
  '',
  '## The targets of issue #13',
  '',
  '| measurement | measured | target | met |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => {
    const v = r.value === undefined ? 'not measured' : `${r.value.toFixed(r.target < 0.1 ? 3 : 2)}×${r.extra ? `, ${r.extra}` : ''}`;
    const met = r.value === undefined ? '–' : r.value <= r.target && (r.extraOk ?? true) ? 'yes' : 'no';
    return `| ${r.measurement} | ${v} | ≤ ${r.target}×${r.extra !== undefined ? ', < 400 MB' : ''} | ${met} |`;
  }),
  '',
  '## Every figure',
  '',
  '| figure | median | vs `node -e 0` | peak memory |',
  '| --- | --- | --- | --- |',
  ...[...figures.values()].map((f) => `| ${f.label} | ${f.ms.toFixed(0)} ms | ${(f.ms / get('node')!.ms).toFixed(2)}× | ${f.peakMb.toFixed(0)} MB |`),
  '',
];
writeFileSync(path.join(ROOT, 'bench', 'results.md'), md.join('\n'));

// The README quotes the ratios of the last run.
const readme = path.join(ROOT, 'README.md');
const quoted = [
  '| measurement | last run | target |',
  '| --- | --- | --- |',
  ...rows
    .filter((r) => r.value !== undefined)
    .map((r) => `| ${r.measurement} | ${r.value!.toFixed(r.target < 0.1 ? 3 : 2)}×${r.extra ? `, ${r.extra}` : ''} | ≤ ${r.target}×${r.extra !== undefined ? ', < 400 MB' : ''} |`),
];
const text = readFileSync(readme, 'utf8');
const block = /(<!-- bench-ratios:start -->\n)[\s\S]*?(<!-- bench-ratios:end -->)/;
if (block.test(text)) writeFileSync(readme, text.replace(block, `$1${quoted.join('\n')}\n$2`));
console.log(md.slice(10, 12 + rows.length + 2).join('\n'));
rmSync(WORK, { recursive: true, force: true });
