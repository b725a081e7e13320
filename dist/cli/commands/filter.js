/** `mllm-align filter [query…]`: the entries that meet flags and a query, printed as `list` prints them. */
import { sortEntries } from '../../catalogue.js';
import { openCatalogue } from '../../open-catalogue.js';
import { outcome, reportLeftOut } from '../outcome.js';
import { criteriaFromSelection, selectByCriteria } from '../selection.js';
import { printEntries } from '../print-entries.js';
/** Select entries and print them; no match is an empty result, not a failure. */
export async function runFilter(io, args) {
    // Parse first, so a mistyped query fails before the catalogue is read.
    const criteria = criteriaFromSelection(args.selection, args.query);
    const opened = await openCatalogue(io, { entries: args.entries });
    const leftOut = reportLeftOut(io, opened);
    const { catalogue } = opened;
    const selected = selectByCriteria(catalogue, criteria);
    if (selected.length === 0 && args.format !== 'count')
        io.stderr('mllm-align: no entries match\n');
    await printEntries(io, sortEntries(selected, args.sort), args.format);
    return outcome(leftOut.length);
}
