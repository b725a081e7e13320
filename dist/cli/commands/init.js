/** `mllm-align init [DIR]`: a new catalogue that works at once, with editor, CI and pre-commit set up (#14). */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../../core/errors.js';
import { listWords } from '../../core/text.js';
import { displayPath, PACKAGED_ENTRIES } from '../../load/read.js';
import { openCatalogue } from '../../open-catalogue.js';
import { renderExport } from '../../render/export.js';
import { installFromRegistry, renderPreCommitConfig, renderVscodeSettings, renderWorkflow } from '../../render/project-files.js';
import { renderEntryYaml } from '../../render/yaml.js';
import { PACKAGED_SCHEMA, schemaPathFor } from '../../store/schema-copy.js';
import { removeWritten, writeNewFile } from '../../store/write-entry.js';
import { isoDate } from '../../ingest/partial.js';
import { outcome } from '../outcome.js';
/** The shipped entry a new catalogue starts from. */
const EXAMPLE_ID = 'llava';
/** Write the new catalogue's files (none may exist yet), then check it as `validate` would. */
export async function runInit(io, args) {
    const root = path.resolve(io.cwd, args.dir);
    const entriesDir = path.join(root, 'entries');
    const example = await exampleEntry(io, isoDate(io.now()));
    const files = new Map([
        [path.join(entriesDir, `${example.id}.yaml`), renderEntryYaml(example)],
        [schemaPathFor(entriesDir), readFileSync(PACKAGED_SCHEMA, 'utf8')],
        [path.join(root, '.vscode', 'settings.json'), renderVscodeSettings()],
        [path.join(root, '.github', 'workflows', 'catalogue.yml'), renderWorkflow(installFromRegistry(args.version))],
        [path.join(root, '.pre-commit-config.yaml'), renderPreCommitConfig()],
        [path.join(root, 'CATALOGUE.md'), await renderExport('markdown', [example])],
    ]);
    const show = (abs) => displayPath(abs, io.cwd);
    const existing = [...files.keys()].filter((f) => existsSync(f)).map(show);
    if (existing.length > 0)
        throw new DataError(`${listWords(existing, 'and')} already exist${existing.length === 1 ? 's' : ''}; nothing written`);
    const written = [];
    try {
        for (const [file, text] of files) {
            mkdirSync(path.dirname(file), { recursive: true });
            writeNewFile(file, text, show(file));
            written.push(file);
        }
    }
    catch (err) {
        // All or nothing: a half-made catalogue would fail in confusing ways.
        removeWritten(written);
        throw err;
    }
    for (const file of written)
        io.stdout(show(file) + '\n');
    const opened = await openCatalogue(io, { entries: entriesDir });
    io.stderr(`new catalogue in ${show(root) || '.'}: ${opened.sources.length} entry, ${opened.errors.length} errors; add papers with: mllm-align add --entries ${show(entriesDir)} …\n`);
    return outcome(opened.errors.length);
}
/** The example: a shipped entry, without links to entries the new catalogue does not have. */
async function exampleEntry(io, today) {
    const shipped = await openCatalogue(io, { entries: PACKAGED_ENTRIES });
    const entry = shipped.catalogue.byId.get(EXAMPLE_ID);
    if (!entry)
        throw new DataError(`the shipped catalogue has no entry ${EXAMPLE_ID} to start from`);
    return { ...entry, builds_on: undefined, added: today };
}
