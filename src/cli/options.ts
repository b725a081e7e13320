/** Parsing of option values shared by several commands. */
import { UsageError } from '../core/errors.js';
import { findCategory, unknownCategoryMessage, type Category } from '../core/taxonomy.js';
import { withSuggestion } from '../core/suggest.js';
import { quoteInput } from '../core/text.js';

/** One of `allowed`, or a usage error naming the valid values. */
export function parseChoice<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(withSuggestion(`${option} must be one of ${allowed.join(', ')}; got ${quoteInput(value)}`, value, allowed));
}

/** A category by id or survey name, or a usage error listing the valid ones. */
export function parseCategory(value: string): Category {
  const found = findCategory(value);
  if (found) return found;
  throw new UsageError(unknownCategoryMessage(value));
}
