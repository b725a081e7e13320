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

describe('renderEntryTable at 80 columns (#14)', () => {
  const long = Array.from({ length: 6 }, (_, i) =>
    entry({
      id: `e${i}`,
      name: `A Rather Long Method Name ${i}`,
      category: 'data-driven',
      subcategory: 'domain-data',
      venue: 'Findings of the Association for Computational Linguistics: EMNLP 2024',
      title: `Title number ${i} that goes on for quite a while, longer than any terminal would show`,
    }),
  );

  it('drops or shortens other columns before cutting titles, and never passes the width', () => {
    const out = renderEntryTable(long, { color: false, columns: 80 });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('Name                    Year  Category     Title');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(79);
    // The title keeps far more than a few characters: the venue went first and the sub-group was left out.
    expect(lines[1]).toBe('A Rather Long Method …  2024  data-driven  Title number 0 that goes on for qui…');
  });

  it('a wide terminal keeps every column', () => {
    const out = renderEntryTable(long, { color: false, columns: 220 });
    expect(out.split('\n')[0]!.split(/ {2,}/)).toEqual(['Name', 'Year', 'Category', 'Venue', 'Title']);
    expect(out).not.toContain('…');
  });

  it('a very narrow terminal keeps name, year and a title', () => {
    const lines = renderEntryTable(long, { color: false, columns: 50 }).trimEnd().split('\n');
    expect(lines[0]).toBe('Name            Year  Title');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(49);
  });

  it('cuts nothing when the output is not a terminal', () => {
    const out = renderEntryTable(long, { color: false });
    expect(out).not.toContain('…');
    expect(out).toContain('Findings of the Association for Computational Linguistics: EMNLP 2024');
    expect(out).toContain('A Rather Long Method Name 5');
  });
});
