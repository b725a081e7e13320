/**
 * The venue table: each venue's short form as entries write it ("CVPR 2024") and its full form as
 * BibTeX, CSL-JSON and reference lists want it ("Proceedings of the IEEE/CVF Conference on Computer
 * Vision and Pattern Recognition (CVPR)"), read in both directions (issue 10).
 *
 * A venue as entries write it: `[Findings of ]NAME YEAR[ Workshops][ (remark, …)]`, e.g. "NeurIPS 2023
 * (Oral)", "ECCV 2024 Workshops", "Findings of ACL 2024", "NeurIPS 2024 (Datasets and Benchmarks)",
 * "TMLR 2025", "Intelligent Computing 2024". Remarks such as "(Oral)" are kept in the entry and left
 * out of exports; "Datasets and Benchmarks" in a remark names the NeurIPS track.
 */
import { closest as suggest } from '../core/suggest.js';
import { foldText } from '../core/text.js';
import { VENUES, type Venue, type VenueKind } from './venue-table.js';

export { VENUES, type Venue, type VenueKind };

/** Short names (and aliases) to venues; a Map, since the keys come from user text. */
const BY_SHORT = new Map<string, Venue>();
for (const v of VENUES) for (const s of [v.short, ...(v.aliases ?? [])]) BY_SHORT.set(s.toLowerCase(), v);

/** The NeurIPS track whose papers have their own proceedings section. */
export const DATASETS_TRACK = 'Datasets and Benchmarks';

/** The demonstration track of the ACL conferences, written "(Demo)" in entries (a volume of its own). */
export const DEMO_TRACK = 'System Demonstrations';

/** A venue as an entry gives it, read against the table. */
export interface VenueRef {
  venue: Venue;
  year?: number;
  /** "CVPR 2024 Workshops": the conference's workshops. */
  workshops: boolean;
  /** "Findings of ACL 2024". */
  findings: boolean;
  /** "Datasets and Benchmarks" (NeurIPS). */
  track?: string;
  /** Remarks in parentheses, such as Oral or Spotlight; never exported. */
  remarks: string[];
}

/** Remarks in parentheses ("(Oral)", "(Datasets and Benchmarks, Spotlight)") and the text without them. */
function splitRemarks(text: string): { rest: string; remarks: string[] } {
  const remarks: string[] = [];
  let rest = text;
  let prev;
  do {
    prev = rest;
    rest = rest.replace(/\s*\(([^()]*)\)/g, (_m, inner: string) => {
      remarks.push(...inner.split(',').map((r) => r.trim()).filter((r) => r !== ''));
      return '';
    });
  } while (rest !== prev);
  return { rest: rest.replace(/\s+/g, ' ').trim(), remarks };
}

/**
 * Read a venue as entries write it; undefined when its name is not in the table. Case matters in the
 * name ("NeurIPS", not "Neurips"), so that every entry writes a venue one way.
 */
export function parseVenue(text: string): VenueRef | undefined {
  const { rest: whole, remarks: all } = splitRemarks(text);
  let rest = whole;
  let track: string | undefined;
  const remarks: string[] = [];
  for (const r of all) {
    if (/^datasets and benchmarks(?: track)?$/i.test(r)) track = DATASETS_TRACK;
    else if (/^(?:demo|system demonstrations)$/i.test(r)) track = DEMO_TRACK;
    // "(journal)" only says what the name already says.
    else if (!/^journal$/i.test(r)) remarks.push(r);
  }
  const trackSuffix = /\s+Datasets and Benchmarks Track$/i.exec(rest);
  if (trackSuffix) {
    track = DATASETS_TRACK;
    rest = rest.slice(0, trackSuffix.index);
  }
  let workshops = false;
  const ws = /\s+Workshops?$/i.exec(rest);
  if (ws) {
    workshops = true;
    rest = rest.slice(0, ws.index);
  }
  let findings = false;
  if (rest.startsWith('Findings of ')) {
    findings = true;
    rest = rest.slice('Findings of '.length);
  }
  let year: number | undefined;
  const y = /,?\s+((?:19|20)\d{2})$/.exec(rest);
  if (y) {
    year = Number(y[1]);
    rest = rest.slice(0, y.index);
  }
  const venue = BY_SHORT.get(rest.toLowerCase());
  if (!venue || !sameName(rest, venue)) return undefined;
  if (findings && !venue.findings) return undefined;
  // A workshop venue written "TLLM 2023 workshop" is the venue itself, not its workshops.
  if (venue.kind === 'workshop') workshops = false;
  if (workshops && venue.kind !== 'conference') return undefined;
  if (track === DATASETS_TRACK && venue.short !== 'NeurIPS') return undefined;
  if (track === DEMO_TRACK && (!venue.findings || findings)) return undefined;
  const ref: VenueRef = { venue, workshops, findings, remarks };
  if (year !== undefined) ref.year = year;
  if (track) ref.track = track;
  return ref;
}

/** Whether the name is written as the table writes it (the short form or an alias, with its case). */
function sameName(written: string, venue: Venue): boolean {
  return [venue.short, ...(venue.aliases ?? [])].includes(written);
}

/** The venue in the entries' short form: `Findings of ACL 2024`, `CVPR 2024 Workshops`, `NeurIPS 2023 (Oral)`. */
export function formatVenue(ref: VenueRef): string {
  const head = `${ref.findings ? 'Findings of ' : ''}${ref.venue.short}${ref.year !== undefined ? ` ${ref.year}` : ''}${ref.workshops ? ' Workshops' : ''}`;
  const remarks = [...(ref.track ? [ref.track === DEMO_TRACK ? 'Demo' : ref.track] : []), ...ref.remarks];
  return remarks.length > 0 ? `${head} (${remarks.join(', ')})` : head;
}

/** The full name for booktitle, journal and container-title. */
export function fullVenueName(ref: VenueRef): string {
  const v = ref.venue;
  // The ACL Anthology's own form: "Findings of the Association for Computational Linguistics: ACL 2024".
  if (ref.findings) return `Findings of the Association for Computational Linguistics: ${v.short}${ref.year !== undefined ? ` ${ref.year}` : ''}`;
  if (ref.workshops) return `${v.full} Workshops`;
  if (ref.track === DEMO_TRACK) return `${v.full}: ${DEMO_TRACK}`;
  if (ref.track) return `${v.full}, ${ref.track} Track`;
  return v.full;
}

/** The kind of record a venue calls for: a paper in proceedings, in a journal, or a preprint. */
export function venueKind(ref: VenueRef): VenueKind {
  return ref.findings || ref.workshops ? 'conference' : ref.venue.kind;
}

/** The known short form closest to an unknown venue, if one is close: "NeurlPS 2023 (Oral)" -> "NeurIPS 2023". */
export function closestVenue(text: string): string | undefined {
  // A long name the table knows ("IEEE Transactions on Pattern Analysis…") gives its short form.
  const long = venueFromRecord(text, undefined);
  if (long !== undefined) return long;
  const { rest } = splitRemarks(text);
  const year = /\b((?:19|20)\d{2})\b/.exec(rest)?.[1];
  const workshops = /\bworkshops?\b/i.test(rest);
  const findings = /^findings of\b/i.test(rest);
  const name = rest.replace(/^findings of\s+/i, '').replace(/\s*\bworkshops?\b/i, '').replace(/,?\s*\b(?:19|20)\d{2}\b/, '').trim();
  // The one suggestion helper, on the name alone (short words, bounded cost); the year is kept as written.
  const close = suggest(name.slice(0, 40), VENUES.flatMap((v) => [v.short, ...(v.aliases ?? [])]))[0];
  const venue = close === undefined ? undefined : BY_SHORT.get(close.toLowerCase());
  if (!venue) return undefined;
  return formatVenue({
    venue,
    ...(year !== undefined ? { year: Number(year) } : {}),
    workshops: workshops && venue.kind === 'conference',
    findings: findings && Boolean(venue.findings),
    remarks: [],
  });
}

/** A long name folded to lower-case words: "Proceedings of the IEEE/CVF Conference on …" -> "proceedings of the ieee cvf conference on …". */
function foldWords(text: string): string {
  return foldText(text)
    .replace(/[{}\\]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words that carry no meaning in a long name when it is compared with a short one. */
function stripDecoration(folded: string): string {
  return folded
    .replace(/\b(?:19|20)\d{2}\b/g, ' ')
    .replace(/\b\d+(?:st|nd|rd|th)?\b/g, ' ')
    .replace(/\b(?:proceedings|of|the|ieee|cvf|acm|in|on)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The short form for a record's booktitle or journal and year: "Proceedings of the IEEE/CVF Conference on
 * Computer Vision and Pattern Recognition" + 2024 -> "CVPR 2024"; DBLP's "… {CVPR} 2024 - Workshops, …"
 * -> "CVPR 2024 Workshops"; "Findings of the Association for Computational Linguistics: EMNLP 2023" ->
 * "Findings of EMNLP 2023". Undefined when the table has no such venue.
 */
export function venueFromRecord(text: string, year: number | undefined): string | undefined {
  const written = parseVenue(text);
  if (written) return formatVenue(written.year === undefined && year !== undefined ? { ...written, year } : written);
  const folded = foldWords(text);
  if (folded === '' || /^(?:arxiv|corr)\b/.test(folded)) return undefined;
  const acronyms = (v: Venue) => [v.short, ...(v.aliases ?? [])].some((s) => new RegExp(`(?:^|[^A-Za-z])${s.replace(/ /g, '\\s*')}(?![A-Za-z])`).test(text.replace(/[{}]/g, '')));
  const yearIn = /\b((?:19|20)\d{2})\b/.exec(text)?.[1];
  const y = year ?? (yearIn ? Number(yearIn) : undefined);
  if (/^findings\b/.test(folded)) {
    const conf = VENUES.find((v) => v.findings && acronyms(v));
    // The Findings volume's own year ("…: EMNLP 2023") names the conference.
    return conf ? formatVenue({ venue: conf, year: yearIn ? Number(yearIn) : y, workshops: false, findings: true, remarks: [] }) : undefined;
  }
  let best: { venue: Venue; length: number } | undefined;
  for (const v of VENUES) {
    for (const p of v.phrases) {
      const hit = v.exact ? stripDecoration(folded) === p : ` ${folded} `.includes(` ${p} `);
      if (hit && (!best || p.length > best.length)) best = { venue: v, length: p.length };
    }
  }
  const venue = best?.venue ?? VENUES.find((v) => v.kind !== 'preprint' && !v.exact && v.short.length > 2 && acronyms(v));
  if (!venue) return undefined;
  const workshops = venue.kind === 'conference' && /\bworkshops?\b/.test(folded);
  const track =
    venue.short === 'NeurIPS' && /\bdatasets and benchmarks\b/.test(folded) ? DATASETS_TRACK
    : venue.findings && /\bsystem demonstrations\b/.test(folded) ? DEMO_TRACK
    : undefined;
  const ref: VenueRef = { venue, workshops, findings: false, remarks: [] };
  if (y !== undefined) ref.year = y;
  if (track) ref.track = track;
  return formatVenue(ref);
}

const CONFERENCE =
  /\b(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|WACV|BMVC|ACL|EMNLP|NAACL|EACL|COLING|AAAI|IJCAI|KDD|SIGIR|WWW|ACM MM|Interspeech|ICASSP|CoRL|ICRA|IROS|MICCAI|CHI|UIST|3DV)\b|findings of|workshop|conference|proceedings|symposium/i;
const JOURNAL = /\b(?:journal|transactions|TMLR|TPAMI|T-PAMI|IJCV|JMLR|Nature|Science)\b/i;

/** For a venue the table does not know: remarks in parentheses and a trailing ", 2024" dropped. */
export function venueName(venue: string): string {
  const { rest } = splitRemarks(venue);
  return rest.replace(/,\s*\d{4}\s*$/, '').replace(/\s+/g, ' ').trim() || venue.trim();
}

export type RecordKind = 'inproceedings' | 'article' | 'misc';

/** How an entry is cited: its record type, the full container name, the year a reference list prints. */
export interface CitedVenue {
  kind: RecordKind;
  /** booktitle, journal or container-title; undefined for a preprint or a page. */
  container?: string;
  /** The venue's year for a published paper; the first public version's otherwise. */
  year: number;
  /** A preprint with an arXiv id: written so that every style shows the id. */
  preprint: boolean;
}

/** What a venue's text alone says of a citation: worked out once per text (#13: venues recur across a catalogue). */
interface VenueCitation {
  kind: RecordKind | 'preprint';
  container?: string;
  /** The venue's own year, when it gives one. */
  year?: number;
}

const citationsByVenue = new Map<string, VenueCitation>();

function venueCitation(venue: string): VenueCitation {
  let c = citationsByVenue.get(venue);
  if (c === undefined) {
    c = readVenueCitation(venue);
    citationsByVenue.set(venue, c);
  }
  return c;
}

function readVenueCitation(venue: string): VenueCitation {
  const ref = parseVenue(venue);
  if (ref) {
    const kind = venueKind(ref);
    if (kind === 'preprint') return { kind: 'preprint', year: ref.year };
    return { kind: kind === 'journal' ? 'article' : 'inproceedings', container: fullVenueName(ref), year: ref.year };
  }
  // A venue the table does not know (validate warns, MA113): classified by its words, as before.
  const kind: RecordKind = JOURNAL.test(venue) ? 'article' : CONFERENCE.test(venue) ? 'inproceedings' : 'misc';
  if (kind === 'misc') return { kind };
  const year = /\b((?:19|20)\d{2})\b(?![^(]*\))/.exec(venue)?.[1];
  return { kind, container: venueName(venue), year: year ? Number(year) : undefined };
}

/** Where and when an entry was published, as citations give it. */
export function citeVenue(entry: { venue?: string; year: number; arxiv?: string }): CitedVenue {
  const preprint = entry.arxiv !== undefined;
  if (entry.venue === undefined) return { kind: 'misc', year: entry.year, preprint };
  const v = venueCitation(entry.venue);
  if (v.kind === 'preprint') return { kind: 'misc', year: v.year ?? entry.year, preprint };
  if (v.kind === 'misc') return { kind: 'misc', year: entry.year, preprint };
  return { kind: v.kind, container: v.container, year: v.year ?? entry.year, preprint: false };
}
