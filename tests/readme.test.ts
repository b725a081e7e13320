/** The README's diagnostic-code table and Reliability counts, held to the code and the tests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/validate/diagnostics.js';
import { FIXTURES, ROOT } from './helpers.js';
import { KILL_RUNS_PER_COMMAND, PROPERTY_RUNS, RACE_ROUNDS, RACERS, SIGNAL_RUNS } from './reliability.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('lists every diagnostic code with its severity, in order', () => {
    const rows = [...README.matchAll(/^\| (MA\d{3}) \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(CODES).map(([code, c]) => [code, c.severity]));
  });

  it('quotes the Reliability counts the tests use', () => {
    const section = README.slice(README.indexOf('## Reliability'), README.indexOf('## Development'));
    const fixtures = readdirSync(path.join(FIXTURES, 'hostile')).filter((d) => !d.startsWith('_')).length;
    expect(section).toContain(`valid entries | ${fixtures} |`);
    const runs = Object.values(PROPERTY_RUNS);
    expect(section).toContain(`| ${runs.length} properties, ${runs.reduce((a, b) => a + b, 0).toLocaleString('en')} runs |`);
    for (const [name, n] of Object.entries({ 'YAML text': PROPERTY_RUNS.yamlText, bytes: PROPERTY_RUNS.bytes, 'query strings': PROPERTY_RUNS.queries })) {
      expect(section).toContain(`${name} (${n}`);
    }
    expect(section).toContain(`| ${3 * KILL_RUNS_PER_COMMAND} runs (${KILL_RUNS_PER_COMMAND} each) |`);
    expect(section).toContain(`| ${2 * SIGNAL_RUNS} runs (${SIGNAL_RUNS} each) |`);
    expect(section).toContain(`| ${RACE_ROUNDS} rounds (${RACE_ROUNDS * RACERS} processes)`);
  });
});
