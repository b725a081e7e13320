/**
 * An older version of the catalogue, read from git without touching the working tree: `git ls-tree`
 * lists the entry files of a revision and one `git cat-file --batch` reads them all. Works in a
 * shallow clone as long as the revision itself was fetched.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { quoteInput } from '../core/text.js';
/** The most an old catalogue may weigh when read: a bound against a hostile repository. */
const MAX_BYTES = 256 * 1024 * 1024;
function git(cwd, args, input) {
    const r = spawnSync('git', [...args], {
        cwd,
        input,
        maxBuffer: MAX_BYTES,
        // No pager, no prompt, no locale-dependent messages, and no repository config that runs programs.
        env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
    if (r.error) {
        const code = r.error.code;
        if (code === 'ENOENT')
            throw new UsageError('diff needs git, which is not installed (or not on PATH)');
        throw new UsageError(`git ${args[0]} failed: ${r.error.message}`);
    }
    return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8').trim() };
}
/** The repository holding a folder, and the folder's path inside it (with `/`). */
export function locateInRepository(dir) {
    const r = git(dir, ['rev-parse', '--show-toplevel']);
    if (r.status !== 0)
        throw new UsageError(`the catalogue folder ${dir} is not inside a git repository; diff reads older versions from git`);
    const top = r.stdout.toString('utf8').trim();
    const prefix = path.relative(top, dir).split(path.sep).join('/');
    return { top, prefix };
}
/** A revision as a commit id; a usage error when it is not in this clone. */
export function resolveRevision(top, ref) {
    // A ref that starts with "-" would be read as an option; none is valid anyway.
    if (ref === '' || ref.startsWith('-') || /[\0\n]/.test(ref))
        throw new UsageError(`not a revision: ${quoteInput(ref)}`);
    const r = git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    if (r.status !== 0) {
        const shallow = git(top, ['rev-parse', '--is-shallow-repository']).stdout.toString('utf8').trim() === 'true';
        const hint = shallow ? '; this is a shallow clone: fetch it first (git fetch --depth=N, or --unshallow)' : '';
        throw new UsageError(`unknown revision ${quoteInput(ref)}: no such commit, tag or branch in this repository${hint}`);
    }
    return r.stdout.toString('utf8').trim();
}
/** The default base of `diff`: the last tag reachable from HEAD, else the first commit (by its short id). */
export function defaultRevision(top) {
    const tag = git(top, ['describe', '--tags', '--abbrev=0', 'HEAD']);
    if (tag.status === 0)
        return tag.stdout.toString('utf8').trim();
    const roots = git(top, ['rev-list', '--max-parents=0', 'HEAD']);
    const list = roots.stdout.toString('utf8').trim().split('\n').filter((l) => l !== '');
    if (roots.status !== 0 || list.length === 0)
        throw new UsageError('the repository has no commit yet; nothing to compare with');
    // Several roots (merged histories): the oldest is listed last.
    return list[list.length - 1].slice(0, 12);
}
/**
 * The entry files (`*.yaml`, `*.yml`) directly inside `prefix` at commit `commit`, read through git.
 * `display` gives each file the name shown to the user.
 */
export function readSourcesAtRevision(top, commit, prefix, display) {
    const tree = git(top, ['ls-tree', '-z', '--full-tree', commit, '--', prefix === '' ? '.' : `${prefix}/`]);
    if (tree.status !== 0)
        throw new UsageError(`git ls-tree failed: ${tree.stderr.split('\n')[0] ?? ''}`);
    const blobs = [];
    for (const record of tree.stdout.toString('utf8').split('\0')) {
        const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(record);
        if (!m)
            continue;
        const name = path.posix.basename(m[2]);
        if (/\.ya?ml$/i.test(name))
            blobs.push({ oid: m[1], name });
    }
    blobs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (blobs.length === 0)
        return [];
    const batch = git(top, ['cat-file', '--batch'], blobs.map((b) => b.oid).join('\n') + '\n');
    if (batch.status !== 0)
        throw new UsageError(`git cat-file failed: ${batch.stderr.split('\n')[0] ?? ''}`);
    const out = batch.stdout;
    const files = [];
    let at = 0;
    for (const b of blobs) {
        const eol = out.indexOf(0x0a, at);
        const header = out.toString('utf8', at, eol).split(' ');
        if (header[0] !== b.oid || header[1] !== 'blob') {
            files.push({ file: display(b.name), readError: `git could not read ${b.oid}` });
            at = eol + 1;
            continue;
        }
        const size = Number(header[2]);
        files.push({ file: display(b.name), text: out.toString('utf8', eol + 1, eol + 1 + size) });
        at = eol + 1 + size + 1;
    }
    return files;
}
