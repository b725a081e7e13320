/**
 * Titles compared by their confusable skeleton. Its own module because it loads a Node library:
 * core/text.ts is also bundled into the web page (src/web), which has no `node:module`.
 */
import { createRequire } from 'node:module';
import { normalizeTitle } from './text.js';

let removeConfusables: ((s: string) => string) | undefined;

/**
 * A title's confusable skeleton (UTS #39 homoglyphs folded to their Latin look-alikes), reduced
 * like normalizeTitle: a Cyrillic or fullwidth copy of a title gives the same key (issue #12).
 * The confusables table loads only for a title with a character outside ASCII.
 */
export function titleSkeleton(title: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(title)) return normalizeTitle(title);
  removeConfusables ??= (createRequire(import.meta.url)('confusables') as { remove: (s: string) => string }).remove;
  return normalizeTitle(removeConfusables(normalizeTitle(title)));
}
