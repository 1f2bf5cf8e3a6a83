import fc from 'fast-check';
import { hashedAmong, IdHashList, ownerOf, ownerTable, repeatedHashes } from '../../src/cli/idHashes';
import { fnv1a64Parts } from '../../src/util/hash';

/** The `[high, low]` pairs of some ids, as a range thread sends them. */
function hashesOf(ids: readonly string[]): Uint32Array {
  const list = new IdHashList();
  for (const id of ids) list.add(id);
  return list.toArray();
}

/** The pairs of a list as `high:low` keys, to compare as sets. */
function keys(pairs: Uint32Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) out.push(`${pairs[i]}:${pairs[i + 1]}`);
  return out;
}

describe('the repeated-id check by 64-bit hashes', () => {
  it('keeps the 64-bit FNV-1a hash of each id in order, growing past its first buffer', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `evt-${i}`);
    const pairs = hashesOf(ids);
    expect(pairs).toHaveLength(6000);
    ids.forEach((id, i) => expect([pairs[2 * i], pairs[2 * i + 1]]).toEqual(fnv1a64Parts(id)));
  });

  it('finds each hash seen twice or more, once, within a range and across ranges, whatever the split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'é', '', 'x'.repeat(40)), { maxLength: 60 }),
        fc.nat(60),
        fc.nat(60),
        (ids, a, b) => {
          const [cut1, cut2] = [Math.min(a, b, ids.length), Math.min(Math.max(a, b), ids.length)];
          const lists = [ids.slice(0, cut1), ids.slice(cut1, cut2), ids.slice(cut2)].map(hashesOf);
          const counts = new Map<string, number>();
          for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
          const expected = [...counts].filter(([, n]) => n > 1).map(([id]) => keys(hashesOf([id]))[0]);
          const found = keys(repeatedHashes(lists));
          expect(found).toHaveLength(new Set(found).size);
          expect(new Set(found)).toEqual(new Set(expected));
        },
      ),
    );
  });

  it('finds nothing among distinct ids, and tells the ids with a candidate hash from the others', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `evt-${i}`);
    expect(repeatedHashes([hashesOf(ids.slice(0, 2500)), hashesOf(ids.slice(2500))])).toHaveLength(0);
    expect(repeatedHashes([])).toHaveLength(0);
    const among = hashedAmong(hashesOf(['evt-7', 'evt-4000']));
    expect(ids.filter(among)).toEqual(['evt-7', 'evt-4000']);
    expect(ids.some(hashedAmong(new Uint32Array(0)))).toBe(false);
  });

  it('matches a hash by both halves: an id sharing only the low half is not a candidate', () => {
    const [hi, lo] = fnv1a64Parts('evt-1');
    const among = hashedAmong(Uint32Array.from([(hi + 1) >>> 0, lo]));
    expect(among('evt-1')).toBe(false);
    expect(hashedAmong(Uint32Array.from([(hi + 1) >>> 0, lo, hi, lo]))('evt-1')).toBe(true);
  });
});

describe('the owners of subject ids held by ranges', () => {
  it('gives each subject to the range that read the most of its records, the first on a tie, once, and no range to a subject no range read', () => {
    const ranges = [hashesOf(['s1', 's2', 's4']), hashesOf([]), hashesOf(['s3', 's2', 's1']), hashesOf(['s1', 's4'])];
    const counts = [Uint32Array.from([3, 1, 2]), new Uint32Array(0), Uint32Array.from([1, 5, 3]), Uint32Array.from([3, 2])];
    const table = ownerTable(ranges, counts);
    expect(table).toHaveLength(4 * 3);
    const owner = ownerOf(table);
    expect(['s1', 's2', 's3', 's4', 's5'].map(owner)).toEqual([0, 2, 2, 0, undefined]);
    expect(ownerOf(ownerTable([], []))('s1')).toBeUndefined();
  });

  it('gives, for any ranges, the owner a plain reading of the rule gives: most records, the first range on a tie', () => {
    const subjectIds = fc.array(fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6'), { maxLength: 6 });
    const range = subjectIds.chain((ids) => fc.tuple(fc.constant([...new Set(ids)]), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 })));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 5 }), (ranges) => {
        const expected = new Map<string, { range: number; count: number }>();
        ranges.forEach(([ids, counts], r) =>
          ids.forEach((id, i) => {
            const seen = expected.get(id);
            if (seen === undefined || (counts[i] as number) > seen.count) expected.set(id, { range: r, count: counts[i] as number });
          }),
        );
        const table = ownerTable(
          ranges.map(([ids]) => hashesOf(ids)),
          ranges.map(([ids, counts]) => Uint32Array.from(counts.slice(0, ids.length))),
        );
        expect(table).toHaveLength(expected.size * 3);
        const owner = ownerOf(table);
        for (const id of ['s1', 's2', 's3', 's4', 's5', 's6']) expect(owner(id)).toBe(expected.get(id)?.range);
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart two hashes that share their low half', () => {
    const [hi, lo] = fnv1a64Parts('s1');
    const owner = ownerOf(Uint32Array.from([(hi + 1) >>> 0, lo, 5, hi, lo, 7]));
    expect(owner('s1')).toBe(7);
    expect(ownerOf(Uint32Array.from([(hi + 1) >>> 0, lo, 5]))('s1')).toBeUndefined();
  });
});
