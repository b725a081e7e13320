/** External tools for the export tests: run them, and skip (or, in CI, fail) when they are missing. */
import { spawnSync } from 'node:child_process';
import { it } from 'vitest';

/** Where the tools come from, for the skip message. */
const PACKAGES: Readonly<Record<string, string>> = {
  bibtex: 'texlive-latex-base',
  pdflatex: 'texlive-latex-base',
  biber: 'biber',
  biblatex: 'texlive-bibtex-extra',
  pandoc: 'pandoc',
};

/** Tools that are LaTeX packages rather than commands: found by kpsewhich. */
const TEX_FILES: Readonly<Record<string, string>> = { biblatex: 'biblatex.sty' };

/** Whether a command is on PATH (or a LaTeX package is installed). */
export function hasTool(name: string): boolean {
  const texFile = TEX_FILES[name];
  if (texFile) return (spawnSync('kpsewhich', [texFile], { encoding: 'utf8' }).stdout ?? '').trim() !== '';
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/**
 * `it` for a test needing external tools: skipped with the reason when one is missing, except in CI
 * (env CI set), where a missing tool fails the test.
 */
export function itWithTools(tools: readonly string[], name: string, fn: () => void | Promise<void>): void {
  const missing = tools.filter((t) => !hasTool(t));
  if (missing.length > 0 && !process.env.CI) {
    const how = [...new Set(missing.map((t) => PACKAGES[t] ?? t))].join(' ');
    it.skip(`${name} [skipped: ${missing.join(', ')} not installed; apt-get install ${how}]`, () => {});
    return;
  }
  it(name, async () => {
    if (missing.length > 0) throw new Error(`${missing.join(', ')} not installed, and CI is set: .ci/run should have installed it`);
    await fn();
  });
}

export interface ToolResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run a tool in a folder. */
export function runTool(cmd: string, args: readonly string[], cwd: string): ToolResult {
  const r = spawnSync(cmd, [...args], { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
