import { parseSources } from '../load/parse.js';
import { makeDiagnostic, sortDiagnostics } from './diagnostics.js';
import { checkAgainstSchema } from './schema-check.js';
import { checkCrossRules, checkEntryRules } from './rules.js';
/** Check every parsed file, then the rules across files. */
export function validateParsed(files, options = {}) {
    const now = options.now ?? new Date();
    const diagnostics = [];
    const parsed = [];
    for (const src of files) {
        if (src.parsed === undefined) {
            diagnostics.push(makeDiagnostic('MA902', src.file, { line: 1, column: 1 }, `cannot read file: ${src.readError}`));
            continue;
        }
        const p = src.parsed;
        if (p.syntaxErrors.length > 0) {
            for (const e of p.syntaxErrors)
                diagnostics.push(makeDiagnostic('MA901', src.file, e.pos, `YAML syntax: ${e.message}`));
            continue;
        }
        parsed.push(p);
        diagnostics.push(...checkAgainstSchema(p), ...checkEntryRules(p, now));
    }
    diagnostics.push(...checkCrossRules(parsed));
    const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
    const entries = parsed.filter((p) => !failed.has(p.file)).map((p) => ({ entry: p.data, file: p.file }));
    const report = options.reportFor;
    const shown = report ? diagnostics.filter((d) => report.has(d.file)) : diagnostics;
    return { diagnostics: sortDiagnostics(shown), entries, files: report ? report.size : files.length };
}
/** Parse and check files read from disk: the parse step and the checks in one call. */
export function validateAll(sources, options = {}) {
    return validateParsed(parseSources(sources), options);
}
