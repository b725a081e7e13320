/** `stats` (#14): the counts on the fixture catalogue, the bars, and the command's text and JSON. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bar, computeStats, renderStatsText, venueSeries } from '../../src/render/stats.js';
import { runInMemory } from '../helpers.js';

const CAT = path.join('tests', 'fixtures', 'catalogue');

describe('venueSeries', () => {
  it.each([
    ['NeurIPS 2023 (Oral)', 'NeurIPS'],
    ['NeurIPS 2023 Datasets and Benchmarks Track (Spotlight)', 'NeurIPS'],
    ['Findings of EMNLP 2023', 'Findings of EMNLP'],
    ['TMLR', 'TMLR'],
    ['ACL, 2024', 'ACL'],
  ])('%s → %s', (venue, series) => expect(venueSeries(venue)).toBe(series));
});

describe('renderStatsText', () => {
  it('shows control characters from entries as ?, so no escape sequence reaches the terminal', () => {
    const stats = computeStats([{ id: 'x', name: 'X', title: 'T', authors: ['A B'], year: 2024, category: 'tool', llm: ['Evil\u001b[2J'], venue: 'Bad\u009b31m 2024' }]);
    const text = renderStatsText(stats, { terminal: true, width: 80 });
    expect(text).toContain('Evil?[2J');
    expect(text).toContain('Bad?31m');
    expect(text.includes('\u001b') || text.includes('\u009b')).toBe(false);
  });
});

describe('bar', () => {
  it.each([
    [10, 10, 8, false, '########'],
    [5, 10, 8, false, '####'],
    [1, 100, 8, false, '#'],
    [10, 10, 8, true, '████████'],
    [5, 10, 3, true, '█▌'],
    [1, 100, 8, true, '▏'],
    [0, 10, 8, true, ''],
  ])('%i of %i in %i cells (terminal %s)', (value, max, cells, terminal, want) => expect(bar(value, max, cells, terminal)).toBe(want));
});

describe('mllm-align stats', () => {
  it('--format json counts the fixture catalogue', async () => {
    const r = await runInMemory(['stats', '--entries', CAT, '--format', 'json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.entries).toBe(16);
    expect(s.years).toEqual([{ key: '2022', count: 1 }, { key: '2023', count: 15 }]);
    expect(s.categories.map((c: { key: string; count: number }) => [c.key, c.count])).toEqual([['converter', 5], ['perceiver', 5], ['tool', 3], ['data-driven', 3]]);
    expect(s.categories[1].subcategories).toEqual([{ key: 'query-resampler', count: 4 }, { key: 'adapter', count: 0 }, { key: 'in-llm-expert', count: 1 }]);
    expect(s.venues).toEqual([
      { key: 'NeurIPS', count: 5 }, { key: 'ECCV', count: 1 }, { key: 'EMNLP', count: 1 }, { key: 'Findings of EMNLP', count: 1 }, { key: 'ICCV', count: 1 }, { key: 'ICLR', count: 1 },
    ]);
    expect([s.withCode, s.withVenue]).toEqual([9, 10]);
    expect(s.modalities[0]).toEqual({ key: 'text', count: 16 });
  });

  it('text has plain # bars when not a terminal, block bars on one, and the shares', async () => {
    const piped = await runInMemory(['stats', '--entries', CAT]);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('By year:\n  2022   1 ###\n  2023  15 ########################################\n');
    expect(piped.stdout).not.toMatch(/[█▏▎▍▌▋▊▉]/);
    expect(piped.stdout).toContain('With code: 9 of 16 (56%)\nWith a venue: 10 of 16 (63%)\n');
    const tty = await runInMemory(['stats', '--entries', CAT], { columns: 80 });
    expect(tty.stdout).toMatch(/ {2}2023 {2}15 █+\n/);
    for (const line of tty.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('takes the selection flags and query of filter', async () => {
    const r = await runInMemory(['stats', '--entries', CAT, '--category', 'tool', '--json']);
    expect(JSON.parse(r.stdout).entries).toBe(3);
    const none = await runInMemory(['stats', '--entries', CAT, 'year<2000', '--json']);
    expect(none.stderr).toBe('mllm-align: no entries match\n');
    expect(JSON.parse(none.stdout).entries).toBe(0);
  });
});
