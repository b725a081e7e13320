/**
 * Text for LaTeX and BibTeX: special characters escaped, and (for classic BibTeX) non-ASCII letters
 * written as LaTeX accent commands.
 */

/** Stand-ins for braces without a partner, which must not count as BibTeX braces. */
const LONE_OPEN = '\uFDD0';
const LONE_CLOSE = '\uFDD1';

/** What a LaTeX special character becomes. */
const SPECIAL: Readonly<Record<string, string>> = {
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  [LONE_OPEN]: '{\\textbraceleft}',
  [LONE_CLOSE]: '{\\textbraceright}',
  '~': '{\\textasciitilde}',
  '^': '{\\textasciicircum}',
  '\\': '{\\textbackslash}',
  // In classic TeX text < and > print as ¡ and ¿, and bibtex-parser reads them so (issue #12, found by a property test).
  '<': '{\\textless}',
  '>': '{\\textgreater}',
};

/**
 * Mark braces that have no partner. BibTeX and biber count `\{` as a brace too, so a paired `{…}` may
 * be written `\{…\}` (which every reader, pandoc included, understands) but a lone one needs a text command.
 */
export function markLoneBraces(text: string): string {
  // Most text has no brace at all: no need to look at it character by character (#13).
  if (!text.includes('{') && !text.includes('}')) return text;
  const chars = [...text];
  const open: number[] = [];
  chars.forEach((c, i) => {
    if (c === '{') open.push(i);
    else if (c === '}') {
      if (open.length > 0) open.pop();
      else chars[i] = LONE_CLOSE;
    }
  });
  for (const i of open) chars[i] = LONE_OPEN;
  return chars.join('');
}

/** A character escapeMarked may change: a special one, or one that can start a ligature. */
const MAY_ESCAPE = /[&%$#_{}~^\\<>\uFDD0\uFDD1`'?!-]/;

/** Escape LaTeX special characters of text whose lone braces are already marked. */
export function escapeMarked(text: string): string {
  // The common case, a word or plain words, leaves as it came, without two passes of replace (#13).
  return MAY_ESCAPE.test(text) ? escapeMarkedFully(text) : text;
}

/** escapeMarked without its shortcut for text that needs nothing: every replacement, always. */
export function escapeMarkedFully(text: string): string {
  return (
    text
      .replace(/[&%$#_{}~^\\<>\uFDD0\uFDD1]/g, (c) => SPECIAL[c]!)
      // TeX's ligatures (-- – , --- —, `` “, '' ”, ?` ¿, !` ¡) would change the text: break them with {}.
      .replace(/-(?=-)|`(?=`)|'(?=')|[?!](?=`)/g, (c) => `${c}{}`)
  );
}

/** Escape the ten LaTeX special characters, keeping BibTeX's braces balanced; everything else is left as it is. */
export function escapeLatex(text: string): string {
  return escapeMarked(markLoneBraces(text));
}

/** Combining marks and the LaTeX accent that writes them. */
const ACCENTS: Readonly<Record<string, string>> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030A': 'r',
  '\u030B': 'H',
  '\u030C': 'v',
  '\u0323': 'd',
  '\u0327': 'c',
  '\u0328': 'k',
};

/** Letters and punctuation with no decomposition but a LaTeX form. */
const LETTERS: Readonly<Record<string, string>> = {
  ß: '{\\ss}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  ø: '{\\o}',
  Ø: '{\\O}',
  ł: '{\\l}',
  Ł: '{\\L}',
  ı: '{\\i}',
  å: '{\\aa}',
  Å: '{\\AA}',
  // Letters of Latin-1 and Latin Extended-A without an accent decomposition (issue 10: every one of
  // them survives --ascii export and --from-bibtex import).
  Ð: '{\\DH}',
  ð: '{\\dh}',
  Þ: '{\\TH}',
  þ: '{\\th}',
  Đ: '{\\DJ}',
  đ: '{\\dj}',
  Ŋ: '{\\NG}',
  ŋ: '{\\ng}',
  Ĳ: '{\\IJ}',
  ĳ: '{\\ij}',
  Ħ: '{\\textmalteseH}',
  ħ: '{\\textmalteseh}',
  ĸ: '{\\textkra}',
  Ŀ: '{\\Lmiddot}',
  ŀ: '{\\lmiddot}',
  ŉ: '{\\napostrophe}',
  ſ: '{\\textlongs}',
  Ŧ: '{\\Tstroke}',
  ŧ: '{\\tstroke}',
  ª: '{\\textordfeminine}',
  º: '{\\textordmasculine}',
  µ: '{\\textmu}',
  '\u00A0': '~',
  '\u2013': '--',
  '\u2014': '---',
  '\u2018': '`',
  '\u2019': "'",
  '\u201C': '``',
  '\u201D': "''",
  '\u2026': '{\\ldots}',
  '\u00AB': '{\\guillemotleft}',
  '\u00BB': '{\\guillemotright}',
};

/**
 * Commands above that the default OT1 font encoding lacks (T1 has most), with a plain stand-in; the
 * ASCII export defines the ones it uses with \providecommand in an @preamble, so documents compile.
 */
export const PROVIDED: Readonly<Record<string, string>> = {
  DH: 'D',
  dh: 'd',
  TH: 'Th',
  th: 'th',
  DJ: 'D',
  dj: 'd',
  NG: 'N',
  ng: 'n',
  IJ: 'IJ',
  ij: 'ij',
  textmalteseH: 'H',
  textmalteseh: 'h',
  textkra: 'q',
  Lmiddot: 'L\\textperiodcentered{}',
  lmiddot: 'l\\textperiodcentered{}',
  napostrophe: "'n",
  textlongs: 's',
  Tstroke: 'T',
  tstroke: 't',
};

/**
 * An @preamble giving each PROVIDED command that `text` uses a stand-in, or '' when it uses none. A
 * command T1 declares (\DH, the ogonek \k) gets an encoding default (`\?\DH`, what \DeclareTextCommandDefault
 * writes), so OT1 documents print the stand-in and T1 ones the real letter; one no encoding has gets \providecommand.
 */
export function latexPreamble(text: string): string {
  const used = Object.keys(PROVIDED).filter((cmd) => text.includes(`{\\${cmd}}`));
  const defs = used.map((cmd) => `\\expandafter\\providecommand\\csname ?\\string\\${cmd}\\endcsname{${PROVIDED[cmd]!}}\\providecommand{\\${cmd}}{${PROVIDED[cmd]!}}`);
  // The ogonek (ą) is T1's only accent: under OT1 the bare letter stands in.
  if (text.includes('\\k{')) defs.push('\\expandafter\\providecommand\\csname ?\\string\\k\\endcsname[1]{#1}');
  if (defs.length === 0) return '';
  return `@preamble{"${defs.join(' ')}"}\n`;
}

/** What stands in for a character that has no LaTeX form (CJK and the like) in the ASCII export. */
export const UNREPRESENTABLE = '?';

/**
 * One character (a base letter with its combining marks) in ASCII LaTeX: `ü` -> `{\"u}`, `ç` -> `{\c{c}}`,
 * `í` -> `{\'{\i}}`. Returns undefined when it has no LaTeX form.
 */
function latexChar(cluster: string): string | undefined {
  const direct = LETTERS[cluster.normalize('NFC')];
  if (direct) return direct;
  const [base, ...marks] = [...cluster.normalize('NFD')];
  if (base === undefined || base > '\u007f' || marks.some((m) => ACCENTS[m] === undefined)) return undefined;
  // A dotted i or j loses its dot under an accent.
  let body = marks.length > 0 && (base === 'i' || base === 'j') ? `\\${base}` : base;
  for (const mark of marks) body = `\\${ACCENTS[mark]!}{${body}}`;
  // {\"u} rather than {\"{u}}: the usual form, which BibTeX's purify$ reads as u.
  return `{${body.replace(/^(\\[^a-zA-Z])\{([a-zA-Z])\}$/, '$1$2')}}`;
}

/** Split text into characters with their combining marks. */
function clusters(text: string): string[] {
  return text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
}

/** Write non-ASCII characters of already escaped text as LaTeX commands; those with none become `?`. */
export function asciiLatex(text: string): string {
  if (/^\p{ASCII}*$/u.test(text)) return text;
  return clusters(text)
    .map((c) => (/^\p{ASCII}$/u.test(c) ? c : (latexChar(c) ?? UNREPRESENTABLE)))
    .join('');
}

/** Whether some character of the text has no LaTeX form (and so is lost in the ASCII export). */
export function hasUnrepresentable(text: string): boolean {
  return clusters(text).some((c) => !/^\p{ASCII}$/u.test(c) && latexChar(c) === undefined);
}
