/** `mllm-align list`: the catalogue as a table, JSON, ids or a count. */
import { sortEntries } from '../../catalogue.js';
import { openCatalogue } from '../../open-catalogue.js';
import { outcome, reportLeftOut } from '../outcome.js';
import { printEntries } from '../print-entries.js';
import { criteriaFromSelection, selectByCriteria } from '../selection.js';
/** List the catalogue, optionally some categories. */
export async function runList(io, args) {
    // The same parsing as filter's --category, so a mistyped category fails before the catalogue is read.
    const criteria = criteriaFromSelection({ category: args.category });
    const opened = await openCatalogue(io, { entries: args.entries });
    const leftOut = reportLeftOut(io, opened);
    const selected = selectByCriteria(opened.catalogue, criteria);
    if (selected.length === 0 && args.format !== 'count')
        io.stderr('mllm-align: no entries\n');
    await printEntries(io, sortEntries(selected, args.sort), args.format);
    return outcome(leftOut.length);
}
