import { buildCidrSet, cidrContains, minHash, minHashSimilarity, normalizeIp, parseCidr, parseIp } from '../../src/index';
import fc from 'fast-check';
import { foldText } from '../../src/linking/normalize';
import { hammingHex, minHashBands, minHashOfShingles, photoHashBands, photoHashBandsOfText, shingles, textWords } from '../../src/linking/lsh';

describe('IP addresses and CIDR ranges', () => {
  it('normalises IPv4 and IPv6', () => {
    expect(normalizeIp(' 192.0.2.1 ')).toBe('192.0.2.1');
    expect(normalizeIp('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(normalizeIp('[2001:db8::1]')).toBe('2001:db8::1');
    expect(normalizeIp('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeIp('256.1.1.1')).toBeUndefined();
    expect(normalizeIp('1:2:3')).toBeUndefined();
  });
  it('matches IPv4 and IPv6 ranges', () => {
    const v4 = parseCidr('10.1.0.0/16');
    const v6 = parseCidr('2001:db8:abcd::/48');
    expect(v4 && cidrContains(v4, parseIp('10.1.200.3')!)).toBe(true);
    expect(v4 && cidrContains(v4, parseIp('10.2.0.1')!)).toBe(false);
    expect(v6 && cidrContains(v6, parseIp('2001:db8:abcd:12::1')!)).toBe(true);
    expect(v6 && cidrContains(v6, parseIp('2001:db8:abce::1')!)).toBe(false);
    expect(v4 && cidrContains(v4, parseIp('2001:db8::1')!)).toBe(false);
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('10.0.0.7')).toEqual({ version: 4, prefix: 32, network: parseIp('10.0.0.7')!.value });
  });
  it('handles the edge prefixes /0, /32 and /128 and mapped ranges', () => {
    const all4 = parseCidr('0.0.0.0/0')!;
    expect(cidrContains(all4, parseIp('255.255.255.255')!)).toBe(true);
    expect(cidrContains(all4, parseIp('::1')!)).toBe(false);
    const all6 = parseCidr('::/0')!;
    expect(cidrContains(all6, parseIp('ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe')!)).toBe(true);
    expect(cidrContains(all6, parseIp('10.0.0.1')!)).toBe(false);
    const one4 = parseCidr('192.0.2.7/32')!;
    expect(cidrContains(one4, parseIp('192.0.2.7')!)).toBe(true);
    expect(cidrContains(one4, parseIp('192.0.2.6')!)).toBe(false);
    const one6 = parseCidr('2001:db8::1/128')!;
    expect(cidrContains(one6, parseIp('2001:db8:0::1')!)).toBe(true);
    expect(cidrContains(one6, parseIp('2001:db8::2')!)).toBe(false);
    expect(parseCidr('2001:db8::/129')).toBeUndefined();
    expect(parseCidr('10.0.0.0/-1')).toBeUndefined();
    expect(parseCidr('10.0.0.0/8/8')).toBeUndefined();
    // Host bits are cleared: 10.1.2.3/8 is the range 10.0.0.0/8.
    expect(cidrContains(parseCidr('10.1.2.3/8')!, parseIp('10.200.0.1')!)).toBe(true);
    expect(cidrContains(parseCidr('::ffff:10.0.0.0/104')!, parseIp('10.9.9.9')!)).toBe(true);
    const set = buildCidrSet([
      { cidr: '0.0.0.0/0', value: 'all' },
      { cidr: '192.0.2.7/32', value: 'one' },
    ]);
    expect(set.lookup(parseIp('192.0.2.7')!).sort()).toEqual(['all', 'one']);
  });
  it('looks up many ranges by prefix bucket', () => {
    const set = buildCidrSet([
      { cidr: '10.0.0.0/8', value: 'a' },
      { cidr: '10.1.0.0/16', value: 'b' },
      { cidr: '2001:db8::/32', value: 'c' },
      { cidr: 'garbage', value: 'd' },
    ]);
    expect(set.lookup(parseIp('10.1.2.3')!).sort()).toEqual(['a', 'b']);
    expect(set.lookup(parseIp('10.9.2.3')!)).toEqual(['a']);
    expect(set.lookup(parseIp('2001:db8:1::5')!)).toEqual(['c']);
    expect(set.lookup(parseIp('192.0.2.1')!)).toEqual([]);
  });
});

describe('photo hash bands', () => {
  let seed = 7;
  const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const randomBits = (): number[] => Array.from({ length: 64 }, () => (rnd() < 0.5 ? 1 : 0));
  const hex = (b: number[]): string => Array.from({ length: 16 }, (_, i) => parseInt(b.slice(i * 4, i * 4 + 4).join(''), 2).toString(16)).join('');
  const flip = (bits: number[], n: number): number[] => {
    const out = [...bits];
    const order = Array.from({ length: 64 }, (_, i) => i).sort(() => rnd() - 0.5);
    for (const i of order.slice(0, n)) out[i] = 1 - (out[i] as number);
    return out;
  };
  const share = (a: string, b: string): boolean => {
    const A = new Set(photoHashBands(a, 6));
    return photoHashBands(b, 6).some((x) => A.has(x));
  };

  it('measures Hamming distance on hex', () => {
    expect(hammingHex('f0f0f0f0f0f0f0f0', 'f0f0f0f1f0f0f0e0')).toBe(2);
    expect(hammingHex('ff', 'fff')).toBe(Infinity);
    expect(photoHashBands('f0f0f0f0f0f0f0f0', 6)).toHaveLength(31);
  });
  it('signs a text as the set of its shingle texts does, words split as the Unicode expression splits them', () => {
    const word = fc.constantFrom('react', 'Node', 'AWS', 'c++', 'Zürich', 'добрый', '42', 'led,', 'ß', '');
    const text = fc.oneof(
      fc.array(word, { maxLength: 12 }).map((w) => w.join(' ')),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 4 }), (t, shingleSize) => {
        expect(textWords(t)).toEqual(
          foldText(t)
            .split(/[^\p{L}\p{N}]+/u)
            .filter((w) => w !== ''),
        );
        const options = { shingleSize, bands: 4, rows: 2 };
        expect(minHash(t, options)).toEqual(minHashOfShingles(shingles(t, shingleSize), options));
      }),
      { numRuns: 300 },
    );
  });
  it('signs with the hash functions of each signature length, whatever length was asked for before', () => {
    const text = 'senior engineer led payments platform team built services';
    const small = { shingleSize: 2, bands: 2, rows: 2 };
    const first = minHash(text, small);
    const long = minHash(text);
    expect(minHash(text, small)).toEqual(first);
    expect(minHash(text)).toEqual(long);
    // The first positions of a longer signature use the same functions as a shorter one.
    expect(Array.from(minHash(text, { ...small, shingleSize: 3 }) ?? [])).toEqual(Array.from(long ?? []).slice(0, 4));
    expect(minHashOfShingles(shingles(text, 2), small)).toEqual(first);
  });
  it('gives 16-digit hashes the band keys of their bits read as text, whatever the distance and case', () => {
    const digits = fc.constantFrom(...'0123456789abcdefABCDEF');
    fc.assert(
      fc.property(fc.array(digits, { minLength: 16, maxLength: 16 }), fc.integer({ min: 0, max: 20 }), (ds, distance) => {
        const hash = ds.join('');
        expect(photoHashBands(hash, distance)).toEqual(photoHashBandsOfText(hash.toLowerCase(), distance));
      }),
      { numRuns: 300 },
    );
    // Not hex: read as text, as before.
    expect(photoHashBands('f0f0f0f0f0f0f0fz', 6)).toEqual(photoHashBandsOfText('f0f0f0f0f0f0f0fz', 6));
  });
  it('always buckets hashes within 2 bits together and nearly always at 6', () => {
    let hits6 = 0;
    for (let trial = 0; trial < 300; trial++) {
      const bits = randomBits();
      expect(share(hex(bits), hex(flip(bits, 1 + (trial % 2))))).toBe(true);
      if (share(hex(bits), hex(flip(bits, 6)))) hits6++;
    }
    expect(hits6 / 300).toBeGreaterThanOrEqual(0.9);
  });
  it('keeps unrelated hashes apart', () => {
    let collisions = 0;
    for (let trial = 0; trial < 300; trial++) if (share(hex(randomBits()), hex(randomBits()))) collisions++;
    expect(collisions).toBeLessThanOrEqual(1);
    expect(share('f0f0f0f0f0f0f0f0', '0f0f0f0f0f0f0f0f')).toBe(false);
  });
});

describe('MinHash', () => {
  const base =
    'Senior full stack engineer with eight years of experience building scalable web applications with React Node.js and AWS. Led a team of five developers delivering a fintech payments platform, improved performance by forty percent and mentored junior engineers.';
  it('estimates high similarity for near-duplicates and low for unrelated text', () => {
    const near = base.replace('eight years', 'seven years').replace('five developers', 'six developers');
    const other =
      'Data analyst who enjoys turning messy spreadsheets into dashboards; experienced with SQL, Tableau and Python, previously at a retail chain forecasting seasonal demand for stores.';
    const s = minHash(base)!;
    expect(minHashSimilarity(s, minHash(near)!)).toBeGreaterThan(0.6);
    expect(minHashSimilarity(s, minHash(other)!)).toBeLessThan(0.2);
    const bands = new Set(minHashBands(s));
    expect(minHashBands(minHash(near)!).some((b) => bands.has(b))).toBe(true);
    expect(minHash('   ')).toBeUndefined();
    // Text in another script has shingles like English text (it was folded away to nothing).
    const ru = 'Старший разработчик программного обеспечения с опытом работы в облачных системах и распределённых базах данных';
    expect(minHash(ru)).toBeDefined();
    expect(minHashSimilarity(minHash(ru)!, minHash(`${ru} и микросервисах`)!)).toBeGreaterThan(0.6);
    expect(minHashSimilarity(minHash(ru)!, minHash('Ведущий аналитик данных в банковской сфере, отчётность и визуализация для руководства')!)).toBeLessThan(
      0.2,
    );
  });
  it('is deterministic and folds case and punctuation', () => {
    expect(minHash(base)).toEqual(minHash(base.toUpperCase().replace(/\./g, ' ')));
  });
});
