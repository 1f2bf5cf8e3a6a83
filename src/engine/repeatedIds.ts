import { ShardedSet } from './shardedMap';
import { fnv1a32 } from '../util/hash';

/** Slots probed per id, on average, beyond which the table gives way to a `Set` (ids crafted to collide). */
const probeBudgetPerId = 16;
/** Ids the table takes at most (its slots are twice as many, 4 bytes each); more go to a `Set`. */
const maxTableIds = 2 ** 26;

/** Work done finding repeated ids, for tests that count it. */
export interface RepeatedIdWork {
  /** Table slots inspected. */
  probes: number;
  /** True when the probe budget ran out and a `Set` finished the work. */
  fellBack: boolean;
}

/**
 * The ids that occur more than once among `count` records, each with how many records share it.
 * A batch's event ids are checked once per batch: the table is sized once from the count (no
 * rehashing as it fills, as a `Map` or `Set` of the ids would) and holds record positions, not
 * the ids, with open addressing on a 32-bit FNV-1a hash of each id, confirmed by comparing the
 * ids themselves, so the answer is exact. Linear in the records: past {@link probeBudgetPerId}
 * probes per id on average (ids crafted to collide) the work is redone with a set.
 */
export function repeatedIds(count: number, idAt: (i: number) => string, work?: RepeatedIdWork): Map<string, number> {
  const repeated = new Map<string, number>();
  if (count > maxTableIds) return repeatedBySet(count, idAt, repeated, work);
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  const mask = capacity - 1;
  // Record position + 1 per slot; 0 is an empty slot.
  const slots = new Int32Array(capacity);
  const budget = count * probeBudgetPerId + 1024;
  let probes = 0;
  for (let i = 0; i < count; i++) {
    const id = idAt(i);
    let at = fnv1a32(id) & mask;
    for (;;) {
      probes++;
      const held = slots[at] as number;
      if (held === 0) {
        slots[at] = i + 1;
        break;
      }
      if (idAt(held - 1) === id) {
        repeated.set(id, (repeated.get(id) ?? 1) + 1);
        break;
      }
      at = (at + 1) & mask;
    }
    if (probes > budget) {
      if (work !== undefined) work.probes += probes;
      return repeatedBySet(count, idAt, new Map(), work);
    }
  }
  if (work !== undefined) work.probes += probes;
  return repeated;
}

function repeatedBySet(count: number, idAt: (i: number) => string, repeated: Map<string, number>, work?: RepeatedIdWork): Map<string, number> {
  if (work !== undefined) work.fellBack = true;
  const seen = new ShardedSet<string>();
  for (let i = 0; i < count; i++) {
    const id = idAt(i);
    const before = seen.size;
    seen.add(id);
    if (seen.size === before) repeated.set(id, (repeated.get(id) ?? 1) + 1);
  }
  return repeated;
}
