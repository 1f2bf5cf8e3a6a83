import { fnv1a32 } from '../util/hash';
import { ShardedMap } from '../engine/shardedMap';
import { IntColumn, StringColumn } from './columns';
import type { LinkKey, LinkKeyKind } from './keys';
import type { LinkGroup, LinkMember } from './linkIndex';

/** `firstSubject` of a key seen on two or more distinct subjects. */
const SHARED = -1;

/** Slots of the key hash table at the start (a power of two); it doubles when half full. */
const INITIAL_SLOTS = 1 << 10;

/** Counts of the work done, for tests that show it grows linearly with the keys. */
export interface KeyTableWork {
  /** Key occurrences added. */
  readonly keys: number;
  /** Distinct `(kind, key)` pairs. */
  readonly distinctKeys: number;
  /** Hash-table slots inspected while interning (about 1.5 per key at a load of at most one half), rehashing included. */
  readonly probes: number;
  /** Key occurrences read when the groups are collected (one pass: each key once). */
  readonly collected: number;
}

/** Murmur3's finaliser: spreads FNV-1a's bits so the low bits index the table well. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * The link keys of a population, grouped by `(kind, key)` in one pass, without an object per key:
 * subjects become integer ids, each distinct key an integer id in an open-addressing hash table
 * (typed arrays, so no `Map` and no 2^24 ceiling), and each key occurrence a row of 32-bit
 * columns (key, subject, record, field, times, signature). A key remembers its first subject
 * until a second one shows up, so at the end the shared keys are known without another pass over
 * the input, and only their occurrences become {@link LinkMember} objects.
 */
export class LinkKeyTable {
  // Subjects: id -> integer id.
  private readonly subjectIndex = new ShardedMap<string, number>();
  private readonly subjectIds: string[] = [];
  // Distinct keys: a hash table of slot pairs (key id + 1, 0 when empty; the key's hash), and per key id its kind, text and first subject.
  private slots = new Int32Array(2 * INITIAL_SLOTS);
  private readonly keyKind = new IntColumn();
  private readonly keyText: string[] = [];
  private readonly firstSubject = new IntColumn();
  private readonly kinds: string[] = [];
  private readonly kindIndex = new Map<string, number>();
  private readonly fields: string[] = [];
  private readonly fieldIndex = new ShardedMap<string, number>();
  // Occurrences, one row per key added.
  private readonly rowKey = new IntColumn();
  private readonly rowSubject = new IntColumn();
  private readonly rowField = new IntColumn();
  private readonly rowRecord = new StringColumn();
  private readonly rowAt = new StringColumn();
  private readonly rowUntil = new StringColumn();
  private readonly rowSignature = new StringColumn();
  private probes = 0;
  private collected = 0;

  /** Adds one subject's keys. A subject id given twice is one subject. */
  addSubject(subjectId: string, keys: readonly LinkKey[]): void {
    let subject = this.subjectIndex.get(subjectId);
    if (subject === undefined) {
      subject = this.subjectIds.length;
      this.subjectIds.push(subjectId);
      this.subjectIndex.set(subjectId, subject);
    }
    for (const k of keys) this.add(subject, k);
  }

  private add(subject: number, k: LinkKey): void {
    const key = this.intern(this.kindOf(k.kind), k.key, subject);
    const first = this.firstSubject.get(key);
    if (first !== subject && first !== SHARED) this.firstSubject.set(key, SHARED);
    this.rowKey.push(key);
    this.rowSubject.push(subject);
    this.rowField.push(this.fieldOf(k.field));
    this.rowRecord.push(k.recordId);
    this.rowAt.push(k.at);
    this.rowUntil.push(k.until);
    this.rowSignature.push(k.signature);
  }

  private kindOf(kind: string): number {
    let index = this.kindIndex.get(kind);
    if (index === undefined) {
      index = this.kinds.length;
      this.kinds.push(kind);
      this.kindIndex.set(kind, index);
    }
    return index;
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

  /**
   * The id of `(kind, key)`, a new one (first subject: `subject`) when unseen. Linear probing over
   * slot pairs (key id + 1, hash): a probe compares hashes in the slot itself, so only a hash match
   * reads the key's text.
   */
  private intern(kind: number, key: string, subject: number): number {
    const hash = mix(fnv1a32(key, (0x811c9dc5 ^ Math.imul(kind + 1, 0x9e3779b1)) >>> 0));
    const slots = this.slots;
    const mask = (slots.length >>> 1) - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      this.probes++;
      const slot = slots[2 * i] as number;
      if (slot === 0) {
        const id = this.keyText.length;
        slots[2 * i] = id + 1;
        slots[2 * i + 1] = hash;
        this.keyText.push(key);
        this.keyKind.push(kind);
        this.firstSubject.push(subject);
        if (4 * this.keyText.length > slots.length) this.grow();
        return id;
      }
      if (slots[2 * i + 1] === hash && this.keyText[slot - 1] === key && this.keyKind.get(slot - 1) === kind) return slot - 1;
    }
  }

  /** Doubles the table (it is kept at most half full) and re-inserts every slot by its stored hash. */
  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >>> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      const slot = old[j] as number;
      if (slot === 0) continue;
      const hash = old[j + 1] as number;
      let i = hash & mask;
      for (this.probes++; slots[2 * i] !== 0; this.probes++) i = (i + 1) & mask;
      slots[2 * i] = slot;
      slots[2 * i + 1] = hash;
    }
    this.slots = slots;
  }

  /** Counts of the work done so far. */
  get work(): KeyTableWork {
    return { keys: this.rowKey.length, distinctKeys: this.keyText.length, probes: this.probes, collected: this.collected };
  }

  /**
   * The keys carried by two or more distinct subjects, each with its occurrences in the order they
   * were added (keys in the order first seen): what `GROUP BY kind, key HAVING COUNT(DISTINCT
   * subject_id) > 1` returns. One pass over the distinct keys, one over the occurrences.
   */
  groups(): LinkGroup[] {
    const rows = this.rowKey.length;
    const distinct = this.keyText.length;
    // Group number of each shared key, in order of key id; -1 for a key of one subject.
    const groupOf = new Int32Array(distinct).fill(-1);
    const groups: { kind: LinkKeyKind; key: string; members: LinkMember[] }[] = [];
    for (let key = 0; key < distinct; key++) {
      if (this.firstSubject.get(key) !== SHARED) continue;
      groupOf[key] = groups.length;
      groups.push({ kind: this.kinds[this.keyKind.get(key)] as LinkKeyKind, key: this.keyText[key] as string, members: [] });
    }
    for (let row = 0; row < rows; row++) {
      this.collected++;
      const group = groupOf[this.rowKey.get(row)] as number;
      if (group < 0) continue;
      (groups[group] as { members: LinkMember[] }).members.push(this.member(row));
    }
    return groups;
  }

  private member(row: number): LinkMember {
    const at = this.rowAt.get(row);
    const until = this.rowUntil.get(row);
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
