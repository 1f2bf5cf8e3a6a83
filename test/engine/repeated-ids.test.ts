import { repeatedIds, type RepeatedIdWork } from '../../src/engine/repeatedIds';

/** 32-bit FNV-1a, as the table hashes ids: for crafting ids that collide in its slots. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let c = 0; c < text.length; c++) hash = Math.imul(hash ^ text.charCodeAt(c), 0x01000193);
  return hash;
}

describe('repeatedIds', () => {
  it('counts the copies of every repeated id, exactly, whatever the order', () => {
    const ids = ['a', 'b', 'a', 'c', 'b', 'a', 'd', ''];
    const expected = new Map([
      ['a', 3],
      ['b', 2],
    ]);
    expect(repeatedIds(ids.length, (i) => ids[i] as string)).toEqual(expected);
    const reversed = [...ids].reverse();
    expect(new Map([...repeatedIds(reversed.length, (i) => reversed[i] as string)].sort())).toEqual(new Map([...expected].sort()));
    expect(repeatedIds(0, () => '').size).toBe(0);
  });

  it('is linear: a few probes per id for ordinary ids, counted', () => {
    for (const n of [1_000, 100_000]) {
      const work: RepeatedIdWork = { probes: 0, fellBack: false };
      const found = repeatedIds(n, (i) => `s${i >> 7}-${i & 127}`, work);
      expect(found.size).toBe(0);
      expect(work.fellBack).toBe(false);
      expect(work.probes).toBeLessThan(3 * n);
    }
  });

  it('gives way to a set, still exact and linear, when ids are crafted to collide in the table', () => {
    // 300 ids in 1,024 slots: ids whose hashes share their low 10 bits all probe one run of slots.
    const colliding: string[] = [];
    for (let k = 0; colliding.length < 300; k++) if ((fnv1a(`x${k}`) & 1023) === 7) colliding.push(`x${k}`);
    const ids = [...colliding, colliding[5] as string, colliding[299] as string];
    const work: RepeatedIdWork = { probes: 0, fellBack: false };
    const found = repeatedIds(ids.length, (i) => ids[i] as string, work);
    expect(work.fellBack).toBe(true);
    expect(work.probes).toBeLessThanOrEqual(ids.length * 16 + 1024 + ids.length);
    expect(found).toEqual(
      new Map([
        [colliding[5], 2],
        [colliding[299], 2],
      ]),
    );
  });
});
