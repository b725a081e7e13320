import { CATEGORIES } from '../core/taxonomy.js';
import { quoteInput } from '../core/text.js';
import { makeDiagnostic } from './diagnostics.js';
/** The default of `--min-per-category`. */
export const MIN_PER_CATEGORY = 5;
/** MA301: months after which a preprint is likely published. */
export const STALE_MONTHS = 18;
/** MA303: an entry is asked for a field when at least this share of at least MIN_SIBLINGS siblings have it. */
const SIBLING_SHARE = 0.75;
const MIN_SIBLINGS = 3;
/** Hosts of source repositories (MA304); subdomains count (gitlab.example.org does not). */
export const REPOSITORY_HOSTS = [
    'github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'gitee.com', 'huggingface.co', 'sr.ht', 'git.sr.ht',
    'sourceforge.net', 'gitea.com', 'framagit.org', 'salsa.debian.org', 'gitlab.inria.fr', 'opendatalab.com',
];
/** Whether a URL points at a source-repository host. */
export function isRepositoryUrl(url) {
    let host;
    try {
        host = new URL(url).hostname.toLowerCase();
    }
    catch {
        return false;
    }
    return REPOSITORY_HOSTS.some((h) => host === h || host === `www.${h}`);
}
/** The month an entry was first posted: from the arXiv id (YYMM) when there is one, else December of its year. */
export function firstPosted(entry) {
    const m = entry.arxiv ? /^(\d{2})(\d{2})\./.exec(entry.arxiv) : null;
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
        return { year: 2000 + Number(m[1]), month: Number(m[2]) };
    return { year: entry.year, month: 12 };
}
/** The release checks over entries that passed validation. */
export function checkRelease(valid, opts) {
    const out = [];
    const add = (code, file, pos, message) => {
        const d = makeDiagnostic(code, file, pos, message);
        out.push(opts.strict ? { ...d, severity: 'error' } : d);
    };
    const items = valid.map((v) => ({ p: v.parsed, e: v.entry }));
    for (const { p, e } of items) {
        if (e.code !== undefined && !isRepositoryUrl(e.code)) {
            add('MA304', p.file, p.locate(['code']), `code ${quoteInput(e.code)} is not on a source-repository host (${REPOSITORY_HOSTS.slice(0, 4).join(', ')}, …); give the repository, or move a project page to url`);
        }
    }
    if (!opts.strict)
        return out;
    const nowMonths = opts.now.getUTCFullYear() * 12 + opts.now.getUTCMonth() + 1;
    for (const { p, e } of items) {
        if (e.venue !== undefined)
            continue;
        const first = firstPosted(e);
        const age = nowMonths - (first.year * 12 + first.month);
        if (age > STALE_MONTHS) {
            const when = `${first.year}-${String(first.month).padStart(2, '0')}`;
            add('MA301', p.file, p.locate([e.arxiv ? 'arxiv' : 'year']), `preprint only (no venue), first posted ${when}, ${age} months ago: it has likely been published since; add its venue`);
        }
    }
    if (opts.whole) {
        for (const c of CATEGORIES) {
            const n = items.filter((i) => i.e.category === c.id).length;
            if (n < opts.minPerCategory) {
                add('MA302', opts.folder, { line: 1, column: 1 }, `category \`${c.id}\` (${c.name}) has ${n} entr${n === 1 ? 'y' : 'ies'}, fewer than the minimum of ${opts.minPerCategory} (--min-per-category)`);
            }
        }
    }
    const groups = new Map();
    for (const i of items) {
        const k = `${i.e.category}/${i.e.subcategory ?? ''}`;
        groups.set(k, [...(groups.get(k) ?? []), i]);
    }
    const FIELDS = ['summary', 'modalities', 'code'];
    for (const [group, members] of groups) {
        for (const field of FIELDS) {
            const having = members.filter((m) => m.e[field] !== undefined).length;
            for (const m of members) {
                if (m.e[field] !== undefined)
                    continue;
                const siblings = members.length - 1;
                if (siblings >= MIN_SIBLINGS && having >= SIBLING_SHARE * siblings) {
                    const where = group.endsWith('/') ? `category ${group.slice(0, -1)} without a subcategory` : group;
                    add('MA303', m.p.file, m.p.locate(['id']), `no \`${field}\`, while ${having} of its ${siblings} siblings in ${where} have one; add it`);
                }
            }
        }
    }
    return out;
}
