import { repeatedIds, type RepeatedIdWork } from '../../src/engine/repeatedIds';
import { fnv1a32 } from '../../src/util/hash';

/** `repeatedIds` over a list of ids, with their hashes taken as intake takes them. */
function repeatedOf(ids: readonly string[], work?: RepeatedIdWork, hashOf: (id: string) => number = (id) => fnv1a32(id)): Map<string, number> {
  const hashes = Int32Array.from(ids, hashOf);
  return repeatedIds(ids.length, hashes, (i) => ids[i] as string, work);
}

/** The repeated ids of a list as a plain map of every id counts them, in id order. */
function plainRepeats(ids: readonly string[]): Map<string, number> {
  const all = new Map<string, number>();
  for (const id of ids) all.set(id, (all.get(id) ?? 0) + 1);
  return new Map([...all].filter(([, n]) => n > 1).sort());
}

const sorted = (m: Map<string, number>): Map<string, number> => new Map([...m].sort());

describe('repeatedIds', () => {
  it('counts the copies of every repeated id, exactly, whatever the order', () => {
    const ids = ['a', 'b', 'a', 'c', 'b', 'a', 'd', ''];
    const expected = new Map([
      ['a', 3],
      ['b', 2],
    ]);
    expect(sorted(repeatedOf(ids))).toEqual(expected);
    expect(sorted(repeatedOf([...ids].reverse()))).toEqual(expected);
    expect(repeatedOf([]).size).toBe(0);
    expect(repeatedOf(['only']).size).toBe(0);
  });

  it('reads ids back only for the copies of repeated ids and rare hash collisions, counted', () => {
    for (const n of [1_000, 100_000]) {
      const work: RepeatedIdWork = { compared: 0 };
      const found = repeatedOf(
        Array.from({ length: n }, (_, i) => `s${i >> 7}-${i & 127}`),
        work,
      );
      expect(found.size).toBe(0);
      // Distinct ids sharing a 32-bit hash: a few pairs at most at these sizes (8 pairs at 100,000).
      expect(work.compared).toBeLessThan(40);
    }
    const work: RepeatedIdWork = { compared: 0 };
    // Every hundredth id is a copy of the one before it: 1,000 pairs, each read back once.
    const found = repeatedOf(
      Array.from({ length: 100_000 }, (_, i) => (i % 100 === 99 ? `e${i - 1}` : `e${i}`)),
      work,
    );
    expect(found.size).toBe(1_000);
    expect(work.compared).toBeGreaterThanOrEqual(2_000);
    expect(work.compared).toBeLessThan(2_020);
  });

  it('gives the counts a plain map of the ids gives, on random ids with many repeats', () => {
    // A seeded generator (no clock, no Math.random): ids from small alphabets, so many repeat.
    let state = 12345;
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 8;
    };
    for (let round = 0; round < 50; round++) {
      const count = next() % 3_000;
      const width = 1 + (next() % 4);
      const ids = Array.from({ length: count }, () => (next() % 36 ** width).toString(36));
      expect(sorted(repeatedOf(ids))).toEqual(plainRepeats(ids));
    }
  });

  it('stays exact and linear when every id shares one hash', () => {
    // A hash that puts every id in one run: each id is read back once, no pair compared twice.
    const ids = [...Array.from({ length: 5_000 }, (_, i) => `x${i}`), 'x5', 'x4999', 'x5'];
    const work: RepeatedIdWork = { compared: 0 };
    const found = repeatedOf(ids, work, () => 7);
    expect(sorted(found)).toEqual(
      new Map([
        ['x4999', 2],
        ['x5', 3],
      ]),
    );
    expect(work.compared).toBe(ids.length);
    // Hashes that differ only in their top bits (the radix sort's last pass) still group their ids.
    const high = (id: string): number => (fnv1a32(id) & 1) << 31;
    expect(sorted(repeatedOf(ids, undefined, high))).toEqual(plainRepeats(ids));
  });
});
