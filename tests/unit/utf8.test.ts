import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidByte } from '../../src/core/utf8.js';

const b = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('decodeUtf8', () => {
  it.each([
    ['ASCII', b('id: x\n'), { text: 'id: x\n' }],
    ['a byte-order mark is kept (MA111 reports it)', b([0xef, 0xbb, 0xbf], 'x'), { text: '\ufeffx' }],
    ['four-byte characters', b('😀 模'), { text: '😀 模' }],
    ['Latin-1 é', b('a\ncaf', [0xe9], '\n'), { error: { line: 2, column: 4, message: 'not valid UTF-8: byte 0xE9 at line 2, column 4; save the file as UTF-8' } }],
    ['a lone continuation byte', b('ab', [0x80]), { error: { line: 1, column: 3, message: 'not valid UTF-8: byte 0x80 at line 1, column 3; save the file as UTF-8' } }],
    ['an overlong slash', b([0xc0, 0xaf]), { error: { line: 1, column: 1, message: 'not valid UTF-8: byte 0xC0 at line 1, column 1; save the file as UTF-8' } }],
    ['a surrogate half', b('模\n模', [0xed, 0xa0, 0x80]), { error: { line: 2, column: 2, message: 'not valid UTF-8: byte 0xED at line 2, column 2; save the file as UTF-8' } }],
    ['beyond U+10FFFF', b([0xf4, 0x90, 0x80, 0x80]), { error: { line: 1, column: 1, message: 'not valid UTF-8: byte 0xF4 at line 1, column 1; save the file as UTF-8' } }],
    ['cut short at the end', b('ok', [0xe6, 0xa8]), { error: { line: 1, column: 3, message: 'not valid UTF-8: byte 0xE6 at line 1, column 3; save the file as UTF-8' } }],
  ])('%s', (_name, bytes, want) => {
    expect(decodeUtf8(bytes)).toEqual(want);
  });

  it('firstInvalidByte is the length for valid text', () => {
    expect(firstInvalidByte(b('模型 ok'))).toBe(b('模型 ok').length);
  });
});
