import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { citeVenue } from '../src/cite/venues.js';
import { listEntryFiles, readSources } from '../src/load/read.js';
import { formatDiagnosticLine } from '../src/render/diagnostics.js';
import { renderBibtex } from '../src/render/bibtex.js';
import { validateAll } from '../src/validate/validate.js';
import { ROOT } from './helpers.js';

describe('the shipped catalogue', () => {
  const dir = path.join(ROOT, 'entries');
  const result = validateAll(readSources(listEntryFiles(dir), (abs) => path.relative(ROOT, abs)));

  it('validates with zero errors and zero warnings (so every entry pins its key and every venue is in the table)', () => {
    expect(result.diagnostics.map((d) => formatDiagnosticLine(d))).toEqual([]);
  });

  it('exports every entry under its pinned key, with the venue\'s full name and year', () => {
    const entries = result.entries.map((e) => e.entry);
    const bib = renderBibtex(entries);
    for (const e of entries) {
      expect(e.citekey, e.id).toBeDefined();
      const record = new RegExp(`^@\\w+\\{${e.citekey!.replace(/[.+]/g, '\\$&')},\\n[\\s\\S]*?\\n\\}$`, 'm').exec(bib)?.[0];
      expect(record, e.id).toBeDefined();
      const cited = citeVenue(e);
      expect(record, e.id).toMatch(new RegExp(`\\n  year +?= \\{${cited.year}\\},`));
      if (cited.container) expect(record, e.id).toContain(`= {${cited.container}},`);
      if (e.venue) expect(cited.container, e.id).not.toBe(e.venue);
    }
  });
});
