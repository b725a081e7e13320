/** Strict UTF-8 decoding: text, or the place of the first byte that is not UTF-8 (issue #12, item 2). */
const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Decode `bytes` as UTF-8 without replacing anything; a byte-order mark is kept as U+FEFF. */
export function decodeUtf8(bytes) {
    try {
        return { text: STRICT.decode(bytes) };
    }
    catch {
        const bad = firstInvalidByte(bytes);
        let lineStart = 0;
        let line = 1;
        for (let i = bytes.indexOf(0x0a); i !== -1 && i < bad; i = bytes.indexOf(0x0a, i + 1)) {
            line++;
            lineStart = i + 1;
        }
        // Columns count UTF-16 code units, as every other position we print.
        const column = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(lineStart, bad)).length + 1;
        const hex = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
        return { error: { line, column, message: `not valid UTF-8: byte 0x${hex} at line ${line}, column ${column}; save the file as UTF-8` } };
    }
}
/** Index of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidByte(b) {
    let i = 0;
    while (i < b.length) {
        const c = b[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        let need;
        let lo = 0x80;
        let hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf)
            need = 1;
        else if (c >= 0xe0 && c <= 0xef) {
            need = 2;
            if (c === 0xe0)
                lo = 0xa0;
            if (c === 0xed)
                hi = 0x9f;
        }
        else if (c >= 0xf0 && c <= 0xf4) {
            need = 3;
            if (c === 0xf0)
                lo = 0x90;
            if (c === 0xf4)
                hi = 0x8f;
        }
        else
            return i;
        for (let k = 1; k <= need; k++) {
            const d = b[i + k];
            // The first continuation byte has the narrowed range (no overlongs, surrogates or > U+10FFFF).
            if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf))
                return i;
        }
        i += need + 1;
    }
    return b.length;
}
