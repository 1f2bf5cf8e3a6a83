import { formatIp, parseIp } from '../../src/index';
import { isCanonicalIpv4 } from '../../src/records/ip';

/** The dotted-quad reading by split and regex that the character scan replaced, as the reference. */
function referenceIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

/** Every string of up to `length` characters over `alphabet`. */
function* strings(alphabet: string, length: number): Generator<string> {
  yield '';
  let level = [''];
  for (let n = 1; n <= length; n++) {
    const next: string[] = [];
    for (const prefix of level) for (const c of alphabet) next.push(prefix + c);
    yield* next;
    level = next;
  }
}

describe('IPv4 reading by a character scan', () => {
  it('reads every short dotted string as the split-and-regex reading did', () => {
    let addresses = 0;
    for (const text of strings('029.a', 7)) {
      const expected = referenceIpv4(text);
      const parsed = parseIp(text);
      expect(parsed === undefined ? undefined : parsed.value, text).toBe(expected);
      if (expected !== undefined) addresses++;
    }
    // The alphabet reaches real addresses, so the comparison covers both answers.
    expect(addresses).toBeGreaterThan(50);
  });

  it('agrees on edge parts: leading zeros, 255 and 256, empty and extra parts, non-ASCII digits, IPv6 tails', () => {
    const cases = [
      '255.255.255.255',
      '256.1.1.1',
      '001.02.3.004',
      '1.2.3',
      '1.2.3.4.5',
      '1..2.3',
      '.1.2.3',
      '1.2.3.',
      '1.2.3.4 ',
      '١.2.3.4',
      '1.2.3.0x1',
      '0000.1.1.1',
    ];
    for (const text of cases) expect(parseIp(text)?.value, text).toBe(referenceIpv4(text.trim()));
    expect(formatIp(parseIp('::ffff:192.0.2.1') ?? { version: 6, value: 0n })).toBe('192.0.2.1');
    expect(parseIp('::ffff:192.0.2.256')).toBeUndefined();
  });

  it('calls a string canonical only when parseIp reads it and formats it back to itself', () => {
    for (const text of strings('025.', 8)) {
      const parsed = parseIp(text);
      const canonical = parsed !== undefined && parsed.version === 4 && formatIp(parsed) === text;
      expect(isCanonicalIpv4(text), text).toBe(canonical);
    }
  });
});
