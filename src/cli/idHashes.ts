import { HashTable64 } from '../engine/hashTable64';
import { fnv1a64Basis, fnv1a64Continue } from '../util/hash';

// The repeated-id check of a partitioned input held in memory: each range thread keeps a 64-bit
// hash of every event and suppression id it reads (8 bytes an id, no id text), the main thread
// finds the hashes seen twice or more across all ranges, and each partition's thread then counts
// the valid copies of the ids with those hashes, exactly, by id text. A hash shared by two
// different ids only costs an exact count that finds each once. The subjects' owners (the range
// that read the most of a subject's records) are settled from the same kind of hash lists, in
// `HashTable64`s: 12 bytes a slot and no object per subject, since the main thread and every
// range thread hold one entry for each subject of the input.

/** The 64-bit FNV-1a hashes of ids, as `[high, low]` pairs of unsigned 32-bit halves, appended one id at a time. */
export class IdHashList {
  private pairs = new Uint32Array(1024);
  private size = 0;
  private readonly out = new Uint32Array(2);

  /** Appends the hash of `id`. */
  add(id: string): void {
    if (this.size === this.pairs.length) {
      const grown = new Uint32Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    fnv1a64Continue(id, fnv1a64Basis[0], fnv1a64Basis[1], this.out);
    this.pairs[this.size++] = this.out[0] as number;
    this.pairs[this.size++] = this.out[1] as number;
  }

  /** The hashes appended, in order, two halves each (a copy sized to them, to post to another thread). */
  toArray(): Uint32Array {
    return this.pairs.slice(0, this.size);
  }
}

/**
 * The hashes that occur twice or more in `lists` (each a list of `[high, low]` pairs), each once,
 * in the order of their second occurrence: one {@link HashTable64} of the hashes seen, so the work
 * is linear in the ids.
 */
export function repeatedHashes(lists: readonly Uint32Array[]): Uint32Array {
  const total = lists.reduce((sum, list) => sum + list.length / 2, 0);
  // Per hash: 1 once seen, 2 once seen again (and already in `repeated`).
  const seen = new HashTable64(total);
  const repeated: number[] = [];
  for (const list of lists) {
    for (let i = 0; i < list.length; i += 2) {
      const hi = list[i] as number;
      const lo = list[i + 1] as number;
      if (seen.setIfAbsent(hi, lo, 1) === 1) {
        seen.set(hi, lo, 2);
        repeated.push(hi, lo);
      }
    }
  }
  return Uint32Array.from(repeated);
}

/** A test of whether an id's hash is one of `pairs` (`[high, low]` pairs); false for every id when there are none. */
export function hashedAmong(pairs: Uint32Array): (id: string) => boolean {
  if (pairs.length === 0) return () => false;
  const among = new HashTable64(pairs.length / 2);
  for (let i = 0; i < pairs.length; i += 2) among.set(pairs[i] as number, pairs[i + 1] as number, 1);
  const out = new Uint32Array(2);
  return (id) => {
    fnv1a64Continue(id, fnv1a64Basis[0], fnv1a64Basis[1], out);
    return among.get(out[0] as number, out[1] as number) !== undefined;
  };
}

/**
 * The range that owns each subject: the one that read the most of its records (subject, events,
 * suppressions), the first of them on a tie. `lists` has, per byte range in input order, the
 * hashes of the subject keys it read as `[high, low]` pairs, and `counts` the records of each.
 * Returns `[high, low, range]` triples, one per distinct hash. A file grouped by subject keeps
 * nearly every subject in the range that read it; a file ordered otherwise (every subject line
 * first, then the events by time) still spreads the subjects over the ranges.
 */
export function ownerTable(lists: readonly Uint32Array[], counts: readonly Uint32Array[]): Uint32Array {
  const total = lists.reduce((sum, list) => sum + list.length / 2, 0);
  // Each distinct hash's position in first-seen order, then its columns: no object per subject.
  const positions = new HashTable64(total);
  const high = new Uint32Array(total);
  const low = new Uint32Array(total);
  const owner = new Uint32Array(total);
  const most = new Uint32Array(total);
  let distinct = 0;
  lists.forEach((list, range) => {
    const count = counts[range] as Uint32Array;
    for (let i = 0; i < list.length; i += 2) {
      const hi = list[i] as number;
      const lo = list[i + 1] as number;
      const n = count[i / 2] as number;
      const at = positions.setIfAbsent(hi, lo, distinct);
      if (at === undefined) {
        high[distinct] = hi;
        low[distinct] = lo;
        owner[distinct] = range;
        most[distinct] = n;
        distinct++;
      } else if (n > (most[at] as number)) {
        owner[at] = range;
        most[at] = n;
      }
    }
  });
  const out = new Uint32Array(distinct * 3);
  for (let i = 0; i < distinct; i++) {
    out[3 * i] = high[i] as number;
    out[3 * i + 1] = low[i] as number;
    out[3 * i + 2] = owner[i] as number;
  }
  return out;
}

/**
 * A lookup of the owning range of a hash (`high`, `low`, as {@link IdHashList} gives them) in an
 * {@link ownerTable}; undefined for a hash the table lacks. For a caller that kept the hashes, so
 * no key is hashed again.
 */
export function ownerOfHash(table: Uint32Array): (high: number, low: number) => number | undefined {
  const owners = new HashTable64(table.length / 3);
  for (let i = 0; i < table.length; i += 3) owners.set(table[i] as number, table[i + 1] as number, table[i + 2] as number);
  return (high, low) => owners.get(high, low);
}

/** A lookup of the owning range of an id's hash in an {@link ownerTable}; undefined for a hash the table lacks. */
export function ownerOf(table: Uint32Array): (id: string) => number | undefined {
  const owner = ownerOfHash(table);
  const out = new Uint32Array(2);
  return (id) => {
    fnv1a64Continue(id, fnv1a64Basis[0], fnv1a64Basis[1], out);
    return owner(out[0] as number, out[1] as number);
  };
}
