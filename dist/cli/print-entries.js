/** Print entries in the chosen format. */
export async function printEntries(io, entries, format) {
    if (format === 'json')
        io.stdout(JSON.stringify(entries, null, 2) + '\n');
    else if (format === 'ids')
        io.stdout(entries.map((e) => e.id + '\n').join(''));
    else if (format === 'count')
        io.stdout(`${entries.length}\n`);
    else if (entries.length > 0) {
        const { renderEntryTable } = await import('../render/table.js');
        io.stdout(renderEntryTable(entries, { color: io.color, columns: io.columns }));
    }
}
