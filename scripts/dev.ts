/** `npm run dev -- ARGS`: run the CLI from the TypeScript sources, as bin/mllm-align.js runs the build. */
import { processIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';

run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`mllm-align: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
