/** `mllm-align init [DIR]` (#14): a new catalogue that validates, exports and formats clean at once; and this repository's own workflow and hooks. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INSTALL_FROM_CHECKOUT, renderPreCommitHooks, renderWorkflow } from '../../src/render/project-files.js';
import { ROOT, runBinary } from '../helpers.js';

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(dir, path.join(prefix, d.name)) : [path.join(prefix, d.name)],
  ).sort();
}

describe('mllm-align init', () => {
  it('creates a catalogue that validates, is formatted and whose CATALOGUE.md is fresh', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'mllm-init-'));
    const r = runBinary(['init', 'my-list'], { cwd });
    expect(r.code).toBe(0);
    const want = ['.github/workflows/catalogue.yml', '.pre-commit-config.yaml', '.vscode/settings.json', 'CATALOGUE.md', 'entries/llava.yaml', 'schema/entry.schema.json'];
    expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual(want.map((f) => `my-list/${f}`));
    const dir = path.join(cwd, 'my-list');
    expect(filesUnder(dir)).toEqual(want);
    // The commands the workflow runs pass in the new folder, as they would in CI.
    expect(runBinary(['validate'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '1 file checked: 0 errors, 0 warnings\n' });
    expect(runBinary(['validate', '--format', 'github'], { cwd: dir }).code).toBe(0);
    expect(runBinary(['export', '--format', 'markdown', '--output', 'CATALOGUE.md', '--check'], { cwd: dir }).code).toBe(0);
    expect(runBinary(['format', '--check'], { cwd: dir }).code).toBe(0);
    // The entry's schema line points at the schema written beside it, the one this package ships.
    const line = readFileSync(path.join(dir, 'entries', 'llava.yaml'), 'utf8').split('\n')[0]!;
    const schema = path.resolve(dir, 'entries', line.replace(/^# yaml-language-server: \$schema=/, ''));
    expect(readFileSync(schema, 'utf8')).toBe(readFileSync(path.join(ROOT, 'schema', 'entry.schema.json'), 'utf8'));
    // VS Code's YAML extension maps the same schema onto the entries.
    expect(JSON.parse(readFileSync(path.join(dir, '.vscode', 'settings.json'), 'utf8'))).toEqual({ 'yaml.schemas': { './schema/entry.schema.json': 'entries/*.yaml' } });
    // The workflow installs this version and runs validate --format github and export --check.
    const workflow = parse(readFileSync(path.join(dir, '.github', 'workflows', 'catalogue.yml'), 'utf8'));
    const runs = workflow.jobs.check.steps.map((s: { run?: string }) => s.run).filter(Boolean);
    expect(runs).toEqual([`npm install --global mllm-align@${VERSION}`, 'mllm-align validate --format github', 'mllm-align export --format markdown --output CATALOGUE.md --check']);
    const hooks = parse(readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8'));
    expect(hooks.repos[0].hooks.map((h: { entry: string }) => h.entry)).toEqual(['mllm-align validate', 'mllm-align format --check']);
  });

  it('writes nothing when any of its files exists, and says which', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'mllm-init-'));
    mkdirSync(path.join(cwd, '.vscode'));
    writeFileSync(path.join(cwd, '.vscode', 'settings.json'), '{}\n');
    const r = runBinary(['init'], { cwd });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'mllm-align: error: .vscode/settings.json already exists; nothing written\n' });
    expect(filesUnder(cwd)).toEqual(['.vscode/settings.json']);
  });

  it('this repository has the same workflow (installing the checkout) and the hooks as a hook repository', () => {
    expect(readFileSync(path.join(ROOT, '.github', 'workflows', 'catalogue.yml'), 'utf8')).toBe(renderWorkflow(INSTALL_FROM_CHECKOUT));
    expect(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')).toBe(renderPreCommitHooks());
    const hooks = parse(renderPreCommitHooks());
    expect(hooks.map((h: { id: string }) => h.id)).toEqual(['mllm-align-validate', 'mllm-align-format']);
  });
});
