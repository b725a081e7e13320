/**
 * The one "did you mean": every message that suggests a correction gets its words from here.
 * Bounded in cost: a word longer than MAX_SUGGEST_LENGTH gets no suggestion, candidates whose length
 * differs by more than the cut-off are skipped, and the distance uses two rows of memory.
 */
/** Longer words get no suggestion: no one mistypes a 2 MB key, and comparing it would cost seconds. */
export const MAX_SUGGEST_LENGTH = 64;
/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment),
 * or `cutoff + 1` as soon as the distance must exceed `cutoff`. Memory is linear in `b`'s length.
 */
export function editDistance(a, b, cutoff = Infinity) {
    if (a === b)
        return 0;
    if (Math.abs(a.length - b.length) > cutoff)
        return cutoff + 1;
    let before = new Array(b.length + 1).fill(0);
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    let cur = new Array(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
        cur[0] = i;
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, before[j - 2] + 1);
            cur[j] = best;
            if (best < rowMin)
                rowMin = best;
        }
        if (rowMin > cutoff)
            return cutoff + 1;
        [before, prev, cur] = [prev, cur, before];
    }
    return prev[b.length];
}
/** The candidates closest to `word` (at most `limit`), or none when nothing is close or the word is too long. */
export function closest(word, candidates, limit = 1) {
    if (word.length === 0 || word.length > MAX_SUGGEST_LENGTH)
        return [];
    const w = word.toLowerCase();
    const max = Math.max(1, Math.floor(w.length / 3));
    const found = [];
    for (const c of candidates) {
        const lc = c.toLowerCase();
        if (w.length >= 3 && lc.startsWith(w)) {
            found.push({ c, d: Math.min(max, lc.length - w.length) });
            continue;
        }
        const d = editDistance(w, lc, max);
        if (d <= max)
            found.push({ c, d });
    }
    return found
        .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0))
        .slice(0, limit)
        .map((x) => x.c);
}
/** `did you mean "a", "b" or "c"?`, or undefined when nothing is close. */
export function didYouMean(word, candidates, limit = 1) {
    const close = closest(word, candidates, limit);
    if (close.length === 0)
        return undefined;
    const quoted = close.map((c) => JSON.stringify(c));
    const words = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
    return `did you mean ${words}?`;
}
/**
 * `message` with the suggestion for `word` after a semicolon, else with `otherwise` (if given) after it,
 * then the sentence `then`: `unknown field "venu"; did you mean "venue"? Fields: …`.
 */
export function withSuggestion(message, word, candidates, opts = {}) {
    const hint = didYouMean(word, candidates, opts.limit ?? 1);
    const text = hint ? `${message}; ${hint}` : opts.otherwise ? `${message}; ${opts.otherwise}` : message;
    if (opts.then === undefined)
        return text;
    return `${text}${hint ? '' : '.'} ${opts.then}`;
}
