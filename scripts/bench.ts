/**
 * Start-up benchmark: each command's wall time as a ratio to `node -e 0` measured in the same run,
 * so the figure means something on a shared, noisy machine. Run: npm run bench
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/mllm-align.js', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function median(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const reference = median(['-e', '0']);
console.log(`reference: node -e 0  ${reference.toFixed(1)} ms (median of ${RUNS})`);
for (const cmd of [['--version'], ['list', '--format', 'ids'], ['list'], ['validate']]) {
  const ms = median([BIN, ...cmd]);
  console.log(`mllm-align ${cmd.join(' ').padEnd(20)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / reference).toFixed(2)}x reference`);
}
