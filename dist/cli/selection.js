/**
 * The selection flags and query argument shared by `filter` and `export`:
 * `addSelectionOptions(cmd)` declares them, `selectEntries(catalogue, opts, query)` applies them.
 */
import { Option } from 'commander';
import { unknownIdMessage } from '../catalogue.js';
import { DataError } from '../core/errors.js';
import { applyFilter } from '../query/filter.js';
import { parseQuery } from '../query/parse-query.js';
import { makeTerm, QUERY_FIELDS, QueryError } from '../query/terms.js';
/** Flag name, the option key commander gives it, the query field it stands for, and its help. */
const LIST_FLAGS = [
    { flag: '-c, --category', key: 'category', field: 'category', arg: 'id', help: 'category id or the survey\'s group name' },
    { flag: '--subcategory', key: 'subcategory', field: 'subcategory', arg: 'id', help: 'subcategory id' },
    { flag: '--modality', key: 'modality', field: 'modality', arg: 'id', help: 'aligned modality, e.g. video' },
    { flag: '--llm', key: 'llm', field: 'llm', arg: 'name', help: 'part of a backbone LLM\'s name' },
    { flag: '--tag', key: 'tag', field: 'tag', arg: 'tag', help: 'tag, exactly' },
    { flag: '--venue', key: 'venue', field: 'venue', arg: 'text', help: 'part of the venue, e.g. NeurIPS' },
    { flag: '--author', key: 'author', field: 'author', arg: 'name', help: 'author\'s full or family name' },
    { flag: '--year', key: 'year', field: 'year', arg: 'year', help: 'year: 2023, >=2023, <2024 or 2022..2023' },
    { flag: '--since', key: 'since', field: 'since', arg: 'year', help: 'first posted in this year or later' },
    { flag: '--until', key: 'until', field: 'until', arg: 'year', help: 'first posted in this year or earlier' },
    { flag: '--builds-on', key: 'buildsOn', field: 'builds-on', arg: 'id', help: 'extends this entry' },
    { flag: '--text', key: 'text', field: 'text', arg: 'words', help: 'all these words in name, title, summary or tags' },
];
const collect = (value, previous) => [...(previous ?? []), ...value.split(',')];
/** The query fields as help text lines. */
export function describeQueryFields() {
    const rows = QUERY_FIELDS.map((f) => [`${f.field}:${f.value}`, f.help]);
    const width = Math.max(...rows.map((r) => r[0].length));
    return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`).join('\n');
}
/** Help text on the query language, for the commands that take one. */
export const QUERY_HELP = '\nQuery: space-separated terms that must all hold. field:a,b means a or b; -term negates;\n' +
    'plain words and "quoted phrases" are searched in name, title, summary and tags. Flags and the query\n' +
    'combine with AND. Quote the whole query, or at least its phrases and any < or >, for the shell.\n' +
    `\nQuery fields:\n${describeQueryFields()}\n`;
// What reads as a negated query term: -field:value, -field>=value, -"phrase". Anything else
// (`-cperceiver`, a mistyped `-json`) stays with commander, so options and typos behave as usual.
const NEGATED_TERM = /^-(?:"|[A-Za-z][A-Za-z_-]*(?::|[<>=]))/;
/**
 * Let negated query terms given as their own arguments (`filter has:code -tag:audio`) reach the query.
 * Commander would read `-tag:audio` as an unknown option and `-has:code` as `-h` (help, exit 0), so
 * such terms, when not the value of an option and not after `--`, are set aside before options are
 * parsed and handed over as operands.
 */
function liftNegatedTerms(cmd) {
    const parseOptions = cmd.parseOptions.bind(cmd);
    cmd.parseOptions = (args) => {
        const lifted = [];
        const rest = [];
        let literal = false;
        args.forEach((arg, i) => {
            if (arg === '--')
                literal = true;
            const prev = args[i - 1];
            const isValue = prev !== undefined && cmd.options.some((o) => (o.long === prev || o.short === prev) && (o.required || o.optional));
            if (!literal && !isValue && NEGATED_TERM.test(arg))
                lifted.push(arg);
            else
                rest.push(arg);
        });
        const parsed = parseOptions(rest);
        return { operands: [...parsed.operands, ...lifted], unknown: parsed.unknown };
    };
}
/** Declare the selection flags and the optional `[query...]` argument on a command. */
export function addSelectionOptions(cmd, opts = {}) {
    if (opts.query !== false) {
        cmd.argument('[query...]', 'query, e.g. \'modality:video year>=2023 -tag:audio "instruction tuning"\'');
        liftNegatedTerms(cmd);
    }
    for (const f of LIST_FLAGS) {
        const help = `${f.help} (repeat or comma-separate for OR)`;
        cmd.addOption(new Option(`${f.flag} <${f.arg}>`, f.key === 'year' || f.key === 'since' || f.key === 'until' ? f.help : help).argParser(collect));
    }
    cmd.addOption(new Option('--has-code', 'only entries that give a code repository'));
    return cmd;
}
/** The criteria of some selection flags and a query (words of a variadic argument are joined). */
export function criteriaFromSelection(opts, query) {
    const terms = [];
    for (const f of LIST_FLAGS) {
        const values = opts[f.key];
        if (values === undefined)
            continue;
        try {
            terms.push(makeTerm(f.field, values));
        }
        catch (err) {
            if (err instanceof QueryError)
                throw new QueryError(`${f.flag.replace(/^-\w, /, '')}: ${err.message}`);
            throw err;
        }
    }
    if (opts.hasCode)
        terms.push(makeTerm('has', ['code']));
    const text = typeof query === 'string' ? query : (query ?? []).join(' ');
    terms.push(...parseQuery(text));
    return { terms };
}
/** Check that `builds-on` names entries that exist, suggesting the closest ids. */
function checkIds(catalogue, criteria) {
    for (const t of criteria.terms) {
        if (t.field !== 'builds-on')
            continue;
        for (const id of t.values) {
            if (catalogue.byId.has(id))
                continue;
            // The same error, and so the same exit code, as `show` with an unknown id.
            throw new DataError(`builds-on: ${unknownIdMessage(id, catalogue.byId.keys())}`);
        }
    }
}
/** The catalogue's entries that meet the flags and the query, in catalogue order. */
export function selectEntries(catalogue, opts, query) {
    return selectByCriteria(catalogue, criteriaFromSelection(opts, query));
}
/** The catalogue's entries that meet criteria already parsed (commands parse before reading the catalogue). */
export function selectByCriteria(catalogue, criteria) {
    checkIds(catalogue, criteria);
    return applyFilter(catalogue.entries, criteria);
}
