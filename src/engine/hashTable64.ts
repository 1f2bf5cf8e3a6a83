import { fnv1a64Basis, fnv1a64Continue, fnv1a64Parts } from '../util/hash';

/** Words (32-bit) per slot: key hash high, key hash low, value. */
const SLOT_WORDS = 3;
/** Slots of a new table (a power of two). */
const INITIAL_CAPACITY = 1024;

/**
 * A map from 64-bit string hashes to unsigned 32-bit values in one `Uint32Array`, for sets sized
 * by the population (record keys of an import, event ids of a `--stream` run) where a `Map` of
 * strings costs 80 to 150 bytes an entry and stops at 2^24 entries. Open addressing with linear
 * probing, 12 bytes a slot, kept between 3/8 and 3/4 full: 16 to 32 bytes an entry, whatever
 * the length of the keys. It holds hashes, not keys: two different keys with the same 64-bit
 * FNV-1a hash share an entry (probability about n² / 2^65 for n keys), so a caller that must
 * tell them apart checks the key itself on a hit (as {@link CompactStringSet} does).
 */
export class HashTable64 {
  #capacity: number;
  #size = 0;
  /** Per slot: hash high, hash low, value. The hash 0:0 marks an empty slot; a key that hashes to it is held in {@link #zeroValue}. */
  #slots: Uint32Array;
  #zeroValue: number | undefined;
  #probes = 0;

  /**
   * @param expected Entries the caller expects (a hint): the table starts large enough to hold
   * them without growing, so a population-sized table is not copied at every doubling.
   */
  constructor(expected = 0) {
    let capacity = INITIAL_CAPACITY;
    while (capacity * 3 < expected * 4) capacity *= 2;
    this.#capacity = capacity;
    this.#slots = new Uint32Array(capacity * SLOT_WORDS);
  }

  /** The 64-bit FNV-1a hash of a key as `[high, low]` (the hash the table is keyed by). */
  static hash(key: string): [number, number] {
    return fnv1a64Parts(key);
  }

  /** {@link HashTable64.hash} written into `out` (`[high, low]`): no array per call, for loops over millions of keys. */
  static hashInto(key: string, out: Uint32Array): void {
    fnv1a64Continue(key, fnv1a64Basis[0], fnv1a64Basis[1], out);
  }

  /** Entries held. */
  get size(): number {
    return this.#size + (this.#zeroValue !== undefined ? 1 : 0);
  }

  /** Bytes of the table's storage (its slots), for memory accounting. */
  get byteLength(): number {
    return this.#slots.byteLength;
  }

  /** Slots inspected so far, re-insertion when the table grows included: the work, for tests that count it. */
  get probes(): number {
    return this.#probes;
  }

  /** The value stored under a hash, or undefined when the hash is not held. */
  get(hi: number, lo: number): number | undefined {
    if (hi === 0 && lo === 0) return this.#zeroValue;
    const at = this.#slot(hi, lo);
    return this.#occupied(at) ? (this.#slots[at + 2] as number) : undefined;
  }

  /**
   * Stores `value` (an unsigned 32-bit integer) under a hash when the hash is not held yet.
   * Returns the value already stored when it is (which stays), or undefined when it was added.
   */
  setIfAbsent(hi: number, lo: number, value: number): number | undefined {
    if (hi === 0 && lo === 0) {
      if (this.#zeroValue !== undefined) return this.#zeroValue;
      this.#zeroValue = value >>> 0;
      return undefined;
    }
    const at = this.#slot(hi, lo);
    const slots = this.#slots;
    if (this.#occupied(at)) return slots[at + 2] as number;
    slots[at] = hi;
    slots[at + 1] = lo;
    slots[at + 2] = value;
    this.#size++;
    // Grow at 3/4 full: linear probing then averages under three probes for a hit.
    if (this.#size * 4 > this.#capacity * 3) this.#grow();
    return undefined;
  }

  /** Stores `value` (an unsigned 32-bit integer) under a hash, replacing the value held. */
  set(hi: number, lo: number, value: number): void {
    if (hi === 0 && lo === 0) {
      this.#zeroValue = value >>> 0;
      return;
    }
    const at = this.#slot(hi, lo);
    if (this.#occupied(at)) {
      this.#slots[at + 2] = value;
      return;
    }
    this.setIfAbsent(hi, lo, value);
  }

  #occupied(at: number): boolean {
    return this.#slots[at] !== 0 || this.#slots[at + 1] !== 0;
  }

  /** Word index of the slot holding the hash, or of the empty slot where it goes (linear probing). */
  #slot(hi: number, lo: number): number {
    const mask = this.#capacity - 1;
    // Mixes both halves so keys differing only in the high half still spread.
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    const slots = this.#slots;
    for (;;) {
      this.#probes++;
      const at = i * SLOT_WORDS;
      const h = slots[at] as number;
      const l = slots[at + 1] as number;
      if ((h === 0 && l === 0) || (h === hi && l === lo)) return at;
      i = (i + 1) & mask;
    }
  }

  #grow(): void {
    const old = this.#slots;
    this.#capacity *= 2;
    this.#slots = new Uint32Array(this.#capacity * SLOT_WORDS);
    for (let at = 0; at < old.length; at += SLOT_WORDS) {
      const hi = old[at] as number;
      const lo = old[at + 1] as number;
      if (hi === 0 && lo === 0) continue;
      const target = this.#slot(hi, lo);
      this.#slots[target] = hi;
      this.#slots[target + 1] = lo;
      this.#slots[target + 2] = old[at + 2] as number;
    }
  }
}
