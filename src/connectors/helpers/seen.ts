import { HashTable64 } from '../../engine/hashTable64';

/** What {@link SeenRecords.check} found: a new record, or one whose key an earlier record had, with the same or other content. */
export type SeenResult = 'new' | 'identical' | 'conflicting';

/**
 * The record keys an import has written, to drop duplicates: each key held as its 64-bit FNV-1a
 * hash with a 32-bit content digest in the shared {@link HashTable64} (12 bytes a slot, 16 to 32
 * bytes a record whatever the size of its row, where a Map of id strings costs 150 or more). Two
 * different keys share a hash with a probability near n² / 2^65 (about 3 in a million for ten
 * million records), which would drop the later record as a duplicate, counted in the report.
 */
export class SeenRecords {
  readonly #table = new HashTable64();

  /** Records held. */
  get size(): number {
    return this.#table.size;
  }

  /** Looks a key up and, when it is new, adds it with its content. */
  check(key: string, content: string): SeenResult {
    const [hi, lo] = HashTable64.hash(key);
    const digest = HashTable64.hash(content)[1];
    const held = this.#table.setIfAbsent(hi, lo, digest);
    if (held === undefined) return 'new';
    return held === digest ? 'identical' : 'conflicting';
  }
}
