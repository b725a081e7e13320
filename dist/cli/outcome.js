import { formatDiagnosticLine } from '../render/diagnostics.js';
/** An outcome with `problems` problems. */
export function outcome(problems = 0) {
    return { problems };
}
/**
 * For commands that read the catalogue but do not check it (list, filter, show, export): name the
 * files with errors on stderr, whose entries are left out. Returns those files, sorted.
 */
export function reportLeftOut(io, opened) {
    if (opened.errors.length === 0)
        return [];
    for (const d of opened.errors)
        io.stderr(formatDiagnosticLine(d) + '\n');
    const files = [...new Set(opened.errors.map((d) => d.file))].sort();
    io.stderr(`mllm-align: ${files.length} file${files.length === 1 ? '' : 's'} with errors left out; run \`mllm-align validate\` for details\n`);
    return files;
}
