/** How many runs the reliability tests make (issue #12); tests/readme.test.ts holds the README to them. */

/** fast-check runs per property (tests/properties.test.ts). */
export const PROPERTY_RUNS = { yamlText: 300, bytes: 300, fieldRoundTrip: 300, bibtexMarkdown: 200, queries: 500 } as const;
/** SIGKILL runs per command: add, format, export --output (tests/e2e/kill-race.test.ts). */
export const KILL_RUNS_PER_COMMAND = 16;
/** SIGINT and SIGTERM runs each during export --output. */
export const SIGNAL_RUNS = 10;
/** Rounds of 20 concurrent adds of one paper. */
export const RACE_ROUNDS = 2;
export const RACERS = 20;
