/**
 * The first thing `bin/` loads (bundled alone into dist/cli/fast-path.js, a few kilobytes): the
 * version, and a read-only command repeated over an unchanged catalogue (its recorded output,
 * store/replay.ts), without loading the CLI.
 */
import { outputStyle, writeProcessBytes } from './io.js';
import { VERSION } from './version.js';

/** Answer this process's command if it can be; its exit code, or undefined when the CLI must run it. */
export async function fastPath(argv: readonly string[]): Promise<number | undefined> {
  // The same output as commander's --version.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  // Loaded only past --version, which needs none of it (node:crypto among it).
  const { replay } = await import('../store/replay.js');
  const ctx = { cwd: process.cwd(), env: process.env, ...outputStyle() };
  return replay(argv, ctx, { write: writeProcessBytes });
}
