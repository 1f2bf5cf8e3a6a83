import fc from 'fast-check';
import { findTechnology, withoutTrailingVersion } from '../../src/data/technologyReleaseYears';
import { hostOf, normalizePhone, parseIp } from '../../src/index';
import { withoutExtension } from '../../src/linking/normalize';
import { asciiWordRuns, cutAtFirst, endsWithAsciiWordAt, isWhiteSpace, skipWhiteSpaceBackwards } from '../../src/text/scan';

// The regular expressions the scans replaced. On short strings they are fast and serve as the
// reference: the scans must agree with them on every input without a line break (where the old
// `.*$` forms kept text by accident, the scans cut as intended).
const oldExtension = /\s*(?:x|ext\.?|extension|#)\s*\d+\s*$/i;
const oldTrailingVersion = /\s*\bv?\d+(?:\.(?:\d+|x))*\+?\s*$/i;

const shortString = (alphabet: readonly string[], maxLength = 14) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((units) => units.join(''));

describe('single-pass scans', () => {
  it('isWhiteSpace agrees with \\s on every code unit of the BMP', () => {
    const disagreeing: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const ch = String.fromCharCode(unit);
      if (isWhiteSpace(ch) !== /\s/.test(ch)) disagreeing.push(unit);
    }
    expect(disagreeing).toEqual([]);
    expect(isWhiteSpace(undefined)).toBe(false);
    expect(isWhiteSpace('  ')).toBe(false);
  });

  it('cutAtFirst cuts at the first stop character, or keeps all', () => {
    expect(cutAtFirst('example.com/a/b?c#d', '/?#')).toBe('example.com');
    expect(cutAtFirst('example.com?x/y', '/?#')).toBe('example.com');
    expect(cutAtFirst('example.com', '/?#')).toBe('example.com');
    expect(cutAtFirst('', '/')).toBe('');
  });

  it('endsWithAsciiWordAt ignores the case of ASCII letters only', () => {
    expect(endsWithAsciiWordAt('+1 555 EXT', 10, 'ext')).toBe(true);
    expect(endsWithAsciiWordAt('+1 555 ExT.', 11, 'ext.')).toBe(true);
    expect(endsWithAsciiWordAt('xt', 2, 'ext')).toBe(false);
    // U+0130 lower-cases to "i̇", never to ASCII "i": the regex's `i` flag without `u` agrees.
    expect(endsWithAsciiWordAt('extensİon', 9, 'extension')).toBe(false);
  });

  it('asciiWordRuns visits the runs of [a-z0-9], and each # when asked, as the regular expression finds them', () => {
    const runs = (text: string, hashIsWord: boolean): string[] => {
      const out: string[] = [];
      asciiWordRuns(text, (start, end) => out.push(text.slice(start, end)), hashIsWord);
      return out;
    };
    fc.assert(
      fc.property(shortString(['a', 'z', '0', '9', 'A', '#', ' ', '-', '_', 'é', '{', '/', '`'], 20), (text) => {
        expect(runs(text, false)).toEqual(text.match(/[a-z0-9]+/g) ?? []);
        expect(runs(text, true)).toEqual(text.match(/[a-z0-9]+|#/g) ?? []);
      }),
    );
    expect(runs('12 main st #4', true)).toEqual(['12', 'main', 'st', '#', '4']);
  });

  it('skipWhiteSpaceBackwards stops at the first other character', () => {
    expect(skipWhiteSpaceBackwards('ab \t\n', 5)).toBe(2);
    expect(skipWhiteSpaceBackwards('   ', 3)).toBe(0);
  });
});

describe('the scans give the results of the regular expressions they replaced', () => {
  it('phone extensions: the same cut as the old split, on any short input', () => {
    const alphabet = ['1', '5', '0', ' ', '\t', '\u00a0', 'x', 'X', 'e', 'E', 't', 'T', '.', 'n', 's', 'i', 'o', '#', '+', '-'];
    fc.assert(
      fc.property(shortString(alphabet, 16), (raw) => {
        expect(withoutExtension(raw)).toBe(raw.split(oldExtension)[0]);
      }),
      { numRuns: 5000 },
    );
  });

  it('phone extensions: the documented forms', () => {
    expect(normalizePhone('+1 615 555 0100 x123')).toBe('+16155550100');
    expect(normalizePhone('+1 615 555 0100 ext. 4')).toBe('+16155550100');
    expect(normalizePhone('+1 615 555 0100 EXTENSION 12')).toBe('+16155550100');
    expect(normalizePhone('+1 615 555 0100#5')).toBe('+16155550100');
    expect(normalizePhone('+44 (0)20 7946 0958')).toBe('+442079460958');
  });

  it('trailing versions of skill names: the same cut as the old regex, on any short input', () => {
    const alphabet = ['1', '2', '.', 'x', 'X', 'v', 'V', ' ', '\t', '+', 'a', '_', '-', 'é'];
    fc.assert(
      fc.property(shortString(alphabet, 14), (raw) => {
        expect(withoutTrailingVersion(raw)).toBe(raw.replace(oldTrailingVersion, ''));
      }),
      { numRuns: 5000 },
    );
  });

  it('trailing versions of skill names: the documented forms', () => {
    expect(findTechnology('Vue 3')?.id).toBe('vue');
    expect(findTechnology('Python 3.11')?.id).toBe('python');
    expect(findTechnology('React v18')?.id).toBe('react');
    expect(findTechnology('Node.js 14.x')?.id).toBe('nodejs');
    expect(findTechnology('Angular 2')?.id).toBe('angular');
    expect(findTechnology('Web3')?.id).toBe('web3js');
    expect(findTechnology('Reactv18')).toBeUndefined();
  });

  it('hosts and zone ids are cut at their first separator', () => {
    expect(hostOf('https://www.Example.com:8443/path?q#f')).toBe('example.com');
    expect(hostOf('jane@mail.example.co.uk')).toBe('mail.example.co.uk');
    expect(parseIp('fe80::1%eth0')?.version).toBe(6);
    expect(parseIp('[2001:db8::1%25en0]')?.version).toBe(6);
  });
});
