import type { ActivityEvent } from '../records/events';
import type { Subject } from '../records/subject';
import { HashTable64 } from '../engine/hashTable64';
import { LinkKeyHasher } from './keyHash';
import { LinkKeyTable, type KeyTableWork } from './keyTable';
import { IntColumn } from './columns';
import { emitLinkKeys, linkKeyKindBit, linkKeyKinds, type EventKeyField, type ExtractOptions, type LinkKeyKind, type LinkKeySink } from './keys';
import type { LinkGroup } from './linkIndex';

/**
 * A population that can be read more than once, subject by subject with its events (up to the
 * `asOf` the caller scores at): the array a batch holds, or a generator the caller can restart.
 */
export interface LinkPopulation {
  /** Calls `visit` once per subject, the same subjects in the same order each time it is called. */
  forEachSubject(visit: (subject: Subject, events: readonly ActivityEvent[]) => void): void;
  /**
   * Subjects it holds, when known (a batch knows its size): the first pass then sizes its hash
   * table once for them instead of growing it, copying every entry, at each doubling.
   */
  readonly size?: number;
}

/** Counts of the work of {@link groupPopulationLinkKeys}, for tests that show it is linear. */
export interface PopulationGroupingWork {
  /** Keys derived in the first pass (duplicates within a subject included). */
  readonly hashedKeys: number;
  /**
   * Of those, keys equal to the key of their kind just before in the same subject (a session's IP
   * or device again): neither hashed nor looked up again.
   */
  readonly repeatedKeys: number;
  /** Distinct 64-bit key hashes of the first pass. */
  readonly distinctHashes: number;
  /** Hash slots inspected in the first pass, growth included. */
  readonly hashProbes: number;
  /** Subjects derived again in the second pass (those with a key whose hash is shared; only the kinds of such keys). */
  readonly derivedAgain: number;
  /** Keys of the second pass whose hash was met on two or more subjects: the only ones whose texts are kept. */
  readonly keptKeys: number;
  /** The key table of the second pass (its distinct keys are the texts kept). */
  readonly table: KeyTableWork;
}

/** `entryFirst` of a hash met on two or more subjects. */
const SHARED = -1;

/**
 * Distinct keys expected a subject when sizing the first pass's table from the population size:
 * about 12 in the linkage benchmark's population. A sparser population starts with a larger table
 * than it needs (16 slots of 12 bytes a subject at most); a denser one grows it as before.
 */
const KEYS_PER_SUBJECT = 12;

/**
 * First pass: per 64-bit key hash an entry (its first subject, by ordinal, or SHARED, and the
 * kinds the first subject gave it), and per subject the kinds of its keys whose hash is shared,
 * kept up to date as keys come: when an entry turns shared, its first subject's kinds are added
 * to that subject's set, and every later subject with the hash adds its key's kind. No row per
 * key, so the second pass derives only those kinds without a pass over the keys in between.
 */
class SubjectsPerHash implements LinkKeySink {
  readonly entries: HashTable64;
  private readonly entryFirst = new IntColumn();
  private readonly entryKinds = new IntColumn();
  // Kinds with a shared hash: of the subjects before the current one, and of the current one.
  private readonly subjectKinds = new IntColumn();
  private kinds = 0;
  private subject = 0;
  // Per kind number, its bit (0 until the kind is met) and the last key counted and its subject:
  // a subject's sessions repeat their IP and devices, and a key equal to the one just counted
  // adds nothing (same entry, same kind).
  private readonly kindBits: number[] = Array<number>(linkKeyKinds.length).fill(0);
  private readonly lastKey: (string | undefined)[] = Array<string | undefined>(linkKeyKinds.length).fill(undefined);
  private readonly lastSubject: number[] = Array<number>(linkKeyKinds.length).fill(-1);
  /** Keys derived, repeats included. */
  derived = 0;
  /** Keys skipped as repeats of the last key of their kind in the subject. */
  repeated = 0;

  constructor(
    private readonly hasher: LinkKeyHasher,
    expectedKeys: number,
  ) {
    this.entries = new HashTable64(expectedKeys);
  }

  recordKey(kind: LinkKeyKind, key: string): void {
    this.count(kind, key);
  }

  eventKey(kind: LinkKeyKind, key: string): void {
    this.count(kind, key);
  }

  private count(kind: LinkKeyKind, key: string): void {
    const hasher = this.hasher;
    const k = hasher.kindOf(kind);
    this.derived++;
    if (this.lastKey[k] === key && this.lastSubject[k] === this.subject) {
      this.repeated++;
      return;
    }
    this.lastKey[k] = key;
    this.lastSubject[k] = this.subject;
    let bit = this.kindBits[k] as number;
    if (bit === 0) {
      bit = linkKeyKindBit[kind];
      this.kindBits[k] = bit;
    }
    hasher.hash(k, key);
    const entry = this.entryFirst.length;
    const held = this.entries.setIfAbsent(hasher.out[0] as number, hasher.out[1] as number, entry);
    if (held === undefined) {
      this.entryFirst.push(this.subject);
      this.entryKinds.push(bit);
      return;
    }
    const first = this.entryFirst.get(held);
    if (first === SHARED) this.kinds |= bit;
    else if (first !== this.subject) {
      // The hash's second subject: the first one's kinds with it are shared too.
      this.entryFirst.set(held, SHARED);
      this.subjectKinds.set(first, this.subjectKinds.get(first) | this.entryKinds.get(held));
      this.kinds |= bit;
    } else this.entryKinds.set(held, this.entryKinds.get(held) | bit);
  }

  /** Ends the current subject. */
  next(): void {
    this.subjectKinds.push(this.kinds);
    this.kinds = 0;
    this.subject++;
  }

  /** Whether the hash `hi:lo` was met on two or more subjects. */
  isShared(hi: number, lo: number): boolean {
    const entry = this.entries.get(hi, lo);
    return entry !== undefined && this.entryFirst.get(entry) === SHARED;
  }

  /** The kinds (bits) of the keys of subject `ordinal` whose hash is shared, read in place. */
  sharedKindsOf(ordinal: number): number {
    // A subject the first pass did not see (a population that broke its promise) has none.
    return ordinal < this.subjectKinds.length ? this.subjectKinds.get(ordinal) : 0;
  }
}

/** Second pass: hands the key table only the keys whose hash the first pass met on two or more subjects. */
class SharedKeysOnly implements LinkKeySink {
  kept = 0;

  constructor(
    private readonly hasher: LinkKeyHasher,
    private readonly counts: SubjectsPerHash,
    private readonly table: LinkKeyTable,
  ) {}

  recordKey(kind: LinkKeyKind, key: string, recordId: string, field: string, at: string | undefined, signature: string | undefined): void {
    const k = this.hasher.kindOf(kind);
    if (!this.shared(k, key)) return;
    this.table.recordKey(k, key, recordId, field, at, signature, this.hasher.out[0] as number, this.hasher.out[1] as number);
  }

  eventKey(kind: LinkKeyKind, key: string, event: ActivityEvent, field: EventKeyField): void {
    const k = this.hasher.kindOf(kind);
    if (!this.shared(k, key)) return;
    this.table.eventKey(k, key, event, field, this.hasher.out[0] as number, this.hasher.out[1] as number);
  }

  private shared(kind: number, key: string): boolean {
    this.hasher.hash(kind, key);
    if (!this.counts.isShared(this.hasher.out[0] as number, this.hasher.out[1] as number)) return false;
    this.kept++;
    return true;
  }
}

/**
 * Groups the link keys of a population that can be read twice, keeping the texts of shared keys
 * only: the first pass derives every subject's keys and counts, per 64-bit hash of `(kind, key)`,
 * whether two or more subjects carry it (about 12 bytes a distinct key, no text); the second
 * derives again, for the subjects that have any, the kinds of keys whose hash was shared, and
 * gives the key table only the keys whose hash was shared, where texts
 * are compared exactly (a hash collision never makes a link). The groups are those of
 * `groupLinkKeys` over {@link extractLinkKeys} of every subject; members are in the order added.
 * Linear in the keys.
 */
export function groupPopulationLinkKeys(population: LinkPopulation, options: ExtractOptions = {}, work?: (w: PopulationGroupingWork) => void): LinkGroup[] {
  const hasher = new LinkKeyHasher();
  const counts = new SubjectsPerHash(hasher, (population.size ?? 0) * KEYS_PER_SUBJECT);
  population.forEachSubject((subject, events) => {
    emitLinkKeys(subject, events, options, counts);
    counts.next();
  });
  const hashedKeys = counts.derived;
  const table = new LinkKeyTable(hasher);
  const kept = new SharedKeysOnly(hasher, counts, table);
  let ordinal = 0;
  let derived = 0;
  population.forEachSubject((subject, events) => {
    const kinds = counts.sharedKindsOf(ordinal++);
    // A subject none of whose keys' hashes is shared gives no member: not derived again.
    if (kinds === 0) return;
    derived++;
    table.beginSubject(subject.id);
    emitLinkKeys(subject, events, options, kept, kinds);
    table.endSubject();
  });
  const groups = table.groups();
  work?.({
    hashedKeys,
    repeatedKeys: counts.repeated,
    distinctHashes: counts.entries.size,
    hashProbes: counts.entries.probes,
    derivedAgain: derived,
    keptKeys: kept.kept,
    table: table.work,
  });
  return groups;
}
