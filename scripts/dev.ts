/** `npm run dev -- <command>`: the CLI from source (tsx), as bin/mllm-align.js runs it from dist/. */
import { processIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // A closed pipe (`npm run dev -- list | head`) is not a failure.
  if (err.code === 'EPIPE') process.exitCode = 0;
  else throw err;
});

process.exitCode = await run(process.argv.slice(2), processIo());
