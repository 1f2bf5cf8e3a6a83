import { fnv1a64Parts } from '../../engine/hash';

/** What {@link SeenRecords.check} found: a new record, or one whose key an earlier record had, with the same or other content. */
export type SeenResult = 'new' | 'identical' | 'conflicting';

const EMPTY = 0;

/**
 * The record keys an import has written, to drop duplicates, in 16 bytes a slot (the key's
 * 64-bit hash, a 32-bit content digest and a flag, in typed arrays kept between a quarter and half full):
 * 32 to 64 bytes a record, whatever the size of its row, where a Map of id strings costs 150 or more. A key is
 * held as its 64-bit FNV-1a hash: two different keys share one with a probability near
 * n² / 2^65 (about 3 in a million for ten million records), which would drop the later record
 * as a duplicate, counted in the report.
 */
export class SeenRecords {
  #capacity = 1024;
  #size = 0;
  /** Per slot: key hash high, key hash low, content digest, occupied flag (1). */
  #slots = new Uint32Array(this.#capacity * 4);

  /** Records held. */
  get size(): number {
    return this.#size;
  }

  /** Looks a key up and, when it is new, adds it with its content. */
  check(key: string, content: string): SeenResult {
    const [hi, lo] = fnv1a64Parts(key);
    const digest = fnv1a64Parts(content)[1];
    const found = this.#slot(hi, lo);
    const slots = this.#slots;
    if (slots[found + 3] !== EMPTY) return slots[found + 2] === digest ? 'identical' : 'conflicting';
    slots[found] = hi;
    slots[found + 1] = lo;
    slots[found + 2] = digest;
    slots[found + 3] = 1;
    this.#size++;
    if (this.#size * 2 > this.#capacity) this.#grow();
    return 'new';
  }

  /** Index of the slot holding the key, or of the empty slot where it goes (linear probing). */
  #slot(hi: number, lo: number): number {
    const mask = this.#capacity - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    const slots = this.#slots;
    for (;;) {
      const at = i * 4;
      if (slots[at + 3] === EMPTY || (slots[at] === hi && slots[at + 1] === lo)) return at;
      i = (i + 1) & mask;
    }
  }

  #grow(): void {
    const old = this.#slots;
    this.#capacity *= 2;
    this.#slots = new Uint32Array(this.#capacity * 4);
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 3] === EMPTY) continue;
      const target = this.#slot(old[at] as number, old[at + 1] as number);
      this.#slots.set(old.subarray(at, at + 4), target);
    }
  }
}
