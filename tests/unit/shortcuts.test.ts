/** Quicker paths of the checks (#13) give the result of the general code they stand in for. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashBytes, hashText } from '../../src/store/cache.js';
import { isRepositoryUrl, REPOSITORY_HOSTS } from '../../src/validate/release.js';
import { isRealDate } from '../../src/validate/rules.js';

/** The general code: what the URL parser says the host is. */
function byParser(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return REPOSITORY_HOSTS.some((h) => host === h || host === `www.${h}`);
}

describe('isRepositoryUrl', () => {
  it('agrees with the URL parser on URLs made of hosts, look-alikes and awkward characters', () => {
    const hostParts = [...REPOSITORY_HOSTS, 'www.', 'WWW.', 'GitHub.com', 'github.com.', '.', '-', 'x', '127.0.0.1', '0x7f', 'xn--', '@', ':', ':443', 'evil.com'];
    const other = ['/', '\\', '?', '#', '@', ':', '%', '%2e', ' ', '\t', '\n', 'a', '.', '/org/repo', 'user:pass@'];
    const url = fc
      .tuple(
        fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', 'https:/', 'https:', ' https://', ''),
        fc.array(fc.constantFrom(...hostParts), { maxLength: 4 }),
        fc.array(fc.constantFrom(...other), { maxLength: 4 }),
      )
      .map(([scheme, host, rest]) => scheme + host.join('') + rest.join(''));
    fc.assert(
      fc.property(url, (u) => {
        expect(isRepositoryUrl(u)).toBe(byParser(u));
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    ['https://github.com/org/repo', true],
    ['https://www.gitlab.com', true],
    ['https://GitHub.com/org/repo', true],
    ['https://github.com.evil.com/x', false],
    ['https://github.com@evil.com/x', false],
    ['https://evil.com\\@github.com', false],
    ['https://example.org/github.com', false],
  ])('%s → %s', (u, want) => expect(isRepositoryUrl(u)).toBe(want));
});

describe('isRealDate', () => {
  /** The general code: what the calendar of Date says (which reads years below 100 as 19xx). */
  function byDate(iso: string): boolean {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }

  it('agrees with Date on every day of years 0-2100 and of the years around 2400 and 9999', () => {
    const years = [...Array.from({ length: 2101 }, (_, y) => y), 2399, 2400, 2401, 9996, 9999];
    for (const y of years) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          if (isRealDate(iso) !== byDate(iso)) expect(isRealDate(iso), iso).toBe(byDate(iso));
        }
      }
    }
  });
});

describe('hashBytes', () => {
  it('gives the hash of the text the bytes decode to (a worker hashes the text, the main thread the bytes)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('\ufeffid: x\n', 'name: Zoë 😀\n', '')), (text) => {
        expect(hashBytes(new TextEncoder().encode(text))).toBe(hashText(text));
      }),
      { numRuns: 2000 },
    );
  });
});
