import { HashTable64 } from '../engine/hashTable64';
import { IntColumn } from './columns';

/** Partitions by the top bits of a hash's high half: 256, so each one's table fits in a core's cache at a million subjects. */
const PARTITION_BITS = 8;
const PARTITIONS = 1 << PARTITION_BITS;
/** Words a key takes in its partition: hash high, hash low, subject ordinal, kind bit. */
const KEY_WORDS = 4;

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
  private readonly partitions: IntColumn[] = [];
  private keys = 0;
  private shared: HashTable64 | undefined;
  private work: SharedHashWork = { keys: 0, distinctHashes: 0, sharedHashes: 0, probes: 0 };

  constructor() {
    for (let p = 0; p < PARTITIONS; p++) this.partitions.push(new IntColumn());
  }

  /** Adds a key of subject `subject` (an ordinal) and kind bit `bit` with hash `hi:lo`. */
  add(hi: number, lo: number, subject: number, bit: number): void {
    const partition = this.partitions[hi >>> (32 - PARTITION_BITS)] as IntColumn;
    partition.push(hi);
    partition.push(lo);
    partition.push(subject);
    partition.push(bit);
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
      const keys = this.partitions[p] as IntColumn;
      const n = keys.length / KEY_WORDS;
      if (n === 0) continue;
      const table = new HashTable64(n);
      // Per distinct hash of the partition (by first key): its first subject, or -1 once a second one has it.
      const first = new Int32Array(n);
      const entryOf = new Int32Array(n);
      let entries = 0;
      for (let i = 0; i < n; i++) {
        const w = i * KEY_WORDS;
        const hi = keys.get(w) >>> 0;
        const lo = keys.get(w + 1) >>> 0;
        const subject = keys.get(w + 2);
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
      for (let i = 0; i < n; i++) {
        if (first[entryOf[i] as number] !== -1) continue;
        const w = i * KEY_WORDS;
        const subject = keys.get(w + 2);
        subjectKinds.set(subject, subjectKinds.get(subject) | keys.get(w + 3));
      }
      distinct += entries;
      probes += table.probes;
      this.partitions[p] = new IntColumn();
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
