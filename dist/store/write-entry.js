/** Writing files atomically: new entries (never over an existing file) and replaced outputs. Used only by commands. */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DataError, UsageError } from '../core/errors.js';
import { isPlainId } from '../core/schema-def.js';
/** A hidden temporary name beside `file`, unique to this process and call (validate reads only .yaml). */
function tempNameFor(file) {
    return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}
/** Replace (or create) `file` atomically: a temporary file in the same folder, then a rename over it. */
export function replaceFileAtomic(file, text) {
    const tmp = tempNameFor(file);
    try {
        writeFileSync(tmp, text);
        renameSync(tmp, file);
    }
    finally {
        rmSync(tmp, { force: true });
    }
}
/** The file an id would be written to; refuses ids that are not plain slugs. */
export function entryPath(dir, id) {
    if (!isPlainId(id)) {
        throw new UsageError(`id "${id}" is not a plain slug (lower-case letters and digits joined by single - or .)`);
    }
    const target = path.join(dir, `${id}.yaml`);
    // Belt and braces: a slug cannot leave the folder, but check the result, not the rule.
    if (path.dirname(target) !== path.resolve(dir))
        throw new UsageError(`id "${id}" would write outside ${dir}`);
    return target;
}
/**
 * Write `text` as a new file atomically: a temporary file in the same folder is
 * hard-linked to the target, which fails if the target exists (so two `add`s of
 * the same id cannot both succeed), then the temporary name is removed.
 */
export function writeNewFile(target, text, display) {
    const tmp = tempNameFor(target);
    const fd = openSync(tmp, 'wx');
    try {
        writeSync(fd, text);
        fsyncSync(fd);
    }
    finally {
        closeSync(fd);
    }
    try {
        linkSync(tmp, target);
    }
    catch (err) {
        const code = err.code;
        if (code === 'EEXIST') {
            unlinkSync(tmp);
            throw new DataError(`${display} already exists; nothing written`);
        }
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') {
            unlinkSync(tmp);
            throw err;
        }
        // A file system without hard links: fall back to an exclusive create.
        unlinkSync(tmp);
        writeExclusive(target, text, display);
        return;
    }
    unlinkSync(tmp);
}
function writeExclusive(target, text, display) {
    let fd;
    try {
        fd = openSync(target, 'wx');
    }
    catch (err) {
        if (err.code === 'EEXIST')
            throw new DataError(`${display} already exists; nothing written`);
        throw err;
    }
    try {
        writeSync(fd, text);
    }
    finally {
        closeSync(fd);
    }
}
/** Remove files this run wrote, when a later one of the same run failed. */
export function removeWritten(files) {
    for (const f of files) {
        try {
            unlinkSync(f);
        }
        catch {
            // Already gone: nothing to undo.
        }
    }
}
