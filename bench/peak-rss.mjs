// Preloaded (node --import) in the memory runs only: at exit, write the process's peak resident set,
// in kilobytes, as the last line of standard error (bench/run.ts reads it). Not through a variable of
// the environment: that is part of a replay record's key, so a replayed figure would not be replayed.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
