import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEntryFiles, readSources } from '../src/load/read.js';
import { formatDiagnosticLine } from '../src/render/diagnostics.js';
import { validateAll } from '../src/validate/validate.js';
import { ROOT } from './helpers.js';

describe('the shipped catalogue', () => {
  const dir = path.join(ROOT, 'entries');
  const result = validateAll(readSources(listEntryFiles(dir), (abs) => path.relative(ROOT, abs)));

  it('validates with zero errors and zero warnings', () => {
    expect(result.diagnostics.map((d) => formatDiagnosticLine(d))).toEqual([]);
  });
});
