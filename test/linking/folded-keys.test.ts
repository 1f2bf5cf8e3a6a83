import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldAddress, foldEmail, foldPhone, foldPhotoBand, foldTextBand } from '../../src/linking/foldedKeys';
import { MAX_PHOTO_BANDS, minHash, minHashBands, minHashBandValue, photoBandValues, photoHashBands } from '../../src/linking/lsh';
import { LinkKeyHasher } from '../../src/linking/keyHash';
import { normalizeAddress, normalizeEmail, normalizePhone } from '../../src/linking/normalize';
import { extractLinkKeys, type Subject } from '../../src/index';
import type { PostalAddress } from '../../src/records/common';

const hasher = new LinkKeyHasher();
const email = hasher.kindOf('email');
const phone = hasher.kindOf('phone');
const photo = hasher.kindOf('photo');
const text = hasher.kindOf('text');
const address = hasher.kindOf('address');

/** The hash of a key's text, or undefined without a key. */
function hashOfText(kind: number, key: string | undefined): [number, number] | undefined {
  if (key === undefined) return undefined;
  hasher.hash(kind, key);
  return [hasher.out[0] as number, hasher.out[1] as number];
}

/** The hash a fold gives, undefined for no key, 'not-folded' when it leaves the key to the normaliser. */
function hashOfFold(fold: () => string): [number, number] | undefined | 'not-folded' {
  const result = fold();
  if (result === 'not-folded') return result;
  return result === 'no-key' ? undefined : [hasher.out[0] as number, hasher.out[1] as number];
}

const pieces = (alphabet: readonly string[], maxLength: number, minLength = 0) =>
  fc.array(fc.constantFrom(...alphabet), { minLength, maxLength }).map((units) => units.join(''));

describe('keys hashed as they are normalised, without their text', () => {
  it('an e-mail address hashes as its normalised text does, or gives no key where the normaliser gives none', () => {
    const local = pieces(['j', 'D', '.', '+', 'x', '1', ' ', '@', 'é'], 8);
    const domain = fc.constantFrom('gmail.com', 'GoogleMail.com', 'outlook.com', 'example.org', 'x', 'gmail.com.', 'a.b.', '.', '', 'mail.ß.de', 'constructor');
    const address = fc.oneof(
      fc.tuple(pieces([' ', '\t'], 2), local, domain, pieces([' ', '\n'], 2)).map(([a, l, d, b]) => `${a}${l}@${d}${b}`),
      fc.string({ maxLength: 20 }),
      pieces(['a', '@', '.', '+', ' ', 'G'], 12),
    );
    let hashed = 0;
    fc.assert(
      fc.property(address, (a) => {
        const folded = hashOfFold(() => foldEmail(a, hasher, email));
        if (folded === 'not-folded') return;
        if (folded !== undefined) hashed++;
        expect(folded).toEqual(hashOfText(email, normalizeEmail(a)));
      }),
      { numRuns: 2000 },
    );
    expect(hashed).toBeGreaterThan(200);
    expect(foldEmail(' J.Doe+jobs@GoogleMail.com ', hasher, email)).toBe('hashed');
    expect([hasher.out[0], hasher.out[1]]).toEqual(hashOfText(email, 'jdoe@gmail.com'));
    expect(foldEmail('jürgen@example.de', hasher, email)).toBe('not-folded');
  });

  it('a phone number hashes as its normalised text does, with or without a default calling code', () => {
    const number = fc.oneof(
      pieces(['0', '0', '1', '2', '4', '4', '7', ' ', '+', '-', '.', '\t'], 16, 5),
      fc.string({ maxLength: 16 }),
      pieces(['0', '1', '(', ')', 'x', '#', ' '], 14),
    );
    const callingCode = fc.constantFrom(undefined, '1', '44', '+44', '', 'x');
    let hashed = 0;
    fc.assert(
      fc.property(number, callingCode, (n, cc) => {
        const folded = hashOfFold(() => foldPhone(n, cc, hasher, phone));
        if (folded === 'not-folded') return;
        if (folded !== undefined) hashed++;
        expect(folded).toEqual(hashOfText(phone, normalizePhone(n, cc !== undefined ? { defaultCallingCode: cc } : {})));
      }),
      { numRuns: 3000 },
    );
    expect(hashed).toBeGreaterThan(300);
    expect(foldPhone('+1 2000000000', undefined, hasher, phone)).toBe('hashed');
    expect([hasher.out[0], hasher.out[1]]).toEqual(hashOfText(phone, '+12000000000'));
    expect(foldPhone('(615) 555-0100', '1', hasher, phone)).toBe('not-folded');
  });
});

describe('addresses hashed without their text', () => {
  it('a postal address hashes as its normalised text does, or gives no key where the normaliser gives none', () => {
    // Words of the abbreviation table (and Object.prototype member names), numbers, units and separators.
    const line = pieces(
      [
        '12',
        '4',
        'North',
        'MAIN',
        'st',
        'Street',
        'Apt',
        'apt.',
        'unit',
        '#',
        ' ',
        ',',
        '-',
        '\t',
        'no',
        'constructor',
        'Constructor',
        'toString',
        'valueOf',
        '__proto__',
        'hasOwnProperty',
        'é',
        'x',
      ],
      8,
    );
    const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const postalAddress = fc.record({
      line1: optional(fc.oneof(line, fc.string({ maxLength: 12 }))),
      line2: optional(line),
      postalCode: optional(
        fc.oneof(pieces(['3', '7', '2', '0', '1', '-', ' ', 'a', 'B', 'é', '.'], 11), fc.constantFrom('372011234', '37201-1234', ' ', 'sw1a 1aa')),
      ),
      city: optional(fc.constantFrom('Nashville', 'São Paulo', 'St. Louis', '')),
      region: optional(fc.constantFrom('TN', 'Ohio Avenue')),
      country: optional(fc.constantFrom('US', 'GB', 'ÇA', '')),
    });
    let hashed = 0;
    let notFolded = 0;
    fc.assert(
      fc.property(postalAddress, (a) => {
        const folded = hashOfFold(() => foldAddress(a, hasher, address));
        if (folded === 'not-folded') {
          notFolded++;
          return;
        }
        if (folded !== undefined) hashed++;
        expect(folded).toEqual(hashOfText(address, normalizeAddress(a)));
      }),
      { numRuns: 3000 },
    );
    expect(hashed).toBeGreaterThan(1000);
    expect(notFolded).toBeGreaterThan(0);
    expect(foldAddress({ line1: '12 North Main Street', line2: 'Apt. #4', postalCode: '37201-1234', country: 'US' }, hasher, address)).toBe('hashed');
    expect([hasher.out[0], hasher.out[1]]).toEqual(hashOfText(address, '12 n main st unit 4|37201|US'));
    expect(foldAddress({ line1: 'Straße 1', postalCode: '10115' }, hasher, address)).toBe('not-folded');
    // An Object.prototype member name is a word like any other (the abbreviation table has no prototype).
    expect(foldAddress({ line1: '1 Constructor Way' }, hasher, address)).toBe('hashed');
    expect([hasher.out[0], hasher.out[1]]).toEqual(hashOfText(address, '1 constructor way||'));
    for (const a of [
      { line1: '1 Constructor Avenue', country: 'US' },
      { line1: 'toString St', line2: '__proto__ 2', postalCode: '37201' },
    ]) {
      expect(foldAddress(a, hasher, address)).toBe('hashed');
      expect([hasher.out[0], hasher.out[1]]).toEqual(hashOfText(address, normalizeAddress(a)));
    }
    expect(normalizeAddress({ line1: '1 Constructor Avenue', country: 'US' })).toBe('1 constructor ave||US');
    expect(foldAddress({ line1: '  ', line2: '4 Main St' }, hasher, address)).toBe('no-key');
  });

  it('leaves an address with a field that is not a text (trusted input is checked for structure only) to the normaliser', () => {
    // The normaliser writes a number country into the key as text: the fold must not hash it as empty.
    const numbers = [{ country: 1 }, { postalCode: 37201 }, { line2: 7 }, { city: 5 }, { region: 6 }, { line1: 12 }];
    for (const field of numbers) {
      const a = { line1: '1 Main St', ...field } as unknown as PostalAddress;
      expect(foldAddress(a, hasher, address)).toBe('not-folded');
    }
  });
});

describe('photo bands hashed without their text', () => {
  it('each band of a 64-bit hash hashes as the band key photoHashBands writes, for any distance', () => {
    const hex = pieces('0123456789abcdef'.split(''), 16, 16);
    const values = new Int32Array(MAX_PHOTO_BANDS);
    let bandsFolded = 0;
    fc.assert(
      fc.property(hex, fc.integer({ min: 0, max: 20 }), (h, distance) => {
        const keys = photoHashBands(h, distance);
        const bands = photoBandValues(h, distance, values);
        expect(bands).toBe(keys.length);
        for (let b = 0; b < bands; b++) {
          foldPhotoBand(b, values[b] as number, hasher, photo);
          expect([hasher.out[0], hasher.out[1]]).toEqual(hashOfText(photo, keys[b]));
          bandsFolded++;
        }
      }),
      { numRuns: 500 },
    );
    expect(bandsFolded).toBeGreaterThan(5000);
    // The extremes of a band: all bits clear and all set (the longest base-36 text).
    for (const h of ['0000000000000000', 'ffffffffffffffff']) {
      const keys = photoHashBands(h, 6);
      expect(photoBandValues(h, 6, values)).toBe(31);
      foldPhotoBand(30, values[30] as number, hasher, photo);
      expect([hasher.out[0], hasher.out[1]]).toEqual(hashOfText(photo, keys[30]));
    }
    // Not 16 lower-case hex digits: left to the text path.
    for (const h of ['f0f0', 'F0F0F0F0F0F0F0F0', 'f0f0f0f0f0f0f0fg', '0123456789abcdef01']) expect(photoBandValues(h, 6, values)).toBe(-1);
  });
});

describe('resume bands hashed without their text', () => {
  it('each band of a MinHash signature hashes as the band key minHashBands writes, for any bands and rows', () => {
    const shape = fc.record({ bands: fc.integer({ min: 1, max: 24 }), rows: fc.integer({ min: 1, max: 5 }) });
    let bandsFolded = 0;
    fc.assert(
      fc.property(shape, fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 130 }), ({ bands, rows }, values) => {
        const sig = Uint32Array.from(values);
        const options = { shingleSize: 3, bands, rows };
        const keys = minHashBands(sig, options);
        expect(keys).toHaveLength(bands);
        for (let b = 0; b < bands; b++) {
          foldTextBand(b, minHashBandValue(sig, b, rows), hasher, text);
          expect([hasher.out[0], hasher.out[1]]).toEqual(hashOfText(text, keys[b]));
          bandsFolded++;
        }
      }),
      { numRuns: 300 },
    );
    expect(bandsFolded).toBeGreaterThan(2000);
    const sig = minHash('built and scaled the payments platform for mobile and cloud teams') as Uint32Array;
    const keys = minHashBands(sig);
    expect(keys).toHaveLength(16);
    foldTextBand(15, minHashBandValue(sig, 15, 4), hasher, text);
    expect([hasher.out[0], hasher.out[1]]).toEqual(hashOfText(text, keys[15]));
  });
});

describe('addresses of one subject', () => {
  it('give the key each normalises to, when a ship-to address repeats the home or differs from it in one field', () => {
    const home = { line1: '12 North Main Street', line2: 'Apt 4', postalCode: '37201', country: 'US' };
    const variants = [
      home,
      { ...home },
      { ...home, line2: 'Apt 5' },
      { ...home, country: 'CA' },
      { ...home, postalCode: undefined, city: 'Nashville' },
      { ...home },
    ];
    const subject = {
      id: 's1',
      identity: { residence: { address: home } },
      shipments: variants.map((address, i) => ({ id: `ship-${i}`, address })),
    } as unknown as Subject;
    const keys = extractLinkKeys(subject, []).filter((k) => k.kind === 'address');
    const expected = [home, ...variants].map((a, i) => [i === 0 ? 's1' : `ship-${i - 1}`, normalizeAddress(a)]);
    expect(keys.map((k) => [k.recordId, k.key]).sort()).toEqual(expected.sort());
    expect(new Set(keys.map((k) => k.key)).size).toBe(4);
  });
});
