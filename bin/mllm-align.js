#!/usr/bin/env node
// Shim: run the built CLI (one bundled file, npm run build). All logic lives in dist/.
import { processIo, run } from '../dist/cli/main.js';

process.stdout.on('error', (err) => {
  // A closed pipe (`mllm-align list | head`) is not a failure.
  if (err.code === 'EPIPE') process.exit(0);
  // Any other write error (`> /dev/full`): one line, exit 1, no stack (issue #12, item 8).
  process.stderr.write(`mllm-align: error: cannot write to standard output: ${err.code ?? err.message}\n`);
  process.exit(1);
});

run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`mllm-align: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
