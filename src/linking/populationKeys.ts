import type { ActivityEvent } from '../records/events';
import type { Subject } from '../records/subject';
import { HashTable64 } from '../engine/hashTable64';
import { LinkKeyHasher } from './keyHash';
import { LinkKeyTable, type KeyTableWork } from './keyTable';
import { IntColumn } from './columns';
import { emitLinkKeys, linkKeyKindBit, type EventKeyField, type ExtractOptions, type LinkKeyKind, type LinkKeySink } from './keys';
import type { LinkGroup } from './linkIndex';

/**
 * A population that can be read more than once, subject by subject with its events (up to the
 * `asOf` the caller scores at): the array a batch holds, or a generator the caller can restart.
 */
export interface LinkPopulation {
  /** Calls `visit` once per subject, the same subjects in the same order each time it is called. */
  forEachSubject(visit: (subject: Subject, events: readonly ActivityEvent[]) => void): void;
}

/** Counts of the work of {@link groupPopulationLinkKeys}, for tests that show it is linear. */
export interface PopulationGroupingWork {
  /** Keys derived in the first pass (duplicates within a subject included). */
  readonly hashedKeys: number;
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
 * First pass: per 64-bit key hash an entry (its first subject, by ordinal, or SHARED), and per
 * key derived a row (entry, kind bit), so that afterwards each subject's set of kinds with a
 * shared hash is known and the second pass derives only those.
 */
class SubjectsPerHash implements LinkKeySink {
  readonly entries = new HashTable64();
  private readonly entryFirst = new IntColumn();
  private rowEntry = new IntColumn();
  private rowKind = new IntColumn();
  private readonly subjectEnd = new IntColumn();
  private subject = 0;

  constructor(private readonly hasher: LinkKeyHasher) {}

  recordKey(kind: LinkKeyKind, key: string): void {
    this.count(kind, key);
  }

  eventKey(kind: LinkKeyKind, key: string): void {
    this.count(kind, key);
  }

  private count(kind: LinkKeyKind, key: string): void {
    const hasher = this.hasher;
    hasher.hash(hasher.kindOf(kind), key);
    const entry = this.entryFirst.length;
    const held = this.entries.setIfAbsent(hasher.out[0] as number, hasher.out[1] as number, entry);
    if (held === undefined) {
      this.entryFirst.push(this.subject);
      this.rowEntry.push(entry);
    } else {
      const first = this.entryFirst.get(held);
      if (first !== this.subject && first !== SHARED) this.entryFirst.set(held, SHARED);
      this.rowEntry.push(held);
    }
    this.rowKind.push(linkKeyKindBit[kind]);
  }

  /** Ends the current subject. */
  next(): void {
    this.subjectEnd.push(this.rowEntry.length);
    this.subject++;
  }

  /** Keys derived. */
  get keys(): number {
    return this.rowEntry.length;
  }

  /** Whether the hash `hi:lo` was met on two or more subjects. */
  isShared(hi: number, lo: number): boolean {
    const entry = this.entries.get(hi, lo);
    return entry !== undefined && this.entryFirst.get(entry) === SHARED;
  }

  /** Per subject ordinal, the kinds (bits) of its keys whose hash is shared; the rows are dropped. */
  sharedKinds(): Uint16Array {
    const kinds = new Uint16Array(this.subject);
    let row = 0;
    for (let s = 0; s < this.subject; s++) {
      const end = this.subjectEnd.get(s);
      let mask = 0;
      for (; row < end; row++) if (this.entryFirst.get(this.rowEntry.get(row)) === SHARED) mask |= this.rowKind.get(row);
      kinds[s] = mask;
    }
    this.rowEntry = new IntColumn();
    this.rowKind = new IntColumn();
    return kinds;
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
  const counts = new SubjectsPerHash(hasher);
  population.forEachSubject((subject, events) => {
    emitLinkKeys(subject, events, options, counts);
    counts.next();
  });
  const hashedKeys = counts.keys;
  const sharedKinds = counts.sharedKinds();
  const table = new LinkKeyTable(hasher);
  const kept = new SharedKeysOnly(hasher, counts, table);
  let ordinal = 0;
  let derived = 0;
  population.forEachSubject((subject, events) => {
    const kinds = sharedKinds[ordinal++] as number;
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
    distinctHashes: counts.entries.size,
    hashProbes: counts.entries.probes,
    derivedAgain: derived,
    keptKeys: kept.kept,
    table: table.work,
  });
  return groups;
}
