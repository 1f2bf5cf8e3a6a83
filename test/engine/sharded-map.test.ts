import { readFileSync } from 'node:fs';
import { createScorer, type BatchInput } from '../../src/index';
import { ShardedMap, ShardedSet, withShardCapacity } from '../../src/engine/shardedMap';

/** A small seeded generator (a linear congruential one): the same sequence of operations every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

const population = JSON.parse(readFileSync(new URL('../../examples/demo/population.json', import.meta.url), 'utf8')) as BatchInput;

describe('ShardedMap and ShardedSet behave as Map and Set across shards', () => {
  it('gives what a Map gives for a random sequence of set, delete, get and has, with 3 entries per shard', () => {
    const rand = seeded(7);
    withShardCapacity(3, () => {
      const sharded = new ShardedMap<string, number | undefined>();
      const plain = new Map<string, number | undefined>();
      for (let step = 0; step < 5_000; step++) {
        const key = `k${Math.floor(rand() * 60)}`;
        const op = rand();
        if (op < 0.55) {
          // Undefined values too: get must not mistake them for a missing key in another shard.
          const value = rand() < 0.1 ? undefined : step;
          sharded.set(key, value);
          plain.set(key, value);
        } else if (op < 0.75) {
          expect(sharded.delete(key)).toBe(plain.delete(key));
        } else {
          expect(sharded.get(key)).toBe(plain.get(key));
          expect(sharded.has(key)).toBe(plain.has(key));
        }
        expect(sharded.size).toBe(plain.size);
      }
      expect([...sharded]).toEqual([...plain]);
      expect([...sharded.keys()]).toEqual([...plain.keys()]);
      expect([...sharded.values()]).toEqual([...plain.values()]);
      expect(sharded.shardCount).toBeGreaterThan(1);
    });
  });

  it('puts each key in one shard only, and starts a shard exactly when the last is full', () => {
    withShardCapacity(2, () => {
      const map = new ShardedMap<string, number>();
      for (const key of ['a', 'b', 'a', 'b']) map.set(key, 1);
      expect(map.shardCount).toBe(1);
      map.set('c', 1);
      expect(map.shardCount).toBe(2);
      map.set('a', 2);
      expect(map.size).toBe(3);
      expect(map.get('a')).toBe(2);
      expect([...map.keys()]).toEqual(['a', 'b', 'c']);
      const set = new ShardedSet(['x', 'y', 'z', 'x']);
      expect(set.size).toBe(3);
      expect(set.shardCount).toBe(2);
      expect([...set]).toEqual(['x', 'y', 'z']);
    });
  });

  it('refuses a capacity that is not a whole number of at least 1', () => {
    expect(() => withShardCapacity(0, () => undefined)).toThrow(RangeError);
    expect(() => withShardCapacity(1.5, () => undefined)).toThrow(RangeError);
  });

  it('restores the capacity after the body, even when it throws', () => {
    expect(() =>
      withShardCapacity(1, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    const map = new ShardedMap<number, number>([
      [1, 1],
      [2, 2],
    ]);
    expect(map.shardCount).toBe(1);
  });
});

describe('the batch path holds population-sized collections in shards', () => {
  it('scoreBatch gives the same result when every sharded collection holds 2 entries per shard (demo population: ids, events, links)', () => {
    const scorer = createScorer();
    const whole = scorer.scoreBatch(population);
    // Duplicate and orphan records, so the id counts and the grouping reject across shards too.
    const withProblems: BatchInput = {
      ...population,
      subjects: [...(population.subjects as unknown[]), { id: 'dup' }, { id: 'dup' }],
      events: [...(population.events ?? []), { id: 'orphan-1', subjectId: 'nobody', type: 'session', at: '2025-01-01T00:00:00Z' }],
    };
    const sharded = withShardCapacity(2, () => scorer.scoreBatch(withProblems));
    const plain = scorer.scoreBatch(withProblems);
    expect(JSON.stringify(sharded)).toBe(JSON.stringify(plain));
    expect(sharded.reports.length).toBe(whole.reports.length);
    expect(sharded.rejected.map((r) => `${r.kind}:${r.recordId}`).sort()).toEqual(['event:orphan-1', 'subject:dup', 'subject:dup']);
    // The demo population has links, so the link index and union-find ran sharded too.
    expect(sharded.reports.some((r) => r.reasons.some((reason) => reason.indicatorId.startsWith('linkage/')))).toBe(true);
  }, 120_000);

  it('holds more than 2^24 keys (V8 limit of one Map or Set) with the default capacity', () => {
    const limit = 2 ** 24;
    const set = new ShardedSet<number>();
    for (let i = 0; i < limit + 1_000; i++) set.add(i);
    expect(set.size).toBe(limit + 1_000);
    expect(set.shardCount).toBe(3);
    expect(set.has(0)).toBe(true);
    expect(set.has(limit + 999)).toBe(true);
    expect(set.has(limit + 1_000)).toBe(false);
  }, 240_000);
});
