/**
 * `mllm-align completion bash|zsh|fish` (#14): each script is loaded in the real shell, which is then
 * asked for completions: bash through its completion function with COMP_WORDS as readline sets them,
 * zsh by pressing Tab in an interactive shell on a pseudo-terminal (zpty) with compinit loaded, fish
 * with `complete -C`. Entry ids come from the installed command, here the built binary on PATH.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runBinary } from '../helpers.js';
import { itWithTools } from '../tools.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mllm-completion-'));
symlinkSync(BIN, path.join(dir, 'mllm-align'));
// The folder has no entries/: ids come from the shipped catalogue.
const env = { PATH: `${dir}:${process.env.PATH}`, HOME: dir, TERM: 'dumb' };
const script = (shell: string) => {
  const r = runBinary(['completion', shell]);
  expect(r.code).toBe(0);
  const file = path.join(dir, `completion.${shell}`);
  writeFileSync(file, r.stdout);
  return file;
};
const ids = runBinary(['list', '--format', 'ids'], { cwd: dir }).stdout.trim().split('\n');
const startingWith = (prefix: string) => ids.filter((id) => id.startsWith(prefix)).sort();

/** Ask bash to complete the words (the last one is being typed). */
function bash(file: string, words: string[]): string[] {
  const program = `source ${JSON.stringify(file)}; complete -p mllm-align >/dev/null || exit 3
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMP_LINE="${words.join(' ')}"; COMP_POINT=\${#COMP_LINE}
_mllm_align; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { cwd: dir, env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean).sort();
}

// Types the line and Tab in an interactive zsh on a pseudo-terminal; compadd is wrapped to write the matches to a file.
const ZSH_DRIVER = `zmodload zsh/zpty
out=$1 script=$2 line=$3
: > $out
zpty z zsh -f -i
zpty -w z "autoload -U compinit && compinit -u -D"
zpty -w z "source \${(q)script}"
zpty -w z "compadd() { local -a __hits; builtin compadd -A __hits \\"\\$@\\"; print -rl -- \\$__hits >> \${(q)out}; print -- --end-- >> \${(q)out}; builtin compadd \\"\\$@\\"; }"
zpty -wn z "$line"$'\\t'
for i in {1..150}; do [[ -s $out ]] && break; sleep 0.1; done
sleep 0.3
zpty -d z
`;

function zsh(file: string, line: string): string[] {
  const driver = path.join(dir, 'driver.zsh');
  writeFileSync(driver, ZSH_DRIVER);
  const out = path.join(dir, 'zsh-matches.txt');
  const r = spawnSync('zsh', ['-f', driver, out, file, line], { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out, 'utf8').split('\n').filter((l) => l && l !== '--end--').sort();
}

function fish(file: string, line: string): string[] {
  const r = spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C ${JSON.stringify(line)}`], { cwd: dir, env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!).sort();
}

describe('completion scripts in the real shells', () => {
  it('an unknown shell is a usage error', () => {
    const r = runBinary(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('mllm-align: error: shell must be one of bash, zsh, fish; got "tcsh"\n');
  });

  it('the shipped catalogue has the ids the cases below expect', () => {
    expect(startingWith('llava-o')).toEqual(['llava-onevision', 'llava-onevision-1.5']);
  });

  itWithTools(['bash'], 'bash completes commands, options, their values and entry ids', () => {
    const file = script('bash');
    expect(bash(file, ['mllm-align', 'sh'])).toEqual(['show']);
    expect(bash(file, ['mllm-align', ''])).toContain('completion');
    expect(bash(file, ['mllm-align', 'list', '--f'])).toEqual(['--format']);
    expect(bash(file, ['mllm-align', 'list', '--format', ''])).toEqual(['count', 'ids', 'json', 'table']);
    expect(bash(file, ['mllm-align', 'filter', '--category', 'p'])).toEqual(['perceiver']);
    expect(bash(file, ['mllm-align', 'filter', '--subcategory', 'pro'])).toEqual(['program', 'projection']);
    expect(bash(file, ['mllm-align', 'export', '--modality', 'vi'])).toEqual(['video']);
    expect(bash(file, ['mllm-align', 'export', '--format', 'c'])).toEqual(['csl-json']);
    expect(bash(file, ['mllm-align', 'show', 'llava-o'])).toEqual(startingWith('llava-o'));
    expect(bash(file, ['mllm-align', 'filter', '--builds-on', 'llava-o'])).toEqual(startingWith('llava-o'));
  });

  itWithTools(['zsh'], 'zsh completes commands, option values and entry ids on Tab', () => {
    const file = script('zsh');
    expect(zsh(file, 'mllm-align sh')).toEqual(['show']);
    expect(zsh(file, 'mllm-align filter --modality vi')).toEqual(['video']);
    expect(zsh(file, 'mllm-align list --format c')).toEqual(['count']);
    expect(zsh(file, 'mllm-align show llava-o')).toEqual(startingWith('llava-o'));
    expect(zsh(file, 'mllm-align filter --builds-on llava-o')).toEqual(startingWith('llava-o'));
  });

  itWithTools(['fish'], 'fish completes commands, options, their values and entry ids', () => {
    const file = script('fish');
    expect(fish(file, 'mllm-align sh')).toEqual(['show']);
    expect(fish(file, 'mllm-align list --form')).toEqual(['--format']);
    expect(fish(file, 'mllm-align list --format ')).toEqual(['count', 'ids', 'json', 'table']);
    expect(fish(file, 'mllm-align filter --category p')).toEqual(['perceiver']);
    expect(fish(file, 'mllm-align filter --modality vi')).toEqual(['video']);
    expect(fish(file, 'mllm-align show llava-o')).toEqual(startingWith('llava-o'));
    expect(fish(file, 'mllm-align filter --builds-on llava-o')).toEqual(startingWith('llava-o'));
  });
});
