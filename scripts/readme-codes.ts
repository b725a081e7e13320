/** The README's diagnostic-code table, generated from src/validate/diagnostics.ts CODES so the two cannot drift (#14). */
import { readFileSync, writeFileSync } from 'node:fs';
import { CODES } from '../src/validate/diagnostics.js';

export const START = '<!-- codes:start (generated from src/validate/diagnostics.ts by npm run gen:readme; do not edit) -->';
export const END = '<!-- codes:end -->';

/** The Markdown table of every code, its severity and its rule. */
export function renderCodeTable(): string {
  const rows = Object.entries(CODES).map(([code, c]) => `| ${code} | ${c.severity} | ${c.rule.replace(/\|/g, '\\|')} |`);
  return ['| code | severity | rule |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The README text with the table between the markers replaced. */
export function updateReadme(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${START} … ${END}`);
  return `${readme.slice(0, start + START.length)}\n\n${renderCodeTable()}\n\n${readme.slice(end)}`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const file = new URL('../README.md', import.meta.url);
  writeFileSync(file, updateReadme(readFileSync(file, 'utf8')));
}
