import { CATEGORY_IDS, MODALITY_IDS, SUBCATEGORY_IDS } from '../../core/taxonomy.js';
import { renderCompletion, SHELLS } from '../../render/completion.js';
import { outcome } from '../outcome.js';
import { parseChoice } from '../options.js';
const words = (list) => ({ kind: 'words', words: list });
/** What the value of an option is, by its name where commander has no choices for it. */
function valueOf(o) {
    if (!o.required && !o.optional)
        return undefined;
    if (o.argChoices)
        return words(o.argChoices);
    switch (o.long) {
        case '--category':
            return words(CATEGORY_IDS);
        case '--subcategory':
            return words(SUBCATEGORY_IDS);
        case '--modality':
            return words(MODALITY_IDS);
        case '--builds-on':
            return { kind: 'ids' };
        case '--entries':
            return { kind: 'dirs' };
        case '--output':
        case '--from-bibtex':
            return { kind: 'files' };
        default:
            return { kind: 'none' };
    }
}
/** The commands, their options and arguments, as the program declares them. */
export function describeCommands(program) {
    const names = program.commands.map((c) => c.name());
    const args = {
        show: { kind: 'ids' },
        rename: { kind: 'ids' },
        remove: { kind: 'ids' },
        help: words(names),
        completion: words(SHELLS),
        validate: { kind: 'files' },
        format: { kind: 'files' },
        init: { kind: 'dirs' },
    };
    const commands = program.commands
        .filter((c) => c.name() !== 'help')
        .map((c) => ({
        name: c.name(),
        description: c.description().split(/[;.]/)[0],
        options: [...c.options, ...[{ long: '--help', short: '-h', description: 'display help for command', required: false, optional: false }]]
            .filter((o) => o.long !== undefined && !o.hidden)
            .map((o) => ({ long: o.long, short: o.short, description: o.description, value: valueOf(o) })),
        args: args[c.name()] ?? { kind: 'none' },
    }));
    commands.push({ name: 'help', description: 'display help for command', options: [], args: words(names) });
    return { program: program.name(), commands };
}
/** Print the completion script for a shell. */
export function runCompletion(io, shell, program) {
    const chosen = parseChoice('shell', shell, SHELLS);
    io.stdout(renderCompletion(chosen, describeCommands(program)));
    return outcome();
}
