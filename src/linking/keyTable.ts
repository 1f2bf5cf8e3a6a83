import type { ActivityEvent } from '../records/events';
import { HashTable64 } from '../engine/hashTable64';
import { canonicalIsoTime } from '../records/isoTime';
import { ShardedMap } from '../engine/shardedMap';
import { IntColumn, NumberColumn, StringColumn } from './columns';
import { linkEventTime } from './eventTime';
import { LinkKeyHasher } from './keyHash';
import {
  eventFieldPath,
  linkKeyKinds,
  linkKeyRowFields,
  LINK_KEY_ROW_STRIDE,
  replacesLinkTime,
  type EventKeyField,
  type LinkKey,
  type LinkKeyKind,
} from './keys';
import { decodeSignature, defaultMinHashOptions, minHashBands, photoHashBands } from './lsh';
import type { LinkGroup, LinkMember } from './linkIndex';
import { isWindowedKind, setMemberPeriods, writeMemberPeriod } from './memberTimes';
import { rowTimeText } from './rowTime';

/** `firstSubject` of a key seen on two or more distinct subjects. */
const SHARED = -1;
/** No row, no summary, no next key: the end of a chain. */
const NONE = -1;
/** `keyFirstRow` of a key repeated in the current visit: its record rows are in the visit's `repeats` map. */
const IN_REPEATS = -2;

/** Counts of the work done, for tests that show it grows linearly with the keys. */
export interface KeyTableWork {
  /** Key occurrences added (rows). */
  readonly keys: number;
  /** Distinct `(kind, key)` pairs, whose texts the table keeps. */
  readonly distinctKeys: number;
  /** Hash-table slots inspected while interning, re-insertion when the table grows included. */
  readonly probes: number;
  /** Key occurrences read when the groups are collected (one pass: each key once). */
  readonly collected: number;
  /** Bytes of the hash index's slots now: the size it was given at the start unless it had to grow. */
  readonly indexBytes: number;
}

/** A row's optional text: `null` (or anything but a string) is absent. */
function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Placeholder of a windowed group's periods until they are sized. */
const emptyPeriods = new Float64Array(0);

/** Whether the members belong to two or more subjects (by id). */
function spansTwoSubjects(members: readonly LinkMember[]): boolean {
  const first = (members[0] as LinkMember).subjectId;
  for (let i = 1; i < members.length; i++) if ((members[i] as LinkMember).subjectId !== first) return true;
  return false;
}

/**
 * The link keys of a population, grouped by `(kind, key)` without an object per key: subjects
 * become integer ids, each distinct key an integer id found through its 64-bit hash in a
 * {@link HashTable64} (keys whose hashes collide are chained and told apart by their texts, so a
 * collision never joins two keys), and each key occurrence a row of columns (key, subject,
 * record, field, times, signature). A key remembers its first subject until a second one shows
 * up, so at the end the shared keys are known without another pass over the input, and only
 * their occurrences become {@link LinkMember} objects.
 *
 * Keys come in two ways: {@link LinkKeyTable.addSubject} takes a subject's {@link LinkKey}
 * objects as they are; {@link LinkKeyTable.beginSubject}, `recordKey`, `eventKey` and
 * `endSubject` take the raw keys {@link emitLinkKeys} derives and deduplicate and summarise them
 * as {@link extractLinkKeys} does (per record; event keys per kind, key and field), with event
 * times held as numbers and formatted only for the members of shared keys.
 */
export class LinkKeyTable {
  /** Numbers the kinds and hashes the keys; shared with a first pass that counted hashes. */
  readonly hasher: LinkKeyHasher;
  // Subjects added by id (addSubject, rows): id -> integer id.
  private readonly subjectIndex = new ShardedMap<string, number>();
  private readonly subjectIds: string[] = [];
  // Distinct keys: hash -> first key id with that hash; per key id the next one with the same hash, its kind, text and first subject.
  private readonly index: HashTable64;
  private readonly keyNext = new IntColumn();
  private readonly keyKind = new IntColumn();
  private readonly keyText: string[] = [];
  private readonly firstSubject = new IntColumn();
  private readonly fields: string[] = [];
  private readonly fieldIndex = new ShardedMap<string, number>();
  // Occurrences, one row per key added. Event keys hold their times as numbers (an index into the `event*Ms` columns, NONE for other keys).
  private readonly rowKey = new IntColumn();
  private readonly rowSubject = new IntColumn();
  private readonly rowField = new IntColumn();
  private readonly rowRecord = new StringColumn();
  private readonly rowAt = new StringColumn();
  private readonly rowUntil = new StringColumn();
  private readonly rowSignature = new StringColumn();
  private readonly rowEventTime = new IntColumn();
  private readonly eventFirstMs = new NumberColumn();
  private readonly eventLastMs = new NumberColumn();
  // The first and last event's own time text where it is what toISOString writes for its time (else absent): not formatted again.
  private readonly eventFirstText = new StringColumn();
  private readonly eventLastText = new StringColumn();
  private collected = 0;

  // The subject being added through beginSubject (its integer id given at its first key) and the visit number.
  private pendingSubject = '';
  private subject = NONE;
  private visit = 0;
  // Per key id: the visit that last added it, its first record row in that visit, its first event summary in that visit.
  private readonly keyVisit = new IntColumn();
  private readonly keyFirstRow = new IntColumn();
  private readonly keyFirstSummary = new IntColumn();
  // Record keys repeated within the visit: `key id, record, field` -> row (only keys met twice in one subject get here).
  private readonly repeats = new Map<string, number>();
  // Event keys of the visit, summarised per (key, field): first event, first and last time; chained per key.
  private summaries = 0;
  private readonly summaryKey: number[] = [];
  private readonly summaryField: EventKeyField[] = [];
  private readonly summaryFirst: ActivityEvent[] = [];
  private readonly summaryFirstMs: number[] = [];
  private readonly summaryLastMs: number[] = [];
  private readonly summaryFirstText: (string | undefined)[] = [];
  private readonly summaryLastText: (string | undefined)[] = [];
  private readonly summaryNext: number[] = [];
  // One event gives up to four keys: its time is parsed once.
  private lastEvent: ActivityEvent | undefined;
  private lastEventMs = NaN;
  // Its time text when toISOString of its time writes it again (24 characters, canonical), else undefined.
  private lastEventText: string | undefined;

  /**
   * @param expectedKeys Distinct keys the caller expects (a hint: a first pass that counted the
   * shared hashes knows it), so the hash index starts large enough and is not copied as it grows.
   */
  constructor(hasher: LinkKeyHasher = new LinkKeyHasher(), expectedKeys = 0) {
    this.hasher = hasher;
    this.index = new HashTable64(expectedKeys);
  }

  /** Adds one subject's keys, as they are (no deduplication). A subject id given twice is one subject. */
  addSubject(subjectId: string, keys: readonly LinkKey[]): void {
    const subject = this.subjectOf(subjectId);
    const hasher = this.hasher;
    for (const k of keys) {
      const kind = hasher.kindOf(k.kind);
      hasher.hash(kind, k.key);
      const key = this.intern(kind, k.key, subject, hasher.out[0] as number, hasher.out[1] as number);
      this.pushRow(key, subject, this.fieldOf(k.field), k.recordId, k.at, k.until, k.signature, NONE);
    }
  }

  /**
   * Adds one subject's keys given as flat rows of {@link LINK_KEY_ROW_STRIDE} entries, as
   * {@link linkKeyRows} makes them (kind number, key, record id, field code or text, at, until,
   * signature; times as milliseconds or text; a row with key `null` stands for the LSH bucket keys
   * of its signature): no object per key. A subject id given twice is one subject.
   * @throws {TypeError} when a row is not of that shape (rows may come from another process).
   */
  addSubjectRows(subjectId: string, rows: readonly unknown[]): void {
    if (rows.length % LINK_KEY_ROW_STRIDE !== 0) throw new TypeError(`link key rows of subject "${subjectId}" are not in groups of ${LINK_KEY_ROW_STRIDE}`);
    if (rows.length === 0) return;
    const subject = this.subjectOf(subjectId);
    for (let i = 0; i < rows.length; i += LINK_KEY_ROW_STRIDE) {
      const kindName = typeof rows[i] === 'number' ? linkKeyKinds[rows[i] as number] : undefined;
      const key = rows[i + 1];
      const recordId = rows[i + 2];
      const code = rows[i + 3];
      const field = typeof code === 'number' ? linkKeyRowFields[code] : code;
      const signature = optionalText(rows[i + 6]);
      if (kindName === undefined || (typeof key !== 'string' && signature === undefined) || typeof recordId !== 'string' || typeof field !== 'string') {
        throw new TypeError(`link key row ${i / LINK_KEY_ROW_STRIDE} of subject "${subjectId}" is not [kind, key, record, field, at, until, signature]`);
      }
      const at = rowTimeText(rows[i + 4], subjectId, i / LINK_KEY_ROW_STRIDE);
      if (typeof key === 'string') {
        this.addRow(subject, kindName, key, recordId, field, at, rowTimeText(rows[i + 5], subjectId, i / LINK_KEY_ROW_STRIDE), signature);
        continue;
      }
      const sig = signature as string;
      if (kindName === 'photo' && typeof rows[i + 5] !== 'number')
        throw new TypeError(`link key row ${i / LINK_KEY_ROW_STRIDE} of subject "${subjectId}" has no photo distance`);
      const bands = kindName === 'photo' ? photoHashBands(sig, rows[i + 5] as number) : minHashBands(decodeSignature(sig), defaultMinHashOptions);
      for (const band of bands) this.addRow(subject, kindName, band, recordId, field, at, undefined, sig);
    }
  }

  /**
   * Adds one key of a subject as it is (no deduplication): what {@link LinkKeyTable.addSubjectRows}
   * adds per row, for a caller that read and checked the row itself. A subject id given twice is
   * one subject.
   */
  addKeyRow(
    subjectId: string,
    kindName: string,
    key: string,
    recordId: string,
    field: string,
    at: string | undefined,
    until: string | undefined,
    signature: string | undefined,
  ): void {
    this.addRow(this.subjectOf(subjectId), kindName, key, recordId, field, at, until, signature);
  }

  private addRow(
    subject: number,
    kindName: string,
    key: string,
    recordId: string,
    field: string,
    at: string | undefined,
    until: string | undefined,
    signature: string | undefined,
  ): void {
    const hasher = this.hasher;
    const kind = hasher.kindOf(kindName);
    hasher.hash(kind, key);
    const id = this.intern(kind, key, subject, hasher.out[0] as number, hasher.out[1] as number);
    this.pushRow(id, subject, this.fieldOf(field), recordId, at, until, signature, NONE);
  }

  private subjectOf(subjectId: string): number {
    let subject = this.subjectIndex.get(subjectId);
    if (subject === undefined) {
      subject = this.subjectIds.length;
      this.subjectIds.push(subjectId);
      this.subjectIndex.set(subjectId, subject);
    }
    return subject;
  }

  /**
   * A new integer id for a subject whose raw keys follow ({@link LinkKeyTable.beginSubject}),
   * without looking its id up: a population visits each subject once, and a subject id it gives
   * twice (two ids for one subject here) is told apart from two subjects by {@link LinkKeyTable.groups}.
   */
  private visitedSubject(subjectId: string): number {
    const subject = this.subjectIds.length;
    this.subjectIds.push(subjectId);
    return subject;
  }

  private fieldOf(field: string): number {
    let index = this.fieldIndex.get(field);
    if (index === undefined) {
      index = this.fields.length;
      this.fields.push(field);
      this.fieldIndex.set(field, index);
    }
    return index;
  }

  private pushRow(
    key: number,
    subject: number,
    field: number,
    recordId: string,
    at: string | undefined,
    until: string | undefined,
    signature: string | undefined,
    eventTime: number,
  ): number {
    const row = this.rowKey.length;
    this.rowKey.push(key);
    this.rowSubject.push(subject);
    this.rowField.push(field);
    this.rowRecord.push(recordId);
    this.rowAt.push(at);
    this.rowUntil.push(until);
    this.rowSignature.push(signature);
    this.rowEventTime.push(eventTime);
    return row;
  }

  /**
   * The id of `(kind, key)` with 64-bit hash `hi:lo`, a new one (first subject: `subject`) when
   * unseen; marks it shared when `subject` is not its first. Keys with one hash are chained and
   * compared by text, so only equal keys share an id.
   */
  private intern(kind: number, key: string, subject: number, hi: number, lo: number): number {
    const id = this.keyText.length;
    const head = this.index.setIfAbsent(hi, lo, id);
    if (head !== undefined) {
      let last = head;
      for (let k = head; k !== NONE; k = this.keyNext.get(k)) {
        if (this.keyText[k] === key && this.keyKind.get(k) === kind) {
          const first = this.firstSubject.get(k);
          if (first !== subject && first !== SHARED) this.firstSubject.set(k, SHARED);
          return k;
        }
        last = k;
      }
      // A different key with the same 64-bit hash: chained after the last one.
      this.keyNext.set(last, id);
    }
    this.keyText.push(key);
    this.keyKind.push(kind);
    this.keyNext.push(NONE);
    this.firstSubject.push(subject);
    this.keyVisit.push(0);
    this.keyFirstRow.push(NONE);
    this.keyFirstSummary.push(NONE);
    return id;
  }

  /** Starts a subject whose raw keys follow (`recordKey`, `eventKey`); `endSubject` finishes it. */
  beginSubject(subjectId: string): void {
    this.pendingSubject = subjectId;
    this.subject = NONE;
    this.visit++;
    if (this.repeats.size > 0) this.repeats.clear();
    this.summaries = 0;
  }

  /** The key id of a raw key of the current subject, its per-visit marks reset when the visit is new. */
  private keyOfVisit(kind: number, key: string, hi: number, lo: number): number {
    if (this.subject === NONE) this.subject = this.visitedSubject(this.pendingSubject);
    const id = this.intern(kind, key, this.subject, hi, lo);
    if (this.keyVisit.get(id) !== this.visit) {
      this.keyVisit.set(id, this.visit);
      this.keyFirstRow.set(id, NONE);
      this.keyFirstSummary.set(id, NONE);
    }
    return id;
  }

  /**
   * A key from a record of the current subject (kind from the hasher, hash `hi:lo`). Deduplicated
   * per `(key, record, field)`, keeping the earliest time, as {@link extractLinkKeys} does.
   */
  recordKey(kind: number, key: string, recordId: string, field: string, at: string | undefined, signature: string | undefined, hi: number, lo: number): void {
    const id = this.keyOfVisit(kind, key, hi, lo);
    const first = this.keyFirstRow.get(id);
    if (first === NONE) {
      this.keyFirstRow.set(id, this.pushRow(id, this.subject, this.fieldOf(field), recordId, at, undefined, signature, NONE));
      return;
    }
    // The key again in this subject: rare, so only now is an id text built.
    if (first !== IN_REPEATS) {
      this.repeats.set(`${id}\u0000${this.rowRecord.get(first) as string}\u0000${this.fields[this.rowField.get(first)] as string}`, first);
      this.keyFirstRow.set(id, IN_REPEATS);
    }
    const repeatId = `${id}\u0000${recordId}\u0000${field}`;
    const prev = this.repeats.get(repeatId);
    if (prev === undefined) {
      this.repeats.set(repeatId, this.pushRow(id, this.subject, this.fieldOf(field), recordId, at, undefined, signature, NONE));
      return;
    }
    if (!replacesLinkTime(this.rowAt.get(prev), at)) return;
    this.rowAt.set(prev, at);
    this.rowSignature.set(prev, signature);
  }

  /** A key from an event of the current subject: summarised per `(key, field)` into the first event and the first and last time. */
  eventKey(kind: number, key: string, event: ActivityEvent, field: EventKeyField, hi: number, lo: number): void {
    const id = this.keyOfVisit(kind, key, hi, lo);
    if (event !== this.lastEvent) {
      this.lastEvent = event;
      // linkEventTime, keeping whether the text is canonical: a 24-character one is its own toISOString.
      // A time that is not a text is left to linkEventTime to report.
      const at: unknown = event.at;
      const text = typeof at === 'string' ? at : '';
      const canonical = canonicalIsoTime(text);
      this.lastEventMs = canonical === canonical ? canonical : linkEventTime(event);
      this.lastEventText = canonical === canonical && text.length === 24 ? text : undefined;
    }
    const t = this.lastEventMs;
    const text = this.lastEventText;
    // At most one summary per event field for a key: the chain is short.
    for (let s = this.keyFirstSummary.get(id); s !== NONE; s = this.summaryNext[s] as number) {
      if (this.summaryField[s] !== field) continue;
      const firstMs = this.summaryFirstMs[s] as number;
      if (t < firstMs || (t === firstMs && event.id < (this.summaryFirst[s] as ActivityEvent).id)) {
        this.summaryFirst[s] = event;
        this.summaryFirstMs[s] = t;
        this.summaryFirstText[s] = text;
      }
      if (t > (this.summaryLastMs[s] as number)) {
        this.summaryLastMs[s] = t;
        this.summaryLastText[s] = text;
      }
      return;
    }
    const s = this.summaries++;
    this.summaryKey[s] = id;
    this.summaryField[s] = field;
    this.summaryFirst[s] = event;
    this.summaryFirstMs[s] = t;
    this.summaryLastMs[s] = t;
    this.summaryFirstText[s] = text;
    this.summaryLastText[s] = text;
    this.summaryNext[s] = this.keyFirstSummary.get(id);
    this.keyFirstSummary.set(id, s);
  }

  /** Finishes the current subject: its event keys become rows (one per key and field). */
  endSubject(): void {
    for (let s = 0; s < this.summaries; s++) {
      const first = this.summaryFirst[s] as ActivityEvent;
      const time = this.eventFirstMs.length;
      this.eventFirstMs.push(this.summaryFirstMs[s] as number);
      this.eventLastMs.push(this.summaryLastMs[s] as number);
      this.eventFirstText.push(this.summaryFirstText[s]);
      this.eventLastText.push(this.summaryLastText[s]);
      this.pushRow(
        this.summaryKey[s] as number,
        this.subject,
        this.fieldOf(eventFieldPath(first.type, this.summaryField[s] as string)),
        first.id,
        undefined,
        undefined,
        undefined,
        time,
      );
    }
    // Drops the references to the subject's events.
    this.summaryFirst.length = 0;
    this.summaries = 0;
    this.lastEvent = undefined;
  }

  /** Counts of the work done so far. */
  get work(): KeyTableWork {
    return {
      keys: this.rowKey.length,
      distinctKeys: this.keyText.length,
      probes: this.index.probes,
      collected: this.collected,
      indexBytes: this.index.byteLength,
    };
  }

  /**
   * The keys carried by two or more distinct subjects, each with its occurrences in the order they
   * were added (keys in the order first seen): what `GROUP BY kind, key HAVING COUNT(DISTINCT
   * subject_id) > 1` returns. One pass over the distinct keys, two over the occurrences (the
   * second sizes the periods of use of windowed groups, which are held beside their frozen
   * member lists for the index: see `memberTimes`).
   */
  groups(): LinkGroup[] {
    const rows = this.rowKey.length;
    const distinct = this.keyText.length;
    // Group number of each shared key, in order of key id; -1 for a key of one subject.
    const groupOf = new Int32Array(distinct).fill(-1);
    const groups: { kind: LinkKeyKind; key: string; members: LinkMember[] }[] = [];
    // Per group of a windowed kind, its members' periods of use (two numbers a member), else undefined.
    const periods: (Float64Array | undefined)[] = [];
    for (let key = 0; key < distinct; key++) {
      if (this.firstSubject.get(key) !== SHARED) continue;
      groupOf[key] = groups.length;
      const kind = this.hasher.kinds[this.keyKind.get(key)] as LinkKeyKind;
      groups.push({ kind, key: this.keyText[key] as string, members: [] });
      periods.push(isWindowedKind(kind) ? emptyPeriods : undefined);
    }
    // Members per group of a windowed kind, to size its periods once.
    const sizes = new Int32Array(groups.length);
    for (let row = 0; row < rows; row++) {
      const group = groupOf[this.rowKey.get(row)] as number;
      if (group >= 0 && periods[group] !== undefined) sizes[group] = (sizes[group] as number) + 1;
    }
    for (let g = 0; g < groups.length; g++) if (periods[g] !== undefined) periods[g] = new Float64Array(2 * (sizes[g] as number));
    for (let row = 0; row < rows; row++) {
      this.collected++;
      const group = groupOf[this.rowKey.get(row)] as number;
      if (group < 0) continue;
      const members = (groups[group] as { members: LinkMember[] }).members;
      const times = periods[group];
      if (times !== undefined) this.writePeriod(row, times, members.length);
      members.push(this.member(row));
    }
    // A key "shared" by two visits of one subject id only is not shared.
    const shared = groups.filter((g, i) => {
      if (!spansTwoSubjects(g.members)) return false;
      const times = periods[i];
      if (times !== undefined) {
        // Frozen, members and list, so the periods held beside them stay theirs.
        for (const m of g.members) Object.freeze(m);
        setMemberPeriods(g.members, times);
        Object.freeze(g.members);
      }
      return true;
    });
    return shared;
  }

  /**
   * Writes the period of use of row `row`'s member at position `i` of `times`: an event key's
   * first and last times as the numbers held (what their texts parse to), another key's read
   * from its texts.
   */
  private writePeriod(row: number, times: Float64Array, i: number): void {
    const time = this.rowEventTime.get(row);
    if (time === NONE) {
      writeMemberPeriod(this.rowAt.get(row), this.rowUntil.get(row), times, i);
      return;
    }
    times[2 * i] = this.eventFirstMs.get(time);
    times[2 * i + 1] = this.eventLastMs.get(time);
  }

  private member(row: number): LinkMember {
    const time = this.rowEventTime.get(row);
    const at = time === NONE ? this.rowAt.get(row) : (this.eventFirstText.get(time) ?? new Date(this.eventFirstMs.get(time)).toISOString());
    const until = time === NONE ? this.rowUntil.get(row) : (this.eventLastText.get(time) ?? new Date(this.eventLastMs.get(time)).toISOString());
    const signature = this.rowSignature.get(row);
    const member: { subjectId: string; recordId: string; field: string; at?: string; until?: string; signature?: string } = {
      subjectId: this.subjectIds[this.rowSubject.get(row)] as string,
      recordId: this.rowRecord.get(row) as string,
      field: this.fields[this.rowField.get(row)] as string,
    };
    if (at !== undefined) member.at = at;
    if (until !== undefined) member.until = until;
    if (signature !== undefined) member.signature = signature;
    return member;
  }
}
