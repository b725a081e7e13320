/** Typed errors; only cli/main.ts maps them to exit codes. */
/** The command line was wrong: unknown option, bad value, missing argument (exit 2). */
export class UsageError extends Error {
    name = 'UsageError';
}
/** The data is wrong: a problem in an entry or a refused write (exit 1). */
export class DataError extends Error {
    name = 'DataError';
}
/** Something failed that is neither the user's input nor the data (exit 2). */
export class InternalError extends Error {
    name = 'InternalError';
}
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
