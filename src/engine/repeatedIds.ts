import { ShardedMap } from './shardedMap';

/** Work done finding repeated ids, for tests that count it. */
export interface RepeatedIdWork {
  /** Ids read back to compare with others of the same hash (the copies of a repeated id, or a 32-bit hash collision). */
  compared: number;
}

/** Bits of the hash sorted per pass: four passes of 256 buckets, each bucket's writes sequential. */
const RADIX_BITS = 8;
const RADIX = 1 << RADIX_BITS;
const PASSES = 32 / RADIX_BITS;

/**
 * The positions 0 to `count` - 1 ordered by `hashes` (as unsigned), ties in position order: a
 * least-significant-digit radix sort, linear and with sequential reads and writes, where a hash
 * table of a batch's ids is a cache miss at a random place per id. One loop per function, so
 * each is optimised for its own loop (a batch calls this once).
 */
function positionsByHash(hashes: Int32Array, count: number): Int32Array {
  let keys: Int32Array = hashes.slice(0, count);
  let order: Int32Array = positions(count);
  let nextKeys: Int32Array = new Int32Array(count);
  let nextOrder: Int32Array = new Int32Array(count);
  const starts = bucketStarts(keys);
  for (let pass = 0; pass < PASSES; pass++) {
    scatter(keys, order, nextKeys, nextOrder, starts, pass);
    const keysBefore = keys;
    keys = nextKeys;
    nextKeys = keysBefore;
    const orderBefore = order;
    order = nextOrder;
    nextOrder = orderBefore;
  }
  return order;
}

/** 0 to `count` - 1. */
function positions(count: number): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = i;
  return out;
}

/** For each pass, where each of its buckets starts in the pass's output: the counts of all four passes taken in one loop. */
function bucketStarts(keys: Int32Array): Int32Array {
  const starts = new Int32Array(PASSES * RADIX);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    for (let pass = 0; pass < PASSES; pass++) {
      const b = pass * RADIX + ((key >>> (pass * RADIX_BITS)) & (RADIX - 1));
      starts[b] = (starts[b] as number) + 1;
    }
  }
  for (let pass = 0; pass < PASSES; pass++) {
    let sum = 0;
    for (let b = pass * RADIX; b < (pass + 1) * RADIX; b++) {
      const n = starts[b] as number;
      starts[b] = sum;
      sum += n;
    }
  }
  return starts;
}

/** One pass: each key and its position to its bucket's next place, by the pass's byte of the key. */
function scatter(keys: Int32Array, order: Int32Array, nextKeys: Int32Array, nextOrder: Int32Array, starts: Int32Array, pass: number): void {
  const base = pass * RADIX;
  const shift = pass * RADIX_BITS;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    const b = base + ((key >>> shift) & (RADIX - 1));
    const at = starts[b] as number;
    starts[b] = at + 1;
    nextKeys[at] = key;
    nextOrder[at] = order[i] as number;
  }
}

/**
 * The ids that occur more than once among `count` records, each with how many records share it.
 * `hashes[i]` is `fnv1a32` of record `i`'s id (any 32-bit hash would do), taken when intake
 * read the record, so finding repeats does not read every record again. The records
 * are ordered by hash (a radix sort, linear), and only the records of a hash that more than one
 * shares are read again, to compare their ids, so the answer is exact: usually only the copies of
 * repeated ids. Linear whatever the ids, even crafted to share one hash (each run of equal hashes
 * is counted with a map of its ids).
 */
export function repeatedIds(count: number, hashes: Int32Array, idAt: (i: number) => string, work?: RepeatedIdWork): Map<string, number> {
  const repeated = new Map<string, number>();
  if (count < 2) return repeated;
  const order = positionsByHash(hashes, count);
  let compared = 0;
  let start = 0;
  for (let k = 1; k <= count; k++) {
    if (k < count && hashes[order[k] as number] === hashes[order[start] as number]) continue;
    const run = k - start;
    if (run === 2) {
      compared += 2;
      const id = idAt(order[start] as number);
      if (idAt(order[start + 1] as number) === id) repeated.set(id, 2);
    } else if (run > 2) {
      compared += run;
      const counts = new ShardedMap<string, number>();
      for (let j = start; j < k; j++) {
        const id = idAt(order[j] as number);
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      counts.forEach((n, id) => {
        if (n > 1) repeated.set(id, n);
      });
    }
    start = k;
  }
  if (work !== undefined) work.compared += compared;
  return repeated;
}
