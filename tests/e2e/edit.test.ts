/** `rename` and `remove` (#14): links follow, refusals change nothing, --dry-run changes nothing, and the file changes land all together or not at all. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { applyChanges } from '../../src/store/transaction.js';
import { FIXTURES, runBinary } from '../helpers.js';

/** A copy of the fixture catalogue as ./entries of a fresh folder. */
function copyCatalogue(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mllm-edit-'));
  cpSync(path.join(FIXTURES, 'catalogue'), path.join(dir, 'entries'), { recursive: true });
  return dir;
}

/** Every file of the folder with its bytes, to prove that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => {
    const file = path.join(d.parentPath, d.name);
    return [path.relative(dir, file), readFileSync(file, 'utf8')];
  }));
}

const buildsOn = (dir: string, id: string) => (JSON.parse(runBinary(['show', id, '--json'], { cwd: dir }).stdout) as { builds_on?: string[] }).builds_on;

describe('mllm-align rename', () => {
  it('renames the id and the file and rewrites every builds_on naming it; the catalogue stays valid', () => {
    const dir = copyCatalogue();
    const r = runBinary(['rename', 'llava', 'llava-one'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'llava → llava-one\nllava-one: new file\nllava-1.5: builds_on llava → llava-one\nllava-med: builds_on llava → llava-one\n', stderr: '4 files changed\n' });
    expect(existsSync(path.join(dir, 'entries', 'llava.yaml'))).toBe(false);
    expect(readFileSync(path.join(dir, 'entries', 'llava-one.yaml'), 'utf8')).toMatch(/^# yaml-language-server: .*\nid: llava-one\nname: LLaVA\n/);
    expect(buildsOn(dir, 'llava-1.5')).toEqual(['llava-one']);
    expect(buildsOn(dir, 'llava-med')).toEqual(['llava-one']);
    expect(runBinary(['validate'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '16 files checked: 0 errors, 0 warnings\n' });
    expect(runBinary(['format', '--check'], { cwd: dir }).code).toBe(0);
  });

  it('--dry-run prints the plan and changes nothing', () => {
    const dir = copyCatalogue();
    const before = snapshot(dir);
    const r = runBinary(['rename', 'llava', 'llava-one', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('llava-1.5: builds_on llava → llava-one\n');
    expect(r.stderr).toBe('--dry-run: nothing changed (4 files would change)\n');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses an existing id (1), a malformed one (2) and an unknown entry (1), changing nothing', () => {
    const dir = copyCatalogue();
    const before = snapshot(dir);
    expect(runBinary(['rename', 'llava', 'blip-2'], { cwd: dir })).toEqual({ code: 1, stdout: '', stderr: 'mllm-align: error: an entry "blip-2" already exists; nothing changed\n' });
    expect(runBinary(['rename', 'llava', 'LLaVA One'], { cwd: dir }).code).toBe(2);
    const unknown = runBinary(['rename', 'llav', 'x'], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no entry "llav" in the catalogue; did you mean "llava"');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses to edit a catalogue with errors, which could hide a link', () => {
    const dir = copyCatalogue();
    writeFileSync(path.join(dir, 'entries', 'broken.yaml'), 'id: broken\nbuilds_on: [llava\n');
    const before = snapshot(dir);
    const r = runBinary(['rename', 'llava', 'llava-one'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mllm-align: error: the catalogue has errors; fix them first \(mllm-align validate\); nothing changed\n$/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('mllm-align remove', () => {
  it('refuses while other entries build on it, naming them', () => {
    const dir = copyCatalogue();
    const before = snapshot(dir);
    expect(runBinary(['remove', 'llava'], { cwd: dir })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'mllm-align: error: llava is built on by llava-1.5 and llava-med; nothing removed (--force removes it and those links)\n',
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('--force removes it and the links to it; --dry-run first changes nothing', () => {
    const dir = copyCatalogue();
    const before = snapshot(dir);
    expect(runBinary(['remove', 'llava', '--force', '--dry-run'], { cwd: dir }).code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    const r = runBinary(['remove', 'llava', '--force'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'llava: removed\nllava-1.5: builds_on llava removed\nllava-med: builds_on llava removed\n', stderr: '3 files changed\n' });
    expect(buildsOn(dir, 'llava-1.5')).toBeUndefined();
    expect(runBinary(['validate'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '15 files checked: 0 errors, 0 warnings\n' });
  });

  it('removes an entry nothing builds on without --force', () => {
    const dir = copyCatalogue();
    expect(runBinary(['remove', 'vipergpt'], { cwd: dir })).toEqual({ code: 0, stdout: 'vipergpt: removed\n', stderr: '1 file changed\n' });
    expect(existsSync(path.join(dir, 'entries', 'vipergpt.yaml'))).toBe(false);
  });
});

describe('applyChanges: all files or none', () => {
  it('a failure on the last change puts back every file already replaced or deleted', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mllm-tx-'));
    const f = (n: string) => path.join(dir, n);
    writeFileSync(f('a.yaml'), 'a\n');
    writeFileSync(f('b.yaml'), 'b\n');
    writeFileSync(f('taken.yaml'), 'taken\n');
    const before = snapshot(dir);
    expect(() =>
      applyChanges([
        { kind: 'replace', file: f('a.yaml'), text: 'A\n' },
        { kind: 'delete', file: f('b.yaml') },
        { kind: 'create', file: f('new.yaml'), text: 'new\n' },
        { kind: 'create', file: f('taken.yaml'), text: 'clash\n' },
      ]),
    ).toThrow(DataError);
    // The same files with the same bytes, and no temporary or backup file left behind.
    expect(snapshot(dir)).toEqual(before);
  });

  it('a change that cannot even be staged changes nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mllm-tx-'));
    writeFileSync(path.join(dir, 'a.yaml'), 'a\n');
    expect(() => applyChanges([{ kind: 'replace', file: path.join(dir, 'a.yaml'), text: 'A\n' }, { kind: 'delete', file: path.join(dir, 'missing.yaml') }])).toThrow(/ENOENT/);
    expect(snapshot(dir)).toEqual({ 'a.yaml': 'a\n' });
  });

  it('applies every change when nothing fails', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mllm-tx-'));
    writeFileSync(path.join(dir, 'a.yaml'), 'a\n');
    writeFileSync(path.join(dir, 'b.yaml'), 'b\n');
    applyChanges([{ kind: 'replace', file: path.join(dir, 'a.yaml'), text: 'A\n' }, { kind: 'delete', file: path.join(dir, 'b.yaml') }, { kind: 'create', file: path.join(dir, 'c.yaml'), text: 'c\n' }]);
    expect(snapshot(dir)).toEqual({ 'a.yaml': 'A\n', 'c.yaml': 'c\n' });
  });
});
