/** Small pure string helpers shared by validation, queries and rendering. */

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidates closest to `word` (at most `limit`), or none when nothing is close. */
export function suggest(word: string, candidates: Iterable<string>, limit = 1): string[] {
  const w = word.toLowerCase();
  const max = Math.max(1, Math.floor(w.length / 3));
  return [...candidates]
    .map((c) => ({ c, d: editDistance(w, c.toLowerCase()) }))
    .filter((x) => x.d <= max || (w.length >= 3 && x.c.toLowerCase().startsWith(w)))
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, limit)
    .map((x) => x.c);
}

/** Remove accents and fold case, for matching. */
export function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A title reduced to letters and digits, for spotting the same paper twice. */
export function normalizeTitle(title: string): string {
  return foldText(title).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A lower-case slug of a name: `LLaVA-1.5` becomes `llava-1.5`. */
export function slugify(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-?\.-?/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '');
}

/** An arXiv id without its version suffix. */
export function arxivBase(id: string): string {
  return id.replace(/v\d+$/, '');
}

/** "a, b or c" for messages. */
export function listWords(words: readonly string[], last = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/** Compare ids by code unit, the same on every machine (no locale): the exports' order. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compare two entries by id, for sorting. */
export function compareEntryIds(a: { id: string }, b: { id: string }): number {
  return compareIds(a.id, b.id);
}

/** Greedy word wrap: the words of `text` in lines of at most `width` characters (a longer word stands alone). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
