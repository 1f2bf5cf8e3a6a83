import type { ActivityEvent } from '../records/events';
import type { Subject } from '../records/subject';
import { HashTable64 } from '../engine/hashTable64';
import { LinkKeyHasher } from './keyHash';
import { LinkKeyTable, type KeyTableWork } from './keyTable';
import { emitLinkKeys, type EventKeyField, type ExtractOptions, type LinkKeyKind, type LinkKeySink } from './keys';
import type { LinkGroup } from './linkIndex';

/**
 * A population that can be read more than once, subject by subject with its events (up to the
 * `asOf` the caller scores at): the array a batch holds, or a generator the caller can restart.
 */
export interface LinkPopulation {
  /** Calls `visit` once per subject. */
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
  /** Keys of the second pass whose hash was met on two or more subjects: the only ones whose texts are kept. */
  readonly keptKeys: number;
  /** The key table of the second pass (its distinct keys are the texts kept). */
  readonly table: KeyTableWork;
}

/** Value of a hash met on two or more subjects (subject ordinals stay below it). */
const SHARED = 0xffffffff;

/** First pass: per 64-bit key hash, the first subject (by ordinal) that carried it, or SHARED. */
class SubjectsPerHash implements LinkKeySink {
  readonly table = new HashTable64();
  subject = 0;
  keys = 0;

  constructor(private readonly hasher: LinkKeyHasher) {}

  recordKey(kind: LinkKeyKind, key: string): void {
    this.count(kind, key);
  }

  eventKey(kind: LinkKeyKind, key: string): void {
    this.count(kind, key);
  }

  private count(kind: LinkKeyKind, key: string): void {
    this.keys++;
    const hasher = this.hasher;
    hasher.hash(hasher.kindOf(kind), key);
    const hi = hasher.out[0] as number;
    const lo = hasher.out[1] as number;
    const first = this.table.setIfAbsent(hi, lo, this.subject);
    if (first !== undefined && first !== this.subject && first !== SHARED) this.table.set(hi, lo, SHARED);
  }
}

/** Second pass: hands the key table only the keys whose hash the first pass met on two or more subjects. */
class SharedKeysOnly implements LinkKeySink {
  kept = 0;

  constructor(
    private readonly hasher: LinkKeyHasher,
    private readonly counts: HashTable64,
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
    if (this.counts.get(this.hasher.out[0] as number, this.hasher.out[1] as number) !== SHARED) return false;
    this.kept++;
    return true;
  }
}

/**
 * Groups the link keys of a population that can be read twice, keeping the texts of shared keys
 * only: the first pass derives every subject's keys and counts, per 64-bit hash of `(kind, key)`,
 * whether two or more subjects carry it (about 12 bytes a distinct key, no text); the second
 * derives them again and gives the key table only the keys whose hash was shared, where texts
 * are compared exactly (a hash collision never makes a link). The groups are those of
 * `groupLinkKeys` over {@link extractLinkKeys} of every subject; members are in the order added.
 * Linear in the keys.
 */
export function groupPopulationLinkKeys(population: LinkPopulation, options: ExtractOptions = {}, work?: (w: PopulationGroupingWork) => void): LinkGroup[] {
  const hasher = new LinkKeyHasher();
  const counts = new SubjectsPerHash(hasher);
  population.forEachSubject((subject, events) => {
    emitLinkKeys(subject, events, options, counts);
    counts.subject++;
  });
  const table = new LinkKeyTable(hasher);
  const kept = new SharedKeysOnly(hasher, counts.table, table);
  population.forEachSubject((subject, events) => {
    table.beginSubject(subject.id);
    emitLinkKeys(subject, events, options, kept);
    table.endSubject();
  });
  const groups = table.groups();
  work?.({ hashedKeys: counts.keys, distinctHashes: counts.table.size, hashProbes: counts.table.probes, keptKeys: kept.kept, table: table.work });
  return groups;
}
