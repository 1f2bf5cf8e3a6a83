import { createHash, createHmac } from 'node:crypto';
import { fc, test as fcTest } from '@fast-check/vitest';
import { hmacSha256Hex, sha256 } from '../../src/util/sha256';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('pure-JS SHA-256 and HMAC-SHA256', () => {
  it('match node:crypto at the padding boundaries and for long keys', () => {
    for (const s of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'é漢字'.repeat(40)]) {
      expect(hex(sha256(new TextEncoder().encode(s)))).toBe(createHash('sha256').update(s).digest('hex'));
      for (const key of ['', 'key', 'k'.repeat(100)]) expect(hmacSha256Hex(key, s)).toBe(createHmac('sha256', key).update(s).digest('hex'));
    }
  });

  fcTest.prop([fc.string({ maxLength: 300 }), fc.string({ maxLength: 80 })], { seed: 256, numRuns: 200 })('match node:crypto on any text', (message, key) => {
    expect(hmacSha256Hex(key, message)).toBe(createHmac('sha256', key).update(message).digest('hex'));
  });
});
