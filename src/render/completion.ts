/** Shell completion scripts for bash, zsh and fish, from one description of the commands (#14). */

/** Where an option's value or a command's argument comes from. */
export type ValueSource = { kind: 'words'; words: readonly string[] } | { kind: 'ids' } | { kind: 'files' } | { kind: 'dirs' } | { kind: 'none' };

export interface OptionSpec {
  /** Long name with dashes (`--category`), and the short one if any (`-c`). */
  long: string;
  short?: string;
  description: string;
  /** Undefined for a flag that takes no value. */
  value?: ValueSource;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** What the command's arguments are. */
  args: ValueSource;
}

export interface CompletionSpec {
  program: string;
  commands: CommandSpec[];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Single-quote for a POSIX shell (and fish, which reads '…' with \\' and \\\\ the same way here: no quotes occur in our words). */
function sq(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "'\\''")}'`;
}

const fn = (program: string) => `_${program.replace(/[^A-Za-z0-9]/g, '_')}`;

/** The shell words that list an option's values (bash and zsh share this, a command substitution for ids). */
function posixWords(program: string, v: ValueSource): string {
  switch (v.kind) {
    case 'words':
      return v.words.join(' ');
    case 'ids':
      return `$(${program} list --format ids 2>/dev/null)`;
    default:
      return '';
  }
}

/** A `case` arm per command for what a value of `prev` may be; shared by bash and zsh bodies. */
function valueCases(spec: CompletionSpec, emit: (words: string) => string, files: (dirs: boolean) => string): string {
  const arms: string[] = [];
  for (const c of spec.commands) {
    const opts = c.options.filter((o) => o.value);
    if (opts.length === 0) continue;
    const inner = opts
      .map((o) => {
        const names = [o.long, o.short].filter(Boolean).join('|');
        const v = o.value!;
        const body = v.kind === 'files' || v.kind === 'dirs' ? files(v.kind === 'dirs') : v.kind === 'none' ? 'return 0' : emit(posixWords(spec.program, v));
        return `        ${names}) ${body}; return 0 ;;`;
      })
      .join('\n');
    arms.push(`    ${c.name})\n      case "$prev" in\n${inner}\n      esac ;;`);
  }
  return arms.join('\n');
}

function optionCases(spec: CompletionSpec, emit: (words: string) => string): string {
  return spec.commands
    .map((c) => `    ${c.name}) ${emit(c.options.flatMap((o) => [o.long, o.short ?? []]).flat().join(' '))} ;;`)
    .join('\n');
}

function argCases(spec: CompletionSpec, emit: (words: string) => string, files: (dirs: boolean) => string): string {
  return spec.commands
    .filter((c) => c.args.kind !== 'none')
    .map((c) => `    ${c.name}) ${c.args.kind === 'files' || c.args.kind === 'dirs' ? files(c.args.kind === 'dirs') : emit(posixWords(spec.program, c.args))} ;;`)
    .join('\n');
}

/** The bash script: `source <(mllm-align completion bash)`. */
export function renderBashCompletion(spec: CompletionSpec): string {
  const name = fn(spec.program);
  const emit = (words: string) => `COMPREPLY=( $(compgen -W "${words}" -- "$cur") )`;
  const files = (dirs: boolean) => `COMPREPLY=( $(compgen ${dirs ? '-d' : '-f'} -- "$cur") )`;
  return `# ${spec.program} completion for bash. Load it with:  source <(${spec.program} completion bash)
${name}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" cmd="\${COMP_WORDS[1]}"
  [ "$COMP_CWORD" -gt 0 ] && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  COMPREPLY=()
  if [ "$COMP_CWORD" -le 1 ]; then
    ${emit(`${spec.commands.map((c) => c.name).join(' ')} --help --version`)}
    return 0
  fi
${dispatch(spec, emit, emit, files)}
complete -F ${name} ${spec.program}
`;
}

/**
 * The body both bash and zsh run after the command word: an option's value, then the options (a word
 * starting with -), then the command's arguments. `valueEmit` offers option values and arguments.
 */
function dispatch(spec: CompletionSpec, emit: (words: string) => string, valueEmit: (words: string) => string, files: (dirs: boolean) => string): string {
  return `  case "$cmd" in
${valueCases(spec, valueEmit, files)}
  esac
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
${optionCases(spec, emit)}
    esac
    return 0
  fi
  case "$cmd" in
${argCases(spec, valueEmit, files)}
  esac
  return 0
}`;
}

/** The zsh script: `source <(mllm-align completion zsh)` after compinit, or saved as `_mllm-align` on $fpath. */
export function renderZshCompletion(spec: CompletionSpec): string {
  const name = fn(spec.program);
  // compadd with descriptions would need _describe; plain words keep the script small and dependable.
  const emit = (words: string) => `compadd -- ${words}`;
  const files = (dirs: boolean) => (dirs ? '_files -/' : '_files');
  // A command's output becomes one word per line only when quoted inside ${(f)…}.
  const zshEmit = (words: string) => emit(words.startsWith('$(') ? `\${(f)"${words}"}` : words);
  return `#compdef ${spec.program}
# ${spec.program} completion for zsh. Load it with:  source <(${spec.program} completion zsh)   (after compinit)
${name}() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}" cmd="\${words[2]}"
  if (( CURRENT <= 2 )); then
    ${emit(`${spec.commands.map((c) => c.name).join(' ')} --help --version`)}
    return 0
  fi
${dispatch(spec, emit, zshEmit, files)}
if (( $+functions[compdef] )); then compdef ${name} ${spec.program}; fi
`;
}

/** The fish script: `mllm-align completion fish | source`, or saved in ~/.config/fish/completions/. */
export function renderFishCompletion(spec: CompletionSpec): string {
  const p = spec.program;
  const names = spec.commands.map((c) => c.name).join(' ');
  const lines = [
    `# ${p} completion for fish. Load it with:  ${p} completion fish | source`,
    `complete -c ${p} -f`,
    ...spec.commands.map((c) => `complete -c ${p} -n ${sq(`not __fish_seen_subcommand_from ${names}`)} -a ${c.name} -d ${sq(c.description)}`),
  ];
  for (const c of spec.commands) {
    const when = `-n ${sq(`__fish_seen_subcommand_from ${c.name}`)}`;
    for (const o of c.options) {
      const flags = [`-l ${o.long.replace(/^--/, '')}`, o.short ? `-s ${o.short.replace(/^-/, '')}` : ''].filter(Boolean).join(' ');
      let value = '';
      if (o.value?.kind === 'words') value = ` -x -a ${sq(o.value.words.join(' '))}`;
      else if (o.value?.kind === 'ids') value = ` -x -a ${sq(`(${p} list --format ids 2>/dev/null)`)}`;
      else if (o.value?.kind === 'files') value = ' -r -F';
      else if (o.value?.kind === 'dirs') value = ` -x -a ${sq('(__fish_complete_directories)')}`;
      else if (o.value?.kind === 'none') value = ' -x';
      lines.push(`complete -c ${p} ${when} ${flags}${value} -d ${sq(o.description)}`);
    }
    if (c.args.kind === 'ids') lines.push(`complete -c ${p} ${when} -a ${sq(`(${p} list --format ids 2>/dev/null)`)}`);
    else if (c.args.kind === 'words') lines.push(`complete -c ${p} ${when} -a ${sq(c.args.words.join(' '))}`);
    else if (c.args.kind === 'files') lines.push(`complete -c ${p} ${when} -F`);
  }
  return lines.join('\n') + '\n';
}

/** The script for one shell. */
export function renderCompletion(shell: Shell, spec: CompletionSpec): string {
  if (shell === 'bash') return renderBashCompletion(spec);
  if (shell === 'zsh') return renderZshCompletion(spec);
  return renderFishCompletion(spec);
}
