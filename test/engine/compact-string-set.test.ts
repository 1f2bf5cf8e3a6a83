import { CompactStringSet } from '../../src/engine/compactStringSet';
import { HashTable64 } from '../../src/engine/hashTable64';

describe('HashTable64', () => {
  it('keeps the first value under a hash, including the hash 0:0 that marks empty slots', () => {
    const table = new HashTable64();
    expect(table.setIfAbsent(0, 0, 7)).toBeUndefined();
    expect(table.setIfAbsent(0, 0, 8)).toBe(7);
    expect(table.get(0, 0)).toBe(7);
    for (let i = 1; i <= 10_000; i++) expect(table.setIfAbsent(i, i * 31, i)).toBeUndefined();
    // Same low half, other high half: a different hash.
    expect(table.get(2, 31)).toBeUndefined();
    for (let i = 1; i <= 10_000; i += 37) expect(table.get(i, i * 31)).toBe(i);
    expect(table.size).toBe(10_001);
  });
});

/** Ids of the benchmark population's events: subject number, event number. */
function eventId(n: number): string {
  return `s${Math.floor(n / 200)}-${n % 200}`;
}

describe('CompactStringSet', () => {
  it('holds exactly the keys added, across growths of the table and many store blocks', { timeout: 120_000 }, () => {
    const set = new CompactStringSet();
    const count = 300_000;
    let added = 0;
    for (let n = 0; n < count; n++) if (set.add(eventId(n))) added++;
    expect(added).toBe(count);
    expect(set.size).toBe(count);
    let found = 0;
    let addedAgain = 0;
    for (let n = 0; n < count; n++) {
      if (set.has(eventId(n))) found++;
      if (set.add(eventId(n))) addedAgain++;
    }
    expect(found).toBe(count);
    expect(addedAgain).toBe(0);
    // Near misses: prefixes, extensions, other subjects.
    for (const key of ['s0-', 's0-2000', 's1500-0', 's1-1 ', 'S1-1', '']) expect(set.has(key)).toBe(false);
    expect(set.size).toBe(count);
    expect(set.overflowSize).toBe(0);
  });

  it('tells apart keys that differ only outside Latin-1, in lone surrogates, or in length', () => {
    const set = new CompactStringSet();
    const keys = [
      '',
      'é',
      'e\u0301',
      'ĕ',
      '\u0105',
      '\u0005',
      '\ud800',
      '\udc00',
      '\ud83d\ude00',
      '\ud83d\ude01',
      'a'.repeat(63),
      'a'.repeat(64),
      'a'.repeat(1024),
    ];
    for (const key of keys) expect(set.add(key)).toBe(true);
    for (const key of keys) expect(set.has(key)).toBe(true);
    // Characters whose low byte matches a stored one's: 'ą' (U+0105) against '\u0005'.
    expect(set.has('\u0205')).toBe(false);
    expect(set.has('\ufffd')).toBe(false);
    expect(set.has('a'.repeat(65))).toBe(false);
  });

  it('keeps keys over 1,024 characters exactly, beside the store', () => {
    const set = new CompactStringSet();
    const long = 'x'.repeat(5000);
    expect(set.add(long)).toBe(true);
    expect(set.has(long)).toBe(true);
    expect(set.has(`${long}y`)).toBe(false);
    expect(set.add(long)).toBe(false);
    expect(set.overflowSize).toBe(1);
  });

  it('stays exact when different keys share a hash: no false repeat, no missed one', () => {
    // A hash of the length alone: every key of a length collides with every other.
    const set = new CompactStringSet((key) => [0, key.length + 1]);
    const keys = ['ab', 'cd', 'ef', 'abc', 'x'.repeat(2000), 'y'.repeat(2000)];
    for (const key of keys) {
      expect(set.has(key)).toBe(false);
      expect(set.add(key)).toBe(true);
    }
    for (const key of keys) {
      expect(set.has(key)).toBe(true);
      expect(set.add(key)).toBe(false);
    }
    expect(set.has('gh')).toBe(false);
    expect(set.has('x'.repeat(1999) + 'y')).toBe(false);
    expect(set.size).toBe(keys.length);
    // 'cd', 'ef' and the second long key collide with an earlier key; the first long key is too long for the store.
    expect(set.overflowSize).toBe(4);
  });

  it('holds an event id of the benchmark population in 30 to 36 bytes', { timeout: 120_000 }, () => {
    const set = new CompactStringSet();
    // 150,000 ids: the table is 57% full, as a 20,000,000-id run's is (2^25 slots).
    const count = 150_000;
    let characters = 0;
    for (let n = 0; n < count; n++) {
      const id = eventId(n);
      characters += id.length;
      set.add(id);
    }
    const bytesPerId = set.byteLength / count;
    // Table: 12 bytes a slot, 262,144 slots. Store: a length byte and a byte a character, in 1 MiB blocks.
    expect(set.byteLength).toBe(262_144 * 12 + 2 * 1024 * 1024);
    expect(characters / count).toBeGreaterThan(7);
    expect(bytesPerId).toBeLessThan(36);
    expect(bytesPerId).toBeGreaterThan(30);
  });
});
