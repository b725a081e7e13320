/** The entry writer: inside the entries folder only, never over an existing file, no leftovers. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPath, removeWritten, writeNewFile } from '../../src/store/write-entry.js';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'mllm-align-write-'));

describe('write-entry', () => {
  it.each([['llava'], ['llava-1.5'], ['qwen2.5-vl']])('entryPath(%j) is inside the folder', (id) => {
    const dir = fresh();
    expect(entryPath(dir, id)).toBe(path.join(dir, `${id}.yaml`));
  });

  it.each([['../x'], ['a/b'], [''], ['LLaVA'], ['..'], ['x/../../y'], ['-x']])('entryPath(%j) is refused', (id) => {
    expect(() => entryPath(fresh(), id)).toThrow(`id "${id}" is not a plain slug`);
  });

  it('writes a new file and leaves no temporary file', () => {
    const dir = fresh();
    writeNewFile(path.join(dir, 'a.yaml'), 'id: a\n', 'a.yaml');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe('id: a\n');
  });

  it('never overwrites: an existing file stays as it was', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'a.yaml'), 'old\n');
    expect(() => writeNewFile(path.join(dir, 'a.yaml'), 'new\n', 'entries/a.yaml')).toThrow('entries/a.yaml already exists; nothing written');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe('old\n');
  });

  it('removeWritten undoes a run, ignoring files already gone', () => {
    const dir = fresh();
    writeNewFile(path.join(dir, 'a.yaml'), 'a\n', 'a.yaml');
    removeWritten([path.join(dir, 'a.yaml'), path.join(dir, 'gone.yaml')]);
    expect(readdirSync(dir)).toEqual([]);
  });
});
