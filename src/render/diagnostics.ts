/** Render diagnostics as text lines, JSON or GitHub Actions annotations. */
import { escapeControls } from '../core/text.js';
import type { Diagnostic } from '../validate/diagnostics.js';

export type DiagnosticFormat = 'text' | 'json' | 'github';

/** One line per diagnostic: `path:line:column: severity message (CODE)`. */
export function formatDiagnosticLine(d: Diagnostic, paint: (sev: Diagnostic['severity'], s: string) => string = (_, s) => s): string {
  // A file name or message can carry terminal escapes from hostile input: never print them raw.
  return `${escapeControls(d.file)}:${d.line}:${d.column}: ${paint(d.severity, d.severity)} ${escapeControls(d.message)} (${d.code})`;
}

/** GitHub Actions workflow command for one diagnostic. */
export function formatGithubAnnotation(d: Diagnostic): string {
  const esc = (s: string) => escapeControls(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${d.severity} file=${prop(d.file)},line=${d.line},col=${d.column},title=${prop(d.code)}::${esc(d.message)} (${d.code})`;
}

/** The closing summary line. */
export function formatSummary(files: number, errors: number, warnings: number): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
