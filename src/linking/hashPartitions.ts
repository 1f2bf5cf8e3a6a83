import { HashTable64 } from '../engine/hashTable64';
import { IntColumn, NumberColumn } from './columns';

/** Partitions by the top bits of a hash's high half: 256, so each one's table fits in a core's cache at a million subjects. */
const PARTITION_BITS = 8;
const PARTITIONS = 1 << PARTITION_BITS;
/**
 * Words a key takes in its partition: hash high, hash low, subject ordinal, and its kind's bit
 * number (low {@link KIND_BITS} bits) with its period's number plus one above them (0: none).
 */
const KEY_WORDS = 4;
/** Bits of the last word that hold the kind's bit number (kinds are fewer than 32). */
const KIND_BITS = 5;
const KIND_MASK = (1 << KIND_BITS) - 1;
/** Periods a counter numbers: the rest of the last word (a key beyond them is added without one, so it is never left out). */
const MAX_PERIODS = 2 ** (31 - KIND_BITS) - 1;
/** `first` of a distinct hash met on two or more subjects. */
const SHARED = -1;
/** `first` of a shared hash whose keys' periods never overlap between two subjects: treated as not shared. */
const DISJOINT = -2;
/** `first` of a shared hash already kept for the second pass. */
const KEPT = -3;
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
  /**
   * Hashes met on two or more subjects whose keys all came with a period ({@link SharedHashCounter.addPeriod})
   * and whose periods never overlap between two subjects: not counted as shared.
   */
  readonly disjointHashes: number;
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
  private work: SharedHashWork = { keys: 0, distinctHashes: 0, sharedHashes: 0, probes: 0, disjointHashes: 0 };
  // Periods of use of keys (widened by their kind's window), by number.
  private readonly periodFrom = new NumberColumn();
  private readonly periodTo = new NumberColumn();

  constructor() {
    for (let p = 0; p < PARTITIONS; p++) {
      this.partitions.push([]);
      this.tails.push(noChunk);
    }
  }

  /**
   * Numbers a period of use, `from` to `to` (milliseconds, already widened by the kind's window;
   * -Infinity and Infinity where unknown), for {@link SharedHashCounter.add}.
   */
  addPeriod(from: number, to: number): number {
    const period = this.periodFrom.length;
    this.periodFrom.push(from);
    this.periodTo.push(to);
    return period;
  }

  /**
   * Adds a key of subject `subject` (an ordinal) and kind bit `bit` with hash `hi:lo`, and the
   * number of its period of use when it has one. A hash whose keys all have periods that never
   * overlap between two subjects (as the link index splits IP and device groups) is not shared.
   */
  add(hi: number, lo: number, subject: number, bit: number, period = -1): void {
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
    tail[at + 3] = (31 - Math.clz32(bit)) | (period >= 0 && period < MAX_PERIODS ? (period + 1) << KIND_BITS : 0);
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
    let disjoint = 0;
    for (let p = 0; p < PARTITIONS; p++) {
      const chunks = this.partitions[p] as Int32Array[];
      if (chunks.length === 0) continue;
      const last = this.fill[p] as number;
      let words = last;
      for (let c = 0; c + 1 < chunks.length; c++) words += (chunks[c] as Int32Array).length;
      const n = words / KEY_WORDS;
      const table = new HashTable64(n);
      // Per distinct hash of the partition (by first key): its first subject, or SHARED once a second one has it.
      const first = new Int32Array(n);
      // Per key of the partition, in order: its distinct hash.
      const entryOf = new Int32Array(n);
      let entries = 0;
      let sharedCount = 0;
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
          if (first[held] !== subject && first[held] !== SHARED) {
            first[held] = SHARED;
            sharedCount++;
          }
        }
      }
      if (this.periodFrom.length > 0 && sharedCount > 0) disjoint += this.markDisjoint(chunks, last, n, entries, first, entryOf);
      i = 0;
      for (let c = 0; c < chunks.length; c++) {
        const chunk = chunks[c] as Int32Array;
        const used = c + 1 === chunks.length ? last : chunk.length;
        for (let w = 0; w < used; w += KEY_WORDS, i++) {
          const entry = entryOf[i] as number;
          const f = first[entry] as number;
          if (f >= 0 || f === DISJOINT) continue;
          if (f === SHARED) {
            first[entry] = KEPT;
            sharedHi.push(chunk[w] as number);
            sharedLo.push(chunk[w + 1] as number);
          }
          const subject = chunk[w + 2] as number;
          subjectKinds.set(subject, subjectKinds.get(subject) | (1 << ((chunk[w + 3] as number) & KIND_MASK)));
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
    this.work = { keys: this.keys, distinctHashes: distinct, sharedHashes: sharedHi.length, probes: probes + shared.probes, disjointHashes: disjoint };
  }

  /**
   * Marks DISJOINT each shared hash of a partition whose keys all have a period, of one kind, and
   * whose periods never overlap between two subjects: the clusters of overlapping periods (a sweep
   * by start, as the link index splits IP and device groups into windows) each hold one subject.
   * The periods are those of a subject's key over all its events (a superset of each member's own
   * period), so a hash left out here gives no window of two subjects in the index. Returns the
   * hashes marked. Linear in the partition's keys, plus sorting each shared hash's keys by start.
   */
  private markDisjoint(chunks: readonly Int32Array[], last: number, n: number, entries: number, first: Int32Array, entryOf: Int32Array): number {
    // Keys per shared hash, then their positions grouped by hash (a counting sort).
    const start = new Int32Array(entries + 1);
    // Per distinct hash: its kind's bit number, or -1 once a key without a period (or of another kind) has it.
    const kindOf = new Int32Array(entries).fill(-2);
    // Per key of the partition: its subject and its last word, read once from the chunks.
    const keySubject = new Int32Array(n);
    const keyPacked = new Int32Array(n);
    let i = 0;
    for (let c = 0; c < chunks.length; c++) {
      const chunk = chunks[c] as Int32Array;
      const used = c + 1 === chunks.length ? last : chunk.length;
      for (let w = 0; w < used; w += KEY_WORDS, i++) {
        const entry = entryOf[i] as number;
        if (first[entry] !== SHARED) continue;
        const packed = chunk[w + 3] as number;
        keySubject[i] = chunk[w + 2] as number;
        keyPacked[i] = packed;
        start[entry + 1] = (start[entry + 1] as number) + 1;
        const kind = kindOf[entry] as number;
        if (packed >>> KIND_BITS === 0) kindOf[entry] = -1;
        else if (kind === -2) kindOf[entry] = packed & KIND_MASK;
        else if (kind !== (packed & KIND_MASK)) kindOf[entry] = -1;
      }
    }
    for (let e = 0; e < entries; e++) start[e + 1] = (start[e + 1] as number) + (start[e] as number);
    const fill = start.slice(0, entries);
    // Per key of a shared hash, grouped by hash: its subject and its period's number.
    const subjects = new Int32Array(start[entries] as number);
    const periods = new Int32Array(start[entries] as number);
    for (let k = 0; k < n; k++) {
      const entry = entryOf[k] as number;
      if (first[entry] !== SHARED || (kindOf[entry] as number) < 0) continue;
      const at = fill[entry] as number;
      fill[entry] = at + 1;
      subjects[at] = keySubject[k] as number;
      periods[at] = ((keyPacked[k] as number) >>> KIND_BITS) - 1;
    }
    let marked = 0;
    const order: number[] = [];
    for (let e = 0; e < entries; e++) {
      if (first[e] !== SHARED || (kindOf[e] as number) < 0) continue;
      order.length = 0;
      for (let k = start[e] as number; k < (start[e + 1] as number); k++) order.push(k);
      if (this.disjointPeriods(order, subjects, periods)) {
        first[e] = DISJOINT;
        marked++;
      }
    }
    return marked;
  }

  /** Whether the keys at `order` (positions in `subjects` and `periods`) form no cluster of overlapping periods with two subjects. */
  private disjointPeriods(order: number[], subjects: Int32Array, periods: Int32Array): boolean {
    const from = this.periodFrom;
    const to = this.periodTo;
    order.sort((a, b) => {
      const fa = from.get(periods[a] as number);
      const fb = from.get(periods[b] as number);
      return fa < fb ? -1 : fa > fb ? 1 : 0;
    });
    let end = -Infinity;
    let subject = -1;
    for (let k = 0; k < order.length; k++) {
      const at = order[k] as number;
      const period = periods[at] as number;
      const f = from.get(period);
      // A start that is not a number (a time that did not parse) is never left out.
      if (f !== f) return false;
      if (k > 0 && f > end) {
        end = -Infinity;
        subject = -1;
      }
      const s = subjects[at] as number;
      if (subject === -1) subject = s;
      else if (s !== subject) return false;
      end = Math.max(end, to.get(period));
    }
    return true;
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
