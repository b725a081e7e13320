import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { renderEntryTable } from '../../src/render/table.js';

const entry = (over: Partial<Entry>): Entry => ({
  id: 'x',
  name: 'X',
  title: 'A Title',
  authors: ['Ada Lovelace'],
  year: 2024,
  category: 'converter',
  ...over,
});

describe('renderEntryTable', () => {
  it('aligns wide and accented names by display width and cuts nothing when piped', () => {
    const out = renderEntryTable(
      [entry({ name: 'Fancy 模型', title: '多模态 Title' }), entry({ name: 'Ünïcode', title: 'Plain title' })],
      { color: false },
    );
    expect(out).toBe(
      [
        'Name        Year  Category   Venue  Title',
        'Fancy 模型  2024  converter         多模态 Title',
        'Ünïcode     2024  converter         Plain title',
        '',
      ].join('\n'),
    );
  });

  it('puts a multi-line title on one line', () => {
    const out = renderEntryTable([entry({ title: 'Two\nlines' })], { color: false });
    expect(out.split('\n')[1]).toBe('X     2024  converter         Two lines');
  });
});
