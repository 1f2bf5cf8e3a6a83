import type { ActivityEvent } from '../records/events';
import type { PostalAddress } from '../records/common';
import type { Subject } from '../records/subject';
import { LinkKeyHasher } from './keyHash';
import { LinkKeyTable, type KeyTableWork } from './keyTable';
import { IntColumn } from './columns';
import { SharedHashCounter } from './hashPartitions';
import { foldAddress, foldEmail, foldPhone, foldPhotoBand, foldTextBand } from './foldedKeys';
import { MAX_PHOTO_BANDS, minHashBandValue, photoBandValues, type MinHashOptions } from './lsh';
import { normalizeAddress, normalizeEmail, normalizePhone, sameAddressFields } from './normalize';
import { emitLinkKeys, linkKeyKindBit, linkKeyKinds, type EventKeyField, type ExtractOptions, type LinkKeyKind, type LinkKeySink } from './keys';
import { defaultLinkIndexOptions, type LinkGroup, type LinkIndexOptions } from './linkIndex';
import { isWindowedKind } from './memberTimes';
import { linkEventTime } from './eventTime';

/**
 * A population that can be read more than once, subject by subject with its events (up to the
 * `asOf` the caller scores at): the array a batch holds, or a generator the caller can restart.
 */
export interface LinkPopulation {
  /** Calls `visit` once per subject, the same subjects in the same order each time it is called. */
  forEachSubject(visit: (subject: Subject, events: readonly ActivityEvent[]) => void): void;
  /**
   * Subjects it holds, when known (a batch knows its size). A hint the grouping no longer needs:
   * its first pass sizes each table from the keys it counted.
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
  /**
   * Of those, e-mail addresses, phone numbers, postal addresses (ASCII street lines) and photo and
   * resume band keys hashed as they were derived, without building their texts.
   */
  readonly foldedKeys: number;
  /** Distinct 64-bit key hashes of the first pass. */
  readonly distinctHashes: number;
  /** Of those, the hashes met on two or more subjects: the second pass's key table is sized for them. */
  readonly sharedHashes: number;
  /**
   * Hashes met on two or more subjects but not counted as shared: IP, device and MFA device keys
   * whose periods of use never overlap between two subjects under the index's windows (0 unless
   * the windows are given).
   */
  readonly disjointHashes: number;
  /** Hash slots inspected in the first pass (its partitions' tables, then the table of shared hashes). */
  readonly hashProbes: number;
  /** Subjects derived again in the second pass (those with a key whose hash is shared; only the kinds of such keys). */
  readonly derivedAgain: number;
  /** Keys of the second pass whose hash was met on two or more subjects: the only ones whose texts are kept. */
  readonly keptKeys: number;
  /** The key table of the second pass (its distinct keys are the texts kept). */
  readonly table: KeyTableWork;
}

/** Distinct windowed keys of one subject held with their times (found by scanning); more are added at once without bounds. */
const MAX_PENDING = 64;

/**
 * First pass: every subject's keys hashed to 64 bits and handed, with the subject's ordinal and
 * the key's kind, to a {@link SharedHashCounter}, which then finds the hashes two or more
 * subjects carry and, per subject, the kinds of its keys with such a hash. No text and no row
 * object per key, so the second pass derives only those kinds of those subjects.
 */
class SubjectsPerHash implements LinkKeySink {
  readonly hashes = new SharedHashCounter();
  // Per subject ordinal: the kinds of its keys whose hash is shared (0 until resolved).
  private readonly subjectKinds = new IntColumn();
  private subject = 0;
  // Per kind number, its bit (0 until the kind is met) and the last key counted and its subject:
  // a subject's sessions repeat their IP and devices, and a key equal to the one just counted
  // adds nothing (same hash, same kind).
  private readonly kindBits: number[] = Array<number>(linkKeyKinds.length).fill(0);
  private readonly lastKey: (string | undefined)[] = Array<string | undefined>(linkKeyKinds.length).fill(undefined);
  private readonly lastSubject: number[] = Array<number>(linkKeyKinds.length).fill(-1);
  /** Keys derived, repeats included. */
  derived = 0;
  /** Keys skipped as repeats of the last key of their kind in the subject. */
  repeated = 0;
  /** Keys hashed as written (e-mail addresses, phone numbers, postal addresses, photo and resume bands), no text built. */
  folded = 0;
  // A photo's band values, read at once.
  private readonly bandValues = new Int32Array(MAX_PHOTO_BANDS);
  // The last address met and its subject, whether it gave a key, and the hash of the last address
  // key counted: a ship-to address is often the home again (same fields: not hashed again), and a
  // key equal to the subject's last address key adds nothing.
  private lastAddress: PostalAddress | undefined;
  private lastAddressSubject = -1;
  private lastAddressKeyed = false;
  private readonly lastAddressHash = new Uint32Array(2);
  private lastAddressHashSubject = -1;
  // With the index's windows: the current subject's IP, device and MFA device keys from events,
  // each with its first and last time over the subject's events, added when the subject ends with
  // its period of use, so the counter can leave out hashes whose periods never overlap.
  private pending = 0;
  private readonly pendingHash = new Int32Array(2 * MAX_PENDING);
  private readonly pendingKind = new Int32Array(MAX_PENDING);
  private readonly pendingTimes = new Float64Array(2 * MAX_PENDING);
  // Per kind number, the last windowed key, its subject and its pending entry (a session repeats its IP and devices).
  private readonly lastWindowedKey: (string | undefined)[] = Array<string | undefined>(linkKeyKinds.length).fill(undefined);
  private readonly lastWindowedSubject: number[] = Array<number>(linkKeyKinds.length).fill(-1);
  private readonly lastPending: number[] = Array<number>(linkKeyKinds.length).fill(-1);
  // One event gives up to four keys: its time is parsed once.
  private lastEvent: ActivityEvent | undefined;
  private lastEventMs = NaN;

  constructor(
    private readonly hasher: LinkKeyHasher,
    private readonly windows?: { readonly ip: number; readonly device: number },
  ) {}

  recordKey(kind: LinkKeyKind, key: string): void {
    this.count(kind, key);
  }

  eventKey(kind: LinkKeyKind, key: string, event: ActivityEvent): void {
    if (this.windows === undefined || !isWindowedKind(kind)) this.count(kind, key);
    else this.countWindowed(kind, key, event);
  }

  /** An IP, device or MFA device key of an event, held until the subject ends with its first and last time. */
  private countWindowed(kind: LinkKeyKind, key: string, event: ActivityEvent): void {
    const hasher = this.hasher;
    const k = hasher.kindOf(kind);
    this.derived++;
    if (event !== this.lastEvent) {
      this.lastEvent = event;
      this.lastEventMs = linkEventTime(event);
    }
    if (this.lastWindowedKey[k] === key && this.lastWindowedSubject[k] === this.subject) {
      this.repeated++;
      this.widen(this.lastPending[k] as number, this.lastEventMs);
      return;
    }
    this.lastWindowedKey[k] = key;
    this.lastWindowedSubject[k] = this.subject;
    hasher.hash(k, key);
    const hi = hasher.out[0] as number;
    const lo = hasher.out[1] as number;
    // A few keys a subject: found by scanning.
    const hashes = this.pendingHash;
    let p = -1;
    for (let q = 0; q < this.pending; q++) {
      if (hashes[2 * q] === (hi | 0) && hashes[2 * q + 1] === (lo | 0) && this.pendingKind[q] === k) {
        p = q;
        break;
      }
    }
    if (p < 0 && this.pending === MAX_PENDING) {
      // Past MAX_PENDING keys a subject, a new key is added at once without bounds (it overlaps
      // every period, so its hash is never left out): linear whatever the subject.
      this.lastPending[k] = -1;
      this.hashes.add(hi, lo, this.subject, this.bitOf(k, kind), this.hashes.addPeriod(-Infinity, Infinity));
      return;
    }
    if (p < 0) {
      p = this.pending++;
      hashes[2 * p] = hi;
      hashes[2 * p + 1] = lo;
      this.pendingKind[p] = k;
      this.pendingTimes[2 * p] = Infinity;
      this.pendingTimes[2 * p + 1] = -Infinity;
    }
    this.lastPending[k] = p;
    this.widen(p, this.lastEventMs);
  }

  /** Widens pending key `p`'s first and last time to take in `t` (a time that does not parse: no bounds; no pending key: nothing). */
  private widen(p: number, t: number): void {
    if (p < 0) return;
    const times = this.pendingTimes;
    if (t !== t) {
      times[2 * p] = -Infinity;
      times[2 * p + 1] = Infinity;
      return;
    }
    if (t < (times[2 * p] as number)) times[2 * p] = t;
    if (t > (times[2 * p + 1] as number)) times[2 * p + 1] = t;
  }

  writtenKey(kind: 'email' | 'phone', written: string, defaultCallingCode: string | undefined): void {
    const hasher = this.hasher;
    const k = hasher.kindOf(kind);
    const folded = kind === 'email' ? foldEmail(written, hasher, k) : foldPhone(written, defaultCallingCode, hasher, k);
    if (folded === 'no-key') return;
    if (folded === 'not-folded') {
      const key = kind === 'email' ? normalizeEmail(written) : normalizePhone(written, defaultCallingCode !== undefined ? { defaultCallingCode } : {});
      if (key !== undefined) this.count(kind, key);
      return;
    }
    // Hashed without its text: no repeat check (a subject's e-mails and phones rarely repeat).
    this.derived++;
    this.folded++;
    this.hashes.add(hasher.out[0] as number, hasher.out[1] as number, this.subject, this.bitOf(k, kind));
  }

  writtenAddress(address: PostalAddress): void {
    const subject = this.subject;
    if (this.lastAddressSubject === subject && sameAddressFields(address, this.lastAddress as PostalAddress)) {
      // The same fields give the same key again (or none again).
      if (this.lastAddressKeyed) {
        this.derived++;
        this.repeated++;
      }
      return;
    }
    const hasher = this.hasher;
    const k = hasher.kindOf('address');
    this.lastAddress = address;
    this.lastAddressSubject = subject;
    const folded = foldAddress(address, hasher, k);
    if (folded === 'not-folded') {
      const key = normalizeAddress(address);
      this.lastAddressKeyed = key !== undefined;
      if (key === undefined) return;
      hasher.hash(k, key);
    } else {
      this.lastAddressKeyed = folded === 'hashed';
      if (folded === 'no-key') return;
      this.folded++;
    }
    this.derived++;
    const hi = hasher.out[0] as number;
    const lo = hasher.out[1] as number;
    const last = this.lastAddressHash;
    if (this.lastAddressHashSubject === subject && last[0] === hi && last[1] === lo) {
      // The subject's last address key again (another spelling of one address).
      this.repeated++;
      return;
    }
    last[0] = hi;
    last[1] = lo;
    this.lastAddressHashSubject = subject;
    this.hashes.add(hi, lo, subject, this.bitOf(k, 'address'));
  }

  photoBands(hash: string, maxDistance: number): boolean {
    const values = this.bandValues;
    const bands = photoBandValues(hash, maxDistance, values);
    if (bands < 0) return false;
    const hasher = this.hasher;
    const k = hasher.kindOf('photo');
    const bit = this.bitOf(k, 'photo');
    // No repeat check: a photo's bands differ by their band number.
    for (let b = 0; b < bands; b++) {
      foldPhotoBand(b, values[b] as number, hasher, k);
      this.hashes.add(hasher.out[0] as number, hasher.out[1] as number, this.subject, bit);
    }
    this.derived += bands;
    this.folded += bands;
    return true;
  }

  textBands(signature: Uint32Array, options: MinHashOptions): void {
    const hasher = this.hasher;
    const k = hasher.kindOf('text');
    const bit = this.bitOf(k, 'text');
    // No repeat check: a signature's bands differ by their band number.
    for (let b = 0; b < options.bands; b++) {
      foldTextBand(b, minHashBandValue(signature, b, options.rows), hasher, k);
      this.hashes.add(hasher.out[0] as number, hasher.out[1] as number, this.subject, bit);
    }
    this.derived += options.bands;
    this.folded += options.bands;
  }

  private bitOf(k: number, kind: LinkKeyKind): number {
    let bit = this.kindBits[k] as number;
    if (bit === 0) {
      bit = linkKeyKindBit[kind];
      this.kindBits[k] = bit;
    }
    return bit;
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
    hasher.hash(k, key);
    this.hashes.add(hasher.out[0] as number, hasher.out[1] as number, this.subject, this.bitOf(k, kind));
  }

  /** Ends the current subject. */
  next(): void {
    const windows = this.windows;
    if (windows !== undefined && this.pending > 0) {
      const kinds = this.hasher.kinds;
      for (let p = 0; p < this.pending; p++) {
        const k = this.pendingKind[p] as number;
        const kind = kinds[k] as LinkKeyKind;
        // Widened as the link index widens the periods of an IP or device group's members.
        const windowMs = kind === 'ip' ? windows.ip : windows.device;
        const period = this.hashes.addPeriod((this.pendingTimes[2 * p] as number) - windowMs / 2, (this.pendingTimes[2 * p + 1] as number) + windowMs / 2);
        this.hashes.add(this.pendingHash[2 * p] as number, this.pendingHash[2 * p + 1] as number, this.subject, this.bitOf(k, kind), period);
      }
      this.pending = 0;
    }
    this.lastEvent = undefined;
    this.subjectKinds.push(0);
    this.subject++;
  }

  /** Ends the first pass: finds the shared hashes and each subject's kinds with one. */
  resolve(): void {
    this.hashes.resolve(this.subjectKinds);
  }

  /** Whether the hash `hi:lo` was met on two or more subjects. */
  isShared(hi: number, lo: number): boolean {
    return this.hashes.isShared(hi, lo);
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
 * only: the first pass derives every subject's keys and finds, per 64-bit hash of `(kind, key)`,
 * whether two or more subjects carry it (16 bytes a key in cache-sized partitions, no text; e-mail
 * addresses, phone numbers, postal addresses, photo and resume bands hashed as they are derived); the second
 * derives again, for the subjects that have any, the kinds of keys whose hash was shared, and
 * gives the key table only the keys whose hash was shared, where texts
 * are compared exactly (a hash collision never makes a link). The groups are those of
 * `groupLinkKeys` over {@link extractLinkKeys} of every subject; members are in the order added
 * (the lists of IP, device and MFA device groups frozen, as `groupLinkKeys` gives them).
 * Linear in the keys.
 *
 * @param windows The IP and device windows the index will be built with
 * ({@link LinkIndexOptions}; `{}` for the defaults). When given, the first pass keeps each IP,
 * device and MFA device key of events with its subject's first and last time, and an IP or device
 * shared only by subjects whose periods of use, widened as {@link buildLinkIndexFromGroups}
 * widens them, never overlap is left out: its group would make no link, and a subject that
 * shares nothing else is not read again (in the benchmark, most IP addresses are shared by
 * chance). The index's links are then those of the groups without `windows` (only its `groups`
 * and `members` counts differ) when it is built with the same windows.
 */
export function groupPopulationLinkKeys(
  population: LinkPopulation,
  options: ExtractOptions = {},
  work?: (w: PopulationGroupingWork) => void,
  windows?: Pick<LinkIndexOptions, 'ipWindowMs' | 'deviceWindowMs'>,
): LinkGroup[] {
  const hasher = new LinkKeyHasher();
  const counts = new SubjectsPerHash(
    hasher,
    windows === undefined
      ? undefined
      : { ip: windows.ipWindowMs ?? defaultLinkIndexOptions.ipWindowMs, device: windows.deviceWindowMs ?? defaultLinkIndexOptions.deviceWindowMs },
  );
  population.forEachSubject((subject, events) => {
    emitLinkKeys(subject, events, options, counts);
    counts.next();
  });
  counts.resolve();
  const hashedKeys = counts.derived;
  const hashes = counts.hashes.counts;
  // One distinct key a shared hash (more only where 64-bit hashes collide): the table never grows.
  const table = new LinkKeyTable(hasher, hashes.sharedHashes);
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
    foldedKeys: counts.folded,
    distinctHashes: hashes.distinctHashes,
    sharedHashes: hashes.sharedHashes,
    disjointHashes: hashes.disjointHashes,
    hashProbes: hashes.probes,
    derivedAgain: derived,
    keptKeys: kept.kept,
    table: table.work,
  });
  return groups;
}
