import { HashTable64 } from './hashTable64';

/** Bytes of one block of the key store: keys are appended to blocks of this size, never moved. */
const BLOCK_BYTES = 1 << 20;
/** Keys longer than this (UTF-16 code units) go to the exact overflow set instead of the key store: rare, and never split across blocks. */
const MAX_STORED_LENGTH = 1024;
/** The table value of a key held in the overflow set rather than the key store. */
const IN_OVERFLOW = 0xffffffff;

/**
 * An exact set of strings for population-sized collections (the event ids of a `--stream` run,
 * 20,000,000 for 100,000 subjects), at a fraction of a `Set`'s memory: each key's 64-bit hash
 * in a {@link HashTable64} (16 to 32 bytes a key) pointing into an append-only key store (one
 * byte a character for keys of Latin-1 characters, two otherwise, plus a one- or two-byte
 * length). Membership is exact: a hash hit is confirmed by comparing the stored key character
 * by character, and a key whose hash an earlier different key already holds (about n² / 2^65
 * for n keys, so almost never) goes to a small exact overflow `Set`, as do keys over 1,024
 * characters and keys past 4 GiB of store. No false positive, no false negative.
 */
export class CompactStringSet {
  readonly #table = new HashTable64();
  readonly #hash: (key: string) => [number, number];
  readonly #blocks: Uint8Array[] = [];
  /** Bytes used in the last block. */
  #used = BLOCK_BYTES;
  readonly #overflow = new Set<string>();
  #size = 0;

  /**
   * @param hash the 64-bit key hash as `[high, low]`; defaults to FNV-1a ({@link HashTable64.hash}).
   * Membership stays exact whatever the hash: a test passes a weak one to force collisions.
   */
  constructor(hash: (key: string) => [number, number] = HashTable64.hash) {
    this.#hash = hash;
  }

  /** Keys held. */
  get size(): number {
    return this.#size;
  }

  /** Keys held in the exact overflow set (hash collisions, long keys): for tests and accounting. */
  get overflowSize(): number {
    return this.#overflow.size;
  }

  /** Bytes of the hash table and the key store as allocated (the overflow set's strings not counted), for memory accounting. */
  get byteLength(): number {
    return this.#table.byteLength + this.#blocks.length * BLOCK_BYTES;
  }

  /** Whether the key is held. */
  has(key: string): boolean {
    const [hi, lo] = this.#hash(key);
    const at = this.#table.get(hi, lo);
    if (at === undefined) return false;
    return (at !== IN_OVERFLOW && this.#storedEquals(at, key)) || this.#overflow.has(key);
  }

  /** Adds the key; returns true when it was not held before. */
  add(key: string): boolean {
    const [hi, lo] = this.#hash(key);
    const at = this.#table.get(hi, lo);
    if (at !== undefined) {
      if ((at !== IN_OVERFLOW && this.#storedEquals(at, key)) || this.#overflow.has(key)) return false;
      // Another key holds this hash: this one is kept exactly, beside it.
      this.#overflow.add(key);
    } else {
      const stored = this.#store(key);
      this.#table.setIfAbsent(hi, lo, stored);
      if (stored === IN_OVERFLOW) this.#overflow.add(key);
    }
    this.#size++;
    return true;
  }

  /** Appends a key to the store; returns its offset, or {@link IN_OVERFLOW} when it is not stored there. */
  #store(key: string): number {
    if (key.length > MAX_STORED_LENGTH) return IN_OVERFLOW;
    let wide = false;
    for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0xff) wide = true;
    // Header: length × 2 + wide flag, in one byte below 128, else two (lengths are at most 1,024).
    const header = key.length * 2 + (wide ? 1 : 0);
    const bytes = (header < 0x80 ? 1 : 2) + key.length * (wide ? 2 : 1);
    if (this.#used + bytes > BLOCK_BYTES) {
      // Offsets are 32-bit and IN_OVERFLOW is reserved: past 4 GiB of store, keys go to the overflow set.
      if ((this.#blocks.length + 1) * BLOCK_BYTES >= IN_OVERFLOW) return IN_OVERFLOW;
      this.#blocks.push(new Uint8Array(BLOCK_BYTES));
      this.#used = 0;
    }
    const block = this.#blocks[this.#blocks.length - 1] as Uint8Array;
    const offset = (this.#blocks.length - 1) * BLOCK_BYTES + this.#used;
    let p = this.#used;
    if (header < 0x80) block[p++] = header;
    else {
      block[p++] = 0x80 | (header & 0x7f);
      block[p++] = header >>> 7;
    }
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (wide) {
        block[p++] = c >>> 8;
        block[p++] = c & 0xff;
      } else block[p++] = c;
    }
    this.#used = p;
    return offset;
  }

  /** Whether the key stored at `offset` is exactly `key`. */
  #storedEquals(offset: number, key: string): boolean {
    const block = this.#blocks[Math.floor(offset / BLOCK_BYTES)] as Uint8Array;
    let p = offset % BLOCK_BYTES;
    let header = block[p++] as number;
    if (header >= 0x80) header = (header & 0x7f) | ((block[p++] as number) << 7);
    const wide = (header & 1) === 1;
    const length = header >>> 1;
    if (length !== key.length) return false;
    for (let i = 0; i < length; i++) {
      const c = wide ? ((block[p++] as number) << 8) | (block[p++] as number) : (block[p++] as number);
      if (c !== key.charCodeAt(i)) return false;
    }
    return true;
  }
}
