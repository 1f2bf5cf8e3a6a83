import { SeenRecords } from '../../src/connectors/helpers/seen';
import { fnv1a64Hex } from '../../src/util/hash';

/** FNV-1a 64 as the specification writes it, with BigInt: the reference the 32-bit version must match. */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = ((hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, '0');
}

describe('fnv1a64Hex', () => {
  it('gives the FNV-1a 64-bit hash, so ids made from row content stay what they were', () => {
    for (const text of ['', 'a', 'hello', 'Côte d’Ivoire', '{"a":1}', 'x'.repeat(1000), '\uffff\u0000\ud83d\ude00'])
      expect(fnv1a64Hex(text), text).toBe(reference(text));
  });
});

describe('SeenRecords', () => {
  it('tells new keys from repeats with the same or other content, across many growths', () => {
    const seen = new SeenRecords();
    for (let i = 0; i < 50_000; i++) expect(seen.check(`event\u0000id-${i}`, `content-${i}`)).toBe('new');
    expect(seen.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) {
      expect(seen.check(`event\u0000id-${i}`, `content-${i}`)).toBe('identical');
      expect(seen.check(`event\u0000id-${i}`, 'other content')).toBe('conflicting');
    }
    expect(seen.check('subject\u0000id-1', 'content-1')).toBe('new');
    expect(seen.size).toBe(50_001);
  });
});
