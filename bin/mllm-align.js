#!/usr/bin/env node
// Shim: run the built CLI (npm run build). All logic lives in dist/. CommonJS (bin/package.json),
// so that Node starts without its ES module loader: fast-path.cjs answers --version and replays the
// output of a read-only command repeated over an unchanged catalogue; anything else runs main.js.
'use strict';
const { fastPath } = require('../dist/cli/fast-path.cjs');

process.stdout.on('error', (err) => {
  // A closed pipe (`mllm-align list | head`) is not a failure.
  if (err.code === 'EPIPE') process.exit(0);
  // Any other write error (`> /dev/full`): one line, exit 1, no stack (issue #12, item 8).
  process.stderr.write(`mllm-align: error: cannot write to standard output: ${err.code ?? err.message}\n`);
  process.exit(1);
});

const argv = process.argv.slice(2);
fastPath(argv)
  .then((answered) => {
    if (answered !== undefined) return answered;
    return import('../dist/cli/main.js').then(({ processIo, run }) => run(argv, processIo()));
  })
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`mllm-align: internal error: ${err && err.message ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
