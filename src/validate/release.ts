/**
 * Checks a maintainer wants before a release (issue 15), MA301–MA304. Warnings; `validate --strict`
 * runs all of them and makes them errors. Without --strict only MA304 runs: the others would fire on
 * many entries of a healthy catalogue (most preprints stay preprints for a while, many models have
 * no code), so they belong to a deliberate pre-release pass rather than to every `validate`.
 */
import type { Entry } from '../core/entry.js';
import { CATEGORIES } from '../core/taxonomy.js';
import { quoteInput } from '../core/text.js';
import type { ParsedFile } from '../load/parse.js';
import { makeDiagnostic, type Code, type Diagnostic } from './diagnostics.js';

export interface ReleaseOptions {
  now: Date;
  /** Run every check and report them as errors. */
  strict: boolean;
  /** MA302: the fewest entries a category may have. */
  minPerCategory: number;
  /** Where MA302 (about the catalogue, not one file) is reported: the catalogue folder as displayed. */
  folder: string;
  /** Whether the run covers the whole catalogue (MA302 only makes sense then). */
  whole: boolean;
}

/** The default of `--min-per-category`. */
export const MIN_PER_CATEGORY = 5;

/** MA301: months after which a preprint is likely published. */
export const STALE_MONTHS = 18;

/** MA303: an entry is asked for a field when at least this share of at least MIN_SIBLINGS siblings have it. */
const SIBLING_SHARE = 0.75;
const MIN_SIBLINGS = 3;

/** Hosts of source repositories (MA304); subdomains count (gitlab.example.org does not). */
export const REPOSITORY_HOSTS: readonly string[] = [
  'github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'gitee.com', 'huggingface.co', 'sr.ht', 'git.sr.ht',
  'sourceforge.net', 'gitea.com', 'framagit.org', 'salsa.debian.org', 'gitlab.inria.fr', 'opendatalab.com',
];

const HOSTS = new Set(REPOSITORY_HOSTS.flatMap((h) => [h, `www.${h}`]));

/**
 * `http(s)://` and a lower-case host name of letters, digits, dots and hyphens, ended by the path,
 * query or fragment: the URL parser would find the same host name (it changes such a name only
 * when it is an IPv4 address, which is no repository host). Anything else goes to the parser.
 */
const PLAIN_HOST = /^https?:\/\/([a-z0-9.-]+)(?:[/?#]|$)/;

/** Whether a URL points at a source-repository host. */
export function isRepositoryUrl(url: string): boolean {
  const plain = PLAIN_HOST.exec(url);
  if (plain) return HOSTS.has(plain[1]!);
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return HOSTS.has(host);
}

/** The month an entry was first posted: from the arXiv id (YYMM) when there is one, else December of its year. */
export function firstPosted(entry: Pick<Entry, 'arxiv' | 'year'>): { year: number; month: number } {
  const m = entry.arxiv ? /^(\d{2})(\d{2})\./.exec(entry.arxiv) : null;
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { year: 2000 + Number(m[1]), month: Number(m[2]) };
  return { year: entry.year, month: 12 };
}

interface Item {
  p: ParsedFile;
  e: Entry;
}

/** The release checks over the files whose entries passed validation. */
export function checkRelease(valid: readonly ParsedFile[], opts: ReleaseOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (code: Code, file: string, pos: { line: number; column: number }, message: string) => {
    const d = makeDiagnostic(code, file, pos, message);
    out.push(opts.strict ? { ...d, severity: 'error' } : d);
  };
  for (const p of valid) {
    const e = p.data as Entry;
    if (e.code !== undefined && !isRepositoryUrl(e.code)) {
      add('MA304', p.file, p.locate(['code']), `code ${quoteInput(e.code)} is not on a source-repository host (${REPOSITORY_HOSTS.slice(0, 4).join(', ')}, …); give the repository, or move a project page to url`);
    }
  }
  if (!opts.strict) return out;
  const items: Item[] = valid.map((p) => ({ p, e: p.data as Entry }));

  const nowMonths = opts.now.getUTCFullYear() * 12 + opts.now.getUTCMonth() + 1;
  for (const { p, e } of items) {
    if (e.venue !== undefined) continue;
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

  const groups = new Map<string, Item[]>();
  for (const i of items) {
    const k = `${i.e.category}/${i.e.subcategory ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  const FIELDS = ['summary', 'modalities', 'code'] as const;
  for (const [group, members] of groups) {
    for (const field of FIELDS) {
      const having = members.filter((m) => m.e[field] !== undefined).length;
      for (const m of members) {
        if (m.e[field] !== undefined) continue;
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
