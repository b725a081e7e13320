/** The command line: wiring of subcommands, and the one place that maps errors to exit codes. */
import { Command, CommanderError, Option } from 'commander';
import { DataError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, InternalError, UsageError } from '../core/errors.js';
import { withSuggestion } from '../core/suggest.js';
import { CATEGORIES } from '../core/taxonomy.js';
import { quoteInput } from '../core/text.js';
import { SHOW_FORMATS, type ShowFormat } from '../render/show.js';
import { buildFieldOptions, fieldValues } from './add-options.js';
import type { Io } from './io.js';
import { outcome, type Outcome } from './outcome.js';
import { Recording } from '../store/replay.js';
import { VERSION } from './version.js';
import { addSelectionOptions, QUERY_HELP, type SelectionOptions } from './selection.js';


const CATEGORY_HELP = CATEGORIES.map((c) => `  ${c.id.padEnd(12)} ${c.name} (v1: ${c.nameV1})\n${' '.repeat(15)}sub-groups: ${c.subcategories.map((s) => s.id).join(', ')}`).join('\n');

function examples(lines: string[]): string {
  return '\nExamples:\n' + lines.map((l) => `  $ ${l}`).join('\n') + '\n';
}

const collectList = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), ...value.split(',')];

const entriesOption = () =>
  new Option('--entries <dir>', 'catalogue folder (default: $MLLM_ALIGN_ENTRIES, ./entries, or the shipped catalogue)');

/** The LaTeX table's preamble and keys, in `export --help`; README's "Writing a survey from the catalogue" shows the same. */
const LATEX_TABLE_HELP =
  '\nLaTeX table (--format latex-table): a booktabs table, a longtable past 30 rows, grouped by category\n' +
  'and subcategory; each method cited with the key the BibTeX export of the same selection gives it.\n' +
  'The document needs in its preamble:\n' +
  '  \\usepackage{booktabs,longtable,array,amssymb}\n' +
  'and its bibliography from: mllm-align export --format bibtex --ascii [same selection] --output refs.bib\n';

const noCacheOption = () => new Option('--no-cache', 'read and check every file afresh; neither use nor update the cache, nor replay a recorded run (also MLLM_ALIGN_NO_CACHE=1)');

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
    .option('--strict', 'before a release: also the MA301-MA303 checks, and every MA3xx check as an error')
    .option('--min-per-category <n>', 'with --strict: the fewest entries a category may have (MA302; default 5)')
    .addHelpText('after', examples([
      'mllm-align validate',
      'mllm-align validate entries/llava.yaml',
      'mllm-align validate --format json | jq .errors',
      'mllm-align validate --format github   # annotations in GitHub Actions',
      'mllm-align validate --strict          # before a release: stale preprints, thin categories, missing fields',
    ]))
    .action(async (paths: string[], opts: { entries?: string; cache: boolean; format: 'text' | 'json' | 'github'; json?: boolean; strict?: boolean; minPerCategory?: string }) => {
      const { runValidate } = await import('./commands/validate.js');
      result.outcome = await runValidate(io, {
        paths,
        entries: opts.entries,
        cache: opts.cache,
        format: opts.json ? 'json' : opts.format,
        strict: Boolean(opts.strict),
        minPerCategory: opts.minPerCategory,
      });
    });

  program
    .command('list')
    .description('list the catalogue')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .addOption(new Option('-c, --category <id>', `only these categories: ${CATEGORIES.map((c) => c.id).join(', ')} (or the survey's name; repeat or comma-separate for OR)`).argParser(collectList))
    .addOption(new Option('--sort <key>', 'sort order').choices(['year', 'name']).default('year'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'ids', 'count']).default('table'))
    .option('--json', 'same as --format json')
    .addHelpText('after', examples([
      'mllm-align list',
      'mllm-align list --category perceiver',
      'mllm-align list --category converter,perceiver --format count',
      'mllm-align list --category "Tool Learning" --sort name',
      'mllm-align list --format ids | wc -l',
    ]))
    .action(async (opts: { entries?: string; cache: boolean; category?: string[]; sort: 'year' | 'name'; format: 'table' | 'json' | 'ids' | 'count'; json?: boolean }) => {
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
    .description('entries in full, with the entries it builds on and those that build on it')
    .argument('<ids...>', 'entry ids (or the methods\' names)')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .addOption(new Option('--format <format>', 'output format').choices(SHOW_FORMATS).default('text'))
    .option('--json', 'same as --format json')
    .addHelpText('after', examples([
      'mllm-align show llava',
      'mllm-align show blip-2 --format yaml',
      'mllm-align show llava --json | jq .built_on_by',
      'mllm-align show llava blip-2 --format bibtex   # several entries, one after the other',
    ]))
    .action(async (ids: string[], opts: { entries?: string; cache: boolean; format: ShowFormat; json?: boolean }) => {
      const { runShow } = await import('./commands/show.js');
      result.outcome = await runShow(io, { ids, entries: opts.entries, cache: opts.cache, format: opts.json ? 'json' : opts.format });
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
    .option('--key <key>', 'with --from-bibtex: add only the record with this key (repeat for several); default: every record', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--no-fetch', 'with --arxiv, do not ask the arXiv API for the title, authors and year')
    .option('--dry-run', 'print the YAML that would be written; write nothing');
  for (const opt of buildFieldOptions()) add.addOption(opt);
  add
    .addHelpText('after', examples([
      'mllm-align add --arxiv 2304.08485 --category converter --subcategory projection',
      'mllm-align add --from-bibtex llava.bib --category converter --name LLaVA',
      'mllm-align add --from-bibtex README.bib --key chen2024internvl --category converter',
      'mllm-align add --name LLaVA --title "Visual Instruction Tuning" --author "Haotian Liu" --author "Chunyuan Li" \\\n' +
        '      --year 2023 --category converter --arxiv 2304.08485 --modality image,text --dry-run',
    ]))
    .action(async (opts: Record<string, unknown>) => {
      const { runAdd } = await import('./commands/add.js');
      result.outcome = await runAdd(io, {
        entries: opts.entries as string | undefined,
        cache: opts.cache !== false,
        fromBibtex: opts.fromBibtex as string | undefined,
        keys: opts.key as string[] | undefined,
        fetch: opts.fetch !== false,
        dryRun: Boolean(opts.dryRun),
        values: fieldValues(opts),
      });
    });

  const exportCmd = program
    .command('export')
    .description('export the catalogue, or a selection as filter takes it, as Markdown, BibTeX, CSL-JSON, JSON, a LaTeX table or a web page (HTML)')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .addOption(new Option('--format <format>', 'export format').choices(['markdown', 'bibtex', 'csl-json', 'json', 'latex-table', 'html']).makeOptionMandatory())
    .option('-o, --output <file>', 'write to this file (atomically) instead of standard output')
    .option('--check', 'write nothing; exit 1 if --output FILE differs from a fresh export (for CI)')
    .option('--ascii', 'BibTeX for classic bibtex: accents as LaTeX commands, no UTF-8')
    .option('--skip-invalid', 'with --output: write the entries without errors even when some files have errors (default: write nothing)')
    .option('--columns <list>', 'LaTeX table: columns among name,year,category,subcategory,modalities,llm,venue,code (default name,year,modalities,llm,venue,code)');
  addSelectionOptions(exportCmd)
    .addHelpText('after', QUERY_HELP + LATEX_TABLE_HELP + examples([
      'mllm-align export --format markdown --output CATALOGUE.md',
      'mllm-align export --format markdown --output CATALOGUE.md --check   # in CI',
      'mllm-align export --format bibtex --category perceiver > perceivers.bib',
      'mllm-align export --format bibtex \'modality:video year>=2024\' --output video.bib',
      'mllm-align export --format bibtex --ascii --output refs.bib   # classic BibTeX',
      'mllm-align export --format csl-json --output catalogue.json   # Zotero, pandoc --citeproc',
      'mllm-align export --format html --output site/index.html      # one self-contained page',
      'mllm-align export --format latex-table --category perceiver --output table.tex',
      'mllm-align export --format latex-table --columns name,year,llm,code \'year>=2024\'',
    ]))
    .action(async (query: string[], opts: SelectionOptions & { entries?: string; cache: boolean; format: 'markdown' | 'bibtex' | 'csl-json' | 'json' | 'latex-table' | 'html'; output?: string; check?: boolean; ascii?: boolean; skipInvalid?: boolean; columns?: string }) => {
      const { runExport } = await import('./commands/export.js');
      result.outcome = await runExport(io, {
        entries: opts.entries,
        cache: opts.cache,
        format: opts.format,
        output: opts.output,
        check: Boolean(opts.check),
        ascii: Boolean(opts.ascii),
        columns: opts.columns,
        skipInvalid: Boolean(opts.skipInvalid),
        selection: opts,
        query,
      });
    });

  const stats = program
    .command('stats')
    .description('the catalogue in numbers: per category, sub-group and year (bar charts), top backbones, modalities and venues')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--json', 'same as --format json');
  addSelectionOptions(stats)
    .addHelpText('after', examples([
      'mllm-align stats',
      'mllm-align stats --category perceiver',
      'mllm-align stats \'year>=2024\' --format json | jq .withCode',
    ]))
    .action(async (query: string[], opts: SelectionOptions & { entries?: string; cache: boolean; format: 'text' | 'json'; json?: boolean }) => {
      const { runStats } = await import('./commands/stats.js');
      result.outcome = await runStats(io, { entries: opts.entries, cache: opts.cache, format: opts.json ? 'json' : opts.format, selection: opts, query });
    });

  program
    .command('init')
    .description('start a catalogue of your own: entries/ with one example, the schema, VS Code, GitHub Actions and pre-commit set up')
    .argument('[dir]', 'folder to create it in', '.')
    .addHelpText('after', examples(['mllm-align init my-list', 'cd my-list && mllm-align validate && mllm-align add --arxiv 2304.08485 --category converter']))
    .action(async (dir: string) => {
      const { runInit } = await import('./commands/init.js');
      result.outcome = await runInit(io, { dir, version: VERSION });
    });

  program
    .command('rename')
    .description('rename an entry\'s id and file, and every builds_on that names it; all files or none')
    .argument('<old>', 'the entry\'s id (or name)')
    .argument('<new>', 'the new id, a plain slug')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .option('--dry-run', 'print what would change; change nothing')
    .addHelpText('after', examples(['mllm-align rename llava llava-1.0 --dry-run', 'mllm-align rename llava llava-1.0']))
    .action(async (from: string, to: string, opts: { entries?: string; cache: boolean; dryRun?: boolean }) => {
      const { runRename } = await import('./commands/edit.js');
      result.outcome = await runRename(io, { from, to, entries: opts.entries, cache: opts.cache, dryRun: Boolean(opts.dryRun) });
    });

  program
    .command('remove')
    .description('remove an entry; refused while others build on it, unless --force (which also removes those links)')
    .argument('<id>', 'the entry\'s id (or name)')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .option('--force', 'remove it even when other entries build on it, and their links to it')
    .option('--dry-run', 'print what would change; change nothing')
    .addHelpText('after', examples(['mllm-align remove some-entry', 'mllm-align remove llava --force --dry-run']))
    .action(async (id: string, opts: { entries?: string; cache: boolean; force?: boolean; dryRun?: boolean }) => {
      const { runRemove } = await import('./commands/edit.js');
      result.outcome = await runRemove(io, { id, entries: opts.entries, cache: opts.cache, force: Boolean(opts.force), dryRun: Boolean(opts.dryRun) });
    });

  program
    .command('completion')
    .description('print a shell completion script: commands, options, their values and entry ids')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', examples([
      'source <(mllm-align completion bash)        # in ~/.bashrc',
      'source <(mllm-align completion zsh)         # in ~/.zshrc, after compinit',
      'mllm-align completion fish > ~/.config/fish/completions/mllm-align.fish',
    ]))
    .action(async (shell: string) => {
      const { runCompletion } = await import('./commands/completion.js');
      result.outcome = runCompletion(io, shell, program);
    });

  const graph = program
    .command('graph')
    .description('the lineage graph: which method builds on which (builds_on), grouped and coloured by category')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .addOption(new Option('--format <format>', 'output format').choices(['mermaid', 'dot', 'json']).default('mermaid'))
    .option('--json', 'same as --format json')
    .option('--around <id>', 'only this entry, its ancestors and its descendants')
    .option('--depth <n>', 'with --around: at most N links away (default: no limit)');
  addSelectionOptions(graph)
    .addHelpText('after', '\nArrows point from a method to the methods that build on it. Without --around, entries with no\n' +
      'link among the selected ones are left out. Render DOT with Graphviz: dot -Tsvg lineage.dot -o lineage.svg\n' +
      QUERY_HELP + examples([
      'mllm-align graph > lineage.mmd                      # Mermaid, for GitHub or mermaid.live',
      'mllm-align graph --format dot | dot -Tsvg -o lineage.svg',
      'mllm-align graph --around llava --depth 2',
      'mllm-align graph --category perceiver --since 2024 --format json',
    ]))
    .action(async (query: string[], opts: SelectionOptions & { entries?: string; cache: boolean; format: 'mermaid' | 'dot' | 'json'; json?: boolean; around?: string; depth?: string }) => {
      const { runGraph } = await import('./commands/graph.js');
      result.outcome = await runGraph(io, {
        entries: opts.entries,
        cache: opts.cache,
        format: opts.json ? 'json' : opts.format,
        around: opts.around,
        depth: opts.depth,
        selection: opts,
        query,
      });
    });

  program
    .command('diff')
    .description('release notes: the entries added, removed and changed since a git revision, field by field')
    .argument('[ref]', 'a tag, branch or commit (default: the last tag, else the first commit)')
    .addOption(entriesOption())
    .addOption(noCacheOption())
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .option('--json', 'same as --format json')
    .addHelpText('after', '\nThe older version is read through git (ls-tree, cat-file), never checked out; a shallow clone\n' +
      'works when REF itself was fetched. The newer version is the working tree.\n' + examples([
      'mllm-align diff                      # since the last tag',
      'mllm-align diff v0.1.0 > notes.md',
      'mllm-align diff HEAD~10 --json | jq \'.added[].id\'',
    ]))
    .action(async (ref: string | undefined, opts: { entries?: string; cache: boolean; format: 'markdown' | 'json'; json?: boolean }) => {
      const { runDiff } = await import('./commands/diff.js');
      result.outcome = await runDiff(io, { ref, entries: opts.entries, cache: opts.cache, format: opts.json ? 'json' : opts.format });
    });

  return program;
}

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const recording = Recording.start(argv, io, io.now());
  const rio = recording ? recordingIo(io, recording) : io;
  const result = { outcome: outcome() };
  const program = buildProgram(rio, result);
  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return EXIT_USAGE;
    }
    if (argv[0] === 'help' && argv[1] === 'help') {
      // Help on help is the general help (commander would call it an unknown command).
      program.outputHelp();
      return EXIT_OK;
    }
    checkHelpTopic(program, argv);
    await program.parseAsync([...argv], { from: 'user' });
    const code = exitCodeOf(result.outcome);
    if (recording) {
      // An export written to a file, or compared with one, depends on more than the catalogue.
      const opts = program.commands.find((c) => c.name() === argv[0])?.opts() ?? {};
      if (opts.output !== undefined || opts.check) recording.refuse();
      recording.finish(code);
    }
    return code;
  } catch (err) {
    recording?.refuse();
    return handleError(err, rio);
  }
}

/** The buffer a recorded run encodes its output into, at the least (export pieces are about 64 kB). */
const SCRATCH_BYTES = 256 * 1024;

/** The I/O of a recorded run: what it prints is kept as well, and reading standard input stops the recording. */
function recordingIo(io: Io, recording: Recording): Io {
  // Encoded once, for the stream and the record alike, when the stream takes bytes: into one reused
  // buffer (#13: a new buffer per piece of a 15 MB export was a tenth of it), or a fresh one when
  // the stream kept the last (a pipe whose reader is behind).
  let scratch: Buffer | undefined;
  const write = (stream: 1 | 2, t: string) => {
    if (io.writeBytes) {
      // A UTF-16 code unit takes at most three bytes of UTF-8.
      const buf = scratch !== undefined && scratch.length >= t.length * 3 ? scratch : Buffer.allocUnsafeSlow(Math.max(t.length * 3, SCRATCH_BYTES));
      scratch = undefined;
      const bytes = buf.subarray(0, buf.write(t, 0, 'utf8'));
      const released = io.writeBytes(stream, bytes);
      recording.add(stream, bytes);
      if (released) scratch = buf;
    } else {
      (stream === 1 ? io.stdout : io.stderr)(t);
      recording.add(stream, t);
    }
  };
  return {
    ...io,
    stdout: (t) => write(1, t),
    stderr: (t) => write(2, t),
    writeBytes: io.writeBytes
      ? (stream, bytes) => {
          const released = io.writeBytes!(stream, bytes);
          recording.add(stream, bytes);
          return released;
        }
      : undefined,
    readStdin: () => {
      recording.refuse();
      return io.readStdin();
    },
    watch: recording,
  };
}

/** `help <command>` for a command that does not exist is a usage error, not the general help. */
function checkHelpTopic(program: Command, argv: readonly string[]): void {
  if (argv[0] !== 'help' || argv[1] === undefined || argv[1].startsWith('-')) return;
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (names.includes(argv[1])) return;
  throw new UsageError(withSuggestion(`no command ${quoteInput(argv[1])}`, argv[1], names, { otherwise: 'run `mllm-align --help` to see the commands' }));
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
