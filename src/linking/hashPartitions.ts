import { HashTable64 } from '../engine/hashTable64';
import { IntColumn } from './columns';

/** Partitions by the top bits of a hash's high half: 256, so each one's table fits in a core's cache at a million subjects. */
const PARTITION_BITS = 8;
const PARTITIONS = 1 << PARTITION_BITS;
/** Words a key takes in its partition: hash high, hash low, subject ordinal, kind bit. */
const KEY_WORDS = 4;
/**
 * Words of a partition's chunks: the first holds 16 keys (a small population costs little), each
 * next one twice the last, up to 4,096 keys (64 KiB). A full chunk is never copied: the next one
 * is added after it, and only a partition's last chunk is part-filled.
 */
const FIRST_CHUNK_WORDS = 16 * KEY_WORDS;
const CHUNK_WORDS = 4096 * KEY_WORDS;

/** The chunk of a partition with none yet. */
const noChunk = new Int32Array(0);

/** Counts of the work of a {@link SharedHashCounter}, for tests that show it is linear. */
export interface SharedHashWork {
  /** Keys added. */
  readonly keys: number;
  /** Distinct hashes over all partitions. */
  readonly distinctHashes: number;
  /** Hashes met on two or more subjects. */
  readonly sharedHashes: number;
  /** Hash slots inspected: in the partitions' tables, then in the table of shared hashes. */
  readonly probes: number;
}

/**
 * Finds which 64-bit key hashes two or more subjects carry, and per subject the kinds of its keys
 * with such a hash, without a hash table the size of the population: keys are appended, in the
 * order they come, to one of 256 partitions by the top bits of their hash (sequential writes), and
 * each partition is then resolved on its own with a table sized for it, small enough to stay in
 * the processor's cache. One table of all distinct hashes (200 MB at a million subjects) missed
 * the cache on nearly every key; here only the shared hashes, a few in a hundred, go into the
 * table the second pass looks keys up in. The result does not depend on the partitioning: a hash
 * is shared when two keys of different subjects have it, whatever the order.
 */
export class SharedHashCounter {
  // Per partition its chunks, the last one filled up to `fill` (words), the others full.
  private readonly partitions: Int32Array[][] = [];
  private readonly tails: Int32Array[] = [];
  private readonly fill = new Int32Array(PARTITIONS);
  private keys = 0;
  private shared: HashTable64 | undefined;
  private work: SharedHashWork = { keys: 0, distinctHashes: 0, sharedHashes: 0, probes: 0 };

  constructor() {
    for (let p = 0; p < PARTITIONS; p++) {
      this.partitions.push([]);
      this.tails.push(noChunk);
    }
  }

  /** Adds a key of subject `subject` (an ordinal) and kind bit `bit` with hash `hi:lo`. */
  add(hi: number, lo: number, subject: number, bit: number): void {
    const p = hi >>> (32 - PARTITION_BITS);
    let at = this.fill[p] as number;
    let tail = this.tails[p] as Int32Array;
    if (at === tail.length) {
      tail = new Int32Array(tail.length === 0 ? FIRST_CHUNK_WORDS : Math.min(CHUNK_WORDS, tail.length * 2));
      (this.partitions[p] as Int32Array[]).push(tail);
      this.tails[p] = tail;
      at = 0;
    }
    tail[at] = hi;
    tail[at + 1] = lo;
    tail[at + 2] = subject;
    tail[at + 3] = bit;
    this.fill[p] = at + KEY_WORDS;
    this.keys++;
  }

  /**
   * Resolves the partitions once every key is added: ORs into `subjectKinds` (per subject ordinal,
   * read with `get` and written with `set`) the kind bit of each key whose hash is shared, and
   * keeps the shared hashes for {@link SharedHashCounter.isShared}. The partitions are dropped.
   */
  resolve(subjectKinds: IntColumn): void {
    const sharedHi = new IntColumn();
    const sharedLo = new IntColumn();
    let distinct = 0;
    let probes = 0;
    for (let p = 0; p < PARTITIONS; p++) {
      const chunks = this.partitions[p] as Int32Array[];
      if (chunks.length === 0) continue;
      const last = this.fill[p] as number;
      let words = last;
      for (let c = 0; c + 1 < chunks.length; c++) words += (chunks[c] as Int32Array).length;
      const n = words / KEY_WORDS;
      const table = new HashTable64(n);
      // Per distinct hash of the partition (by first key): its first subject, or -1 once a second one has it.
      const first = new Int32Array(n);
      // Per key of the partition, in order: its distinct hash.
      const entryOf = new Int32Array(n);
      let entries = 0;
      let i = 0;
      for (let c = 0; c < chunks.length; c++) {
        const chunk = chunks[c] as Int32Array;
        const used = c + 1 === chunks.length ? last : chunk.length;
        for (let w = 0; w < used; w += KEY_WORDS, i++) {
          const hi = (chunk[w] as number) >>> 0;
          const lo = (chunk[w + 1] as number) >>> 0;
          const subject = chunk[w + 2] as number;
          const held = table.setIfAbsent(hi, lo, entries);
          if (held === undefined) {
            first[entries] = subject;
            entryOf[i] = entries++;
            continue;
          }
          entryOf[i] = held;
          if (first[held] !== subject && first[held] !== -1) {
            first[held] = -1;
            sharedHi.push(hi);
            sharedLo.push(lo);
          }
        }
      }
      i = 0;
      for (let c = 0; c < chunks.length; c++) {
        const chunk = chunks[c] as Int32Array;
        const used = c + 1 === chunks.length ? last : chunk.length;
        for (let w = 0; w < used; w += KEY_WORDS, i++) {
          if (first[entryOf[i] as number] !== -1) continue;
          const subject = chunk[w + 2] as number;
          subjectKinds.set(subject, subjectKinds.get(subject) | (chunk[w + 3] as number));
        }
      }
      distinct += entries;
      probes += table.probes;
      // The partition's keys are not needed any more.
      this.partitions[p] = [];
      this.tails[p] = noChunk;
    }
    const shared = new HashTable64(sharedHi.length);
    for (let i = 0; i < sharedHi.length; i++) shared.setIfAbsent(sharedHi.get(i) >>> 0, sharedLo.get(i) >>> 0, 0);
    this.shared = shared;
    this.work = { keys: this.keys, distinctHashes: distinct, sharedHashes: sharedHi.length, probes: probes + shared.probes };
  }

  /** Whether the hash `hi:lo` was met on two or more subjects (after {@link SharedHashCounter.resolve}). */
  isShared(hi: number, lo: number): boolean {
    return this.shared?.get(hi, lo) !== undefined;
  }

  /** Counts of the work done (complete after {@link SharedHashCounter.resolve}). */
  get counts(): SharedHashWork {
    return this.work;
  }
}
