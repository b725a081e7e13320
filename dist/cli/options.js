/** Parsing of option values shared by several commands. */
import { UsageError } from '../core/errors.js';
import { findCategory, unknownCategoryMessage } from '../core/taxonomy.js';
import { withSuggestion } from '../core/suggest.js';
import { quoteInput } from '../core/text.js';
/** One of `allowed`, or a usage error naming the valid values. */
export function parseChoice(option, value, allowed) {
    if (allowed.includes(value))
        return value;
    throw new UsageError(withSuggestion(`${option} must be one of ${allowed.join(', ')}; got ${quoteInput(value)}`, value, allowed));
}
/** A category by id or survey name, or a usage error listing the valid ones. */
export function parseCategory(value) {
    const found = findCategory(value);
    if (found)
        return found;
    throw new UsageError(unknownCategoryMessage(value));
}
