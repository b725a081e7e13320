/** The command line: wiring of subcommands, and the one place that maps errors to exit codes. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { DataError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, InternalError, UsageError } from '../core/errors.js';
import { CATEGORIES } from '../core/taxonomy.js';
import { SHOW_FORMATS, type ShowFormat } from '../render/show.js';
import { buildFieldOptions, fieldValues } from './add-options.js';
import type { Io } from './io.js';
import { outcome, type Outcome } from './outcome.js';
import { addSelectionOptions, QUERY_HELP, type SelectionOptions } from './selection.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const CATEGORY_HELP = CATEGORIES.map((c) => `  ${c.id.padEnd(12)} ${c.name} (v1: ${c.nameV1})`).join('\n');

function examples(lines: string[]): string {
  return '\nExamples:\n' + lines.map((l) => `  $ ${l}`).join('\n') + '\n';
}

const entriesOption = () =>
  new Option('--entries <dir>', 'catalogue folder (default: $MLLM_ALIGN_ENTRIES, ./entries, or the shipped catalogue)');

const noCacheOption = () => new Option('--no-cache', 'read and check every file afresh; neither use nor update the cache (also MLLM_ALIGN_NO_CACHE=1)');

/** Build the program; actions set `result.outcome`. */
function buildProgram(io: Io, result: { outcome: Outcome }): Command {
  const program = new Command('mllm-align');
  program
    .description('Browse, check and export the catalogue of how multimodal LLMs align other modalities with a language model.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(s.replace(/^error:/, 'mllm-align: error:')),
    })
    .showSuggestionAfterError(true)
    .addHelpText('after', `\nCategories (the survey's four groups):\n${CATEGORY_HELP}\n` +
      examples(['mllm-align list --category perceiver', 'mllm-align validate', 'mllm-align validate --format github']) +
      '\nExit codes: 0 ok (warnings allowed), 1 problems found in the data, 2 usage or internal error.\n');

  program
    .command('validate')
    .description('check entry files against the schema and each other; report every problem')
    .argument('[paths...]', 'entry files, folders or glob patterns (default: the whole catalogue)')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--json', 'same as --format json')
    .addHelpText('after', examples([
      'mllm-align validate',
      'mllm-align validate entries/llava.yaml',
      'mllm-align validate --format json | jq .errors',
      'mllm-align validate --format github   # annotations in GitHub Actions',
    ]))
    .action(async (paths: string[], opts: { entries?: string; cache: boolean; format: 'text' | 'json' | 'github'; json?: boolean }) => {
      const { runValidate } = await import('./commands/validate.js');
      result.outcome = await runValidate(io, { paths, entries: opts.entries, cache: opts.cache, format: opts.json ? 'json' : opts.format });
    });

  program
    .command('list')
    .description('list the catalogue')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .option('-c, --category <id>', `only this category: ${CATEGORIES.map((c) => c.id).join(', ')} (or the survey's name)`)
    .addOption(new Option('--sort <key>', 'sort order').choices(['year', 'name']).default('year'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'ids']).default('table'))
    .option('--json', 'same as --format json')
    .addHelpText('after', examples([
      'mllm-align list',
      'mllm-align list --category perceiver',
      'mllm-align list --category "Tool Learning" --sort name',
      'mllm-align list --format ids | wc -l',
    ]))
    .action(async (opts: { entries?: string; cache: boolean; category?: string; sort: 'year' | 'name'; format: 'table' | 'json' | 'ids'; json?: boolean }) => {
      const { runList } = await import('./commands/list.js');
      result.outcome = await runList(io, { ...opts, format: opts.json ? 'json' : opts.format });
    });

  const filter = program
    .command('filter')
    .description('the entries that meet every flag and query term; same output as list')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .addOption(new Option('--sort <key>', 'sort order').choices(['year', 'name']).default('year'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'ids', 'count']).default('table'))
    .option('--json', 'same as --format json');
  addSelectionOptions(filter)
    .addHelpText('after', QUERY_HELP + examples([
      'mllm-align filter --category perceiver --modality video --since 2023 --has-code',
      'mllm-align filter \'category:perceiver modality:video year>=2023 has:code\'',
      'mllm-align filter \'modality:video,audio -tag:audio "instruction tuning"\' --format ids',
      'mllm-align filter --author "Haotian Liu" --sort name',
      'mllm-align filter --builds-on llava --format count',
      'mllm-align filter modality:image -has:code --sort name',
    ]))
    .action(async (query: string[], opts: SelectionOptions & { entries?: string; cache: boolean; sort: 'year' | 'name'; format: 'table' | 'json' | 'ids' | 'count'; json?: boolean }) => {
      const { runFilter } = await import('./commands/filter.js');
      result.outcome = await runFilter(io, { entries: opts.entries, cache: opts.cache, query, selection: opts, sort: opts.sort, format: opts.json ? 'json' : opts.format });
    });

  program
    .command('show')
    .description('one entry in full, with the entries it builds on and those that build on it')
    .argument('<id>', 'entry id (or the method\'s name)')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .addOption(new Option('--format <format>', 'output format').choices(SHOW_FORMATS).default('text'))
    .option('--json', 'same as --format json')
    .addHelpText('after', examples([
      'mllm-align show llava',
      'mllm-align show blip-2 --format yaml',
      'mllm-align show llava --json | jq .built_on_by',
    ]))
    .action(async (id: string, opts: { entries?: string; cache: boolean; format: ShowFormat; json?: boolean }) => {
      const { runShow } = await import('./commands/show.js');
      result.outcome = await runShow(io, { id, entries: opts.entries, cache: opts.cache, format: opts.json ? 'json' : opts.format });
    });

  program
    .command('format')
    .description('rewrite entry files in canonical form (schema line, key order, trailing newline)')
    .argument('[paths...]', 'entry files or folders (default: the whole catalogue)')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .option('--check', 'change nothing; list files not in canonical form and exit 1 if any')
    .option('--pin-keys', 'write the citekey each entry exports today into entries that have none, so it never moves')
    .addHelpText('after', examples(['mllm-align format', 'mllm-align format --check   # in CI', 'mllm-align format --pin-keys']))
    .action(async (paths: string[], opts: { entries?: string; cache: boolean; check?: boolean; pinKeys?: boolean }) => {
      const { runFormat } = await import('./commands/format.js');
      result.outcome = await runFormat(io, { paths, entries: opts.entries, cache: opts.cache, check: Boolean(opts.check), pinKeys: Boolean(opts.pinKeys) });
    });

  const add = program
    .command('add')
    .description('add a paper to the catalogue from flags, a BibTeX record or arXiv; checked before anything is written')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .option('--from-bibtex <file>', 'read the paper(s) from a BibTeX file (- for standard input); flags override its fields')
    .option('--no-fetch', 'with --arxiv, do not ask the arXiv API for the title, authors and year')
    .option('--dry-run', 'print the YAML that would be written; write nothing');
  for (const opt of buildFieldOptions()) add.addOption(opt);
  add
    .addHelpText('after', examples([
      'mllm-align add --arxiv 2304.08485 --category converter --subcategory projection',
      'mllm-align add --from-bibtex llava.bib --category converter --name LLaVA',
      'mllm-align add --name LLaVA --title "Visual Instruction Tuning" --author "Haotian Liu" --author "Chunyuan Li" \\\n' +
        '      --year 2023 --category converter --arxiv 2304.08485 --modality image,text --dry-run',
    ]))
    .action(async (opts: Record<string, unknown>) => {
      const { runAdd } = await import('./commands/add.js');
      result.outcome = await runAdd(io, {
        entries: opts.entries as string | undefined,
        cache: opts.cache !== false,
        fromBibtex: opts.fromBibtex as string | undefined,
        fetch: opts.fetch !== false,
        dryRun: Boolean(opts.dryRun),
        values: fieldValues(opts),
      });
    });

  const exportCmd = program
    .command('export')
    .description('export the catalogue, or a selection as filter takes it, as Markdown, BibTeX, CSL-JSON or JSON')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .addOption(new Option('--format <format>', 'export format').choices(['markdown', 'bibtex', 'csl-json', 'json']).makeOptionMandatory())
    .option('-o, --output <file>', 'write to this file (atomically) instead of standard output')
    .option('--check', 'write nothing; exit 1 if --output FILE differs from a fresh export (for CI)')
    .option('--ascii', 'BibTeX for classic bibtex: accents as LaTeX commands, no UTF-8');
  addSelectionOptions(exportCmd)
    .addHelpText('after', QUERY_HELP + examples([
      'mllm-align export --format markdown --output CATALOGUE.md',
      'mllm-align export --format markdown --output CATALOGUE.md --check   # in CI',
      'mllm-align export --format bibtex --category perceiver > perceivers.bib',
      'mllm-align export --format bibtex \'modality:video year>=2024\' --output video.bib',
      'mllm-align export --format bibtex --ascii --output refs.bib   # classic BibTeX',
      'mllm-align export --format csl-json --output catalogue.json   # Zotero, pandoc --citeproc',
    ]))
    .action(async (query: string[], opts: SelectionOptions & { entries?: string; cache: boolean; format: 'markdown' | 'bibtex' | 'csl-json' | 'json'; output?: string; check?: boolean; ascii?: boolean }) => {
      const { runExport } = await import('./commands/export.js');
      result.outcome = await runExport(io, {
        entries: opts.entries,
        cache: opts.cache,
        format: opts.format,
        output: opts.output,
        check: Boolean(opts.check),
        ascii: Boolean(opts.ascii),
        selection: opts,
        query,
      });
    });

  return program;
}

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  // The version alone needs no program built (the same output as commander's): start-up (#13).
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const result = { outcome: outcome() };
  const program = buildProgram(io, result);
  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return EXIT_USAGE;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCodeOf(result.outcome);
  } catch (err) {
    return handleError(err, io);
  }
}

/** Exit code after Ctrl-C at a prompt, as shells report SIGINT. */
export const EXIT_CANCELLED = 130;

/** The one mapping from what a command did to its exit code. */
export function exitCodeOf(o: Outcome): number {
  if (o.cancelled) return EXIT_CANCELLED;
  if (o.failed) return EXIT_USAGE;
  return o.problems > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function handleError(err: unknown, io: Io): number {
  if (err instanceof CommanderError) {
    // Commander has already printed its message (or the help/version text).
    return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (err instanceof UsageError) {
    io.stderr(`mllm-align: error: ${err.message}\n`);
    return EXIT_USAGE;
  }
  if (err instanceof DataError) {
    io.stderr(`mllm-align: error: ${err.message}\n`);
    return EXIT_PROBLEMS;
  }
  if (err instanceof InternalError) {
    io.stderr(`mllm-align: internal error: ${err.message}\n`);
    return EXIT_USAGE;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    // A system error (EACCES, ENOSPC, EPIPE…): one line, no stack.
    io.stderr(`mllm-align: error: ${e.message}\n`);
    return EXIT_USAGE;
  }
  io.stderr(`mllm-align: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (io.env.MLLM_ALIGN_DEBUG && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
  return EXIT_USAGE;
}
export { processIo } from './io.js';

/** The worker side of parallel checking, for the worker threads that load this bundle (check-worker.ts). */
export const loadCheckWorker = () => import('../check-worker.js');
