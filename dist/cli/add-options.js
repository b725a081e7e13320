/** `add`'s field flags as commander options, one per field of the entry format, in schema order. */
import { Option } from 'commander';
import { FIELD_FLAGS } from '../ingest/flags.js';
const collect = (v, prev) => [...(prev ?? []), v];
/** One option per schema field, with the schema's help text; list flags repeat. */
export function buildFieldOptions() {
    return FIELD_FLAGS.map((f) => {
        const value = f.field === 'authors' ? 'name' : f.field === 'year' ? 'yyyy' : f.field === 'added' ? 'date' : 'value';
        const note = f.field === 'authors' ? ' Repeat for each author; "Last, First" is turned round.'
            : f.field === 'arxiv' ? ' Without --title, --author and --year, those are fetched from arXiv.'
                : f.commaList ? ' Repeat, or give a comma list.' : '';
        const opt = new Option(`--${f.flag} <${value}>`, f.description + note);
        return f.list ? opt.argParser(collect) : opt;
    });
}
/** The field flags' values from commander's parsed options (which are camel-cased). */
export function fieldValues(opts) {
    const values = {};
    for (const f of FIELD_FLAGS) {
        const v = opts[f.flag.replace(/-([a-z])/g, (_, c) => c.toUpperCase())];
        if (v !== undefined)
            values[f.field] = v;
    }
    return values;
}
