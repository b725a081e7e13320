import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { escapeControls } from '../../src/core/text.js';
import { formatDiagnosticLine } from '../../src/render/diagnostics.js';
import { renderEntryText } from '../../src/render/entry.js';
import { renderEntryTable } from '../../src/render/table.js';

// Validation refuses these characters (MA120); the renderers escape them anyway (issue #12, item 10).
const HOSTILE = 'LLaVA\u001b]0;x\u0007\u001b[2J\u009b\u202e\u2028\u200b';
const entry: Entry = { id: 'x', name: HOSTILE, title: `T ${HOSTILE}`, authors: [HOSTILE], year: 2024, category: 'converter', venue: HOSTILE, summary: HOSTILE };
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u200b]/;

describe('terminal output escapes control, bidi and invisible characters', () => {
  it.each([
    ['escapeControls', escapeControls(HOSTILE), 'LLaVA\\u001b]0;x\\u0007\\u001b[2J\\u009b\\u202e\\u2028\\u200b'],
  ])('%s', (_name, got, want) => {
    expect(got).toBe(want);
  });

  it('the list table', () => {
    const out = renderEntryTable([entry], { color: false });
    expect(out).not.toMatch(RAW);
    expect(out).toContain('LLaVA\\u001b]0;x\\u0007');
  });

  it('show', () => {
    const out = renderEntryText({ entry, buildsOn: [{ id: HOSTILE }], builtOnBy: [entry], catalogue: [entry] }, { color: false, width: 80 });
    expect(out).not.toMatch(RAW);
  });

  it('a diagnostic line, file name included', () => {
    const line = formatDiagnosticLine({ file: `${HOSTILE}.yaml`, line: 1, column: 1, severity: 'error', code: 'MA102', message: HOSTILE });
    expect(line).not.toMatch(RAW);
  });
});
