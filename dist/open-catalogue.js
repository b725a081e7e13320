/**
 * The one door to the catalogue: read → parse → validate → build. Every command that reads entries
 * opens them here and gets the same result; a cache or a new command plugs in here once.
 */
import path from 'node:path';
import { buildCatalogue } from './catalogue.js';
import { parseSources } from './load/parse.js';
import { displayPath, expandPaths, listEntryFiles, readSources, resolveEntriesDir } from './load/read.js';
import { validateParsed } from './validate/validate.js';
/** Open the catalogue (or the named files, checked against their catalogue). */
export async function openCatalogue(ctx, opts = {}) {
    const paths = opts.paths ?? [];
    // Named files need no catalogue to be written to; only a run over the whole catalogue does.
    const dir = resolveEntriesDir(opts.entries, ctx.env, ctx.cwd, Boolean(opts.forWriting) && paths.length === 0);
    const given = paths.length > 0 ? await expandPaths(paths, ctx.cwd) : listEntryFiles(dir);
    // Files inside the catalogue are read with the rest of it, so duplicates and builds_on links are
    // seen even when one file is named.
    const insideCatalogue = given.some((f) => path.dirname(f) === dir);
    const context = insideCatalogue ? [...new Set([...listEntryFiles(dir), ...given])] : given;
    const show = (abs) => displayPath(abs, ctx.cwd);
    const sources = readSources(context, show);
    const parsed = parseSources(sources);
    const named = new Set(given.map(show));
    const validation = validateParsed(parsed, {
        now: ctx.now(),
        reportFor: named,
        strict: opts.strict,
        minPerCategory: opts.minPerCategory,
        folder: show(dir) || '.',
        // MA302 counts the whole catalogue: only when every file of it is checked.
        whole: paths.length === 0 || (insideCatalogue && given.length === context.length),
    });
    return {
        dir,
        sources,
        parsed,
        named,
        absolute: new Map(context.map((abs) => [show(abs), abs])),
        validation,
        errors: validation.diagnostics.filter((d) => d.severity === 'error'),
        catalogue: buildCatalogue(validation.entries),
    };
}
/**
 * Open a catalogue from files already read (an older version, read through git by `diff`): the same
 * parse → validate → build as `openCatalogue`, every file reported on.
 */
export function openSources(ctx, dir, sources) {
    const parsed = parseSources(sources);
    const named = new Set(sources.map((s) => s.file));
    const validation = validateParsed(parsed, { now: ctx.now(), reportFor: named });
    return {
        dir,
        sources,
        parsed,
        named,
        absolute: new Map(),
        validation,
        errors: validation.diagnostics.filter((d) => d.severity === 'error'),
        catalogue: buildCatalogue(validation.entries),
    };
}
