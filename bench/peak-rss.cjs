// Preloaded (node --require) in the memory runs only: write the process's peak resident set, in
// kilobytes, to $BENCH_RSS_FILE at exit.
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
