/** The I/O a command gets, so tests can run `run()` in memory. */
import { DataError } from '../core/errors.js';
import { decodeUtf8 } from '../core/utf8.js';
/** Colour decision: NO_COLOR wins, then FORCE_COLOR, then whether stdout is a terminal. */
export function shouldColor(env, isTTY) {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false')
        return true;
    return isTTY && env.TERM !== 'dumb';
}
/** The real process's I/O. */
export function processIo() {
    return {
        stdout: (t) => void process.stdout.write(t),
        stderr: (t) => void process.stderr.write(t),
        cwd: process.cwd(),
        env: process.env,
        color: shouldColor(process.env, Boolean(process.stdout.isTTY)),
        columns: process.stdout.isTTY ? process.stdout.columns : undefined,
        stdinIsTTY: Boolean(process.stdin.isTTY),
        readStdin: async () => {
            const chunks = [];
            for await (const chunk of process.stdin)
                chunks.push(chunk);
            const decoded = decodeUtf8(Buffer.concat(chunks));
            if (decoded.error)
                throw new DataError(`standard input:${decoded.error.line}:${decoded.error.column}: ${decoded.error.message}; nothing written`);
            return decoded.text;
        },
        now: () => new Date(),
    };
}
