/** `mllm-align format [paths…] [--check]`: rewrite entry files in canonical form, or check that they are. */
import type { Entry } from '../../core/entry.js';
import { openCatalogue } from '../../open-catalogue.js';
import { escapeControls } from '../../core/text.js';
import { findComment } from '../../load/parse.js';
import { renderEntryYaml } from '../../render/yaml.js';
import { replaceFileAtomic } from '../../store/write-entry.js';
import type { Io } from '../io.js';
import type { Outcome } from '../outcome.js';

export interface FormatArgs {
  paths: string[];
  entries?: string;
  /** False with --no-cache. */
  cache?: boolean;
  check: boolean;
  /** Pin the derived citekey of every entry that has none. */
  pinKeys?: boolean;
}

/** Canonicalise clean entry files; files with errors are left untouched and named. */
export async function runFormat(io: Io, args: FormatArgs): Promise<Outcome> {
  const set = await openCatalogue(io, { paths: args.paths, entries: args.entries, forWriting: !args.check, cache: args.cache, needText: true });
  const result = set.validation;
  const clean = new Map(result.entries.map((e) => [e.file, e.entry]));
  // Keys are derived over the whole catalogue read, so a pinned key is the one exports print today.
  const keys = args.pinKeys ? (await import('../../cite/keys.js')).keysToPin(result.entries.map((e) => e.entry)) : undefined;
  const sources = set.sources.filter((src) => set.named.has(src.file));
  let changed = 0;
  let skipped = 0;
  let unwritten = 0;
  let commented = 0;
  for (const src of sources) {
    const entry: Entry | undefined = clean.get(src.file);
    if (!entry || src.text === undefined) {
      skipped++;
      io.stderr(`${escapeControls(src.file)}: has errors, left as it is (run mllm-align validate)\n`);
      continue;
    }
    const pinned = keys && entry.citekey === undefined ? { ...entry, citekey: keys.get(entry.id) } : entry;
    const want = renderEntryYaml(pinned);
    if (want === src.text) continue;
    // Canonical form has no comments; rather than drop one (issue #12, item 3), leave the file alone and say where it is.
    const comment = findComment(src.text);
    if (comment) {
      commented++;
      io.stderr(`${escapeControls(src.file)}:${comment.line}:${comment.column}: has a comment, which format would lose; left as it is (move the note to summary, or delete it, then format)\n`);
      continue;
    }
    changed++;
    if (args.check) {
      io.stdout(`${escapeControls(src.file)}: not in canonical form\n`);
      continue;
    }
    try {
      replaceFileAtomic(set.absolute.get(src.file)!, want);
    } catch (err) {
      // Report and go on with the other files; the exit code says something failed.
      unwritten++;
      io.stderr(`${escapeControls(src.file)}: cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      continue;
    }
    io.stdout(`${escapeControls(src.file)}: formatted\n`);
  }
  const verb = args.check ? 'need formatting' : 'formatted';
  const failed = unwritten ? `, ${unwritten} could not be written` : '';
  io.stderr(`${sources.length} file${sources.length === 1 ? '' : 's'}: ${changed - unwritten} ${verb}${skipped ? `, ${skipped} with errors skipped` : ''}${commented ? `, ${commented} with comments left as they are` : ''}${failed}\n`);
  return { problems: (args.check ? changed : 0) + skipped + commented, failed: unwritten > 0 };
}
